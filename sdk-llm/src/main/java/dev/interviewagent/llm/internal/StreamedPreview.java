package dev.interviewagent.llm.internal;

import dev.interviewagent.core.internal.text.TextSanitizer;
import dev.interviewagent.core.spi.BrainRequest;
import java.util.function.Consumer;

/**
 * Holds back a streamed message until a whole sentence has passed the checks the final reply gets
 * ({@link ReplyValidator#previewable}), so that nothing the validator would reject — a fragment of the system
 * prompt, words quoted that this respondent never said, a claim about scores or stages, a second question, another
 * language, a message written for another stage (when the reply names its stage first, as the contract orders) —
 * ever reaches the channel. What is
 * shown is always a prefix of the message as the validator would keep it; once a sentence fails, nothing more of
 * the turn is shown. After a question has been shown the rest waits for the end of the message (a second question
 * would make the validator cut it). Retried calls start a new attempt; an attempt's text is shown only where it
 * continues what was already shown.
 *
 * <p>Not thread-safe: one instance per turn, fed by one stream at a time.
 */
final class StreamedPreview {

    private final BrainRequest request;
    private final ReplyValidator validator;
    private final PromptFacts prompt;
    private final Consumer<String> deltas;
    private String shown = "";
    private boolean blocked;
    private boolean questionShown;

    StreamedPreview(BrainRequest request, ReplyValidator validator, PromptFacts prompt, Consumer<String> deltas) {
        this.request = request;
        this.validator = validator;
        this.prompt = prompt;
        this.deltas = deltas;
    }

    /** The consumer of one call's raw streamed chunks (the reply's JSON). */
    Consumer<String> attempt() {
        StringBuilder message = new StringBuilder();
        return new MessageStreamExtractor(piece -> {
            message.append(piece);
            release(message, false);
        }, () -> release(message, true), this::stageNamed);
    }

    /**
     * The reply names its stage: one written for another stage than the move's is rejected by the validator, so
     * none of its message may be shown (found by the prompt-injection drill: a hijacked model's "let us skip to
     * the final stage" was streamed before its reply was rejected).
     */
    private void stageNamed(String stage) {
        String code = stage.strip();
        if (!code.isEmpty() && !code.equals(request.move().stage().code())) {
            blocked = true;
        }
    }

    /** What has been shown so far. */
    String shown() {
        return shown;
    }

    private void release(StringBuilder message, boolean complete) {
        if (blocked || (questionShown && !complete)) {
            return;
        }
        if (message.length() > ReplyValidator.MAX_MESSAGE_CHARS * 2) {
            blocked = true;     // the validator rejects it anyway; stop scanning a run-away stream
            return;
        }
        String visible = TextSanitizer.stripInvisible(message.toString()).stripLeading();
        String candidate = complete ? visible.stripTrailing() : visible.substring(0, lastSentenceEnd(visible));
        if (candidate.length() <= shown.length()) {
            return;
        }
        if (!candidate.startsWith(shown)) {
            blocked = true;     // a retried call worded it differently: what was shown cannot be taken back
            return;
        }
        if (!validator.previewable(request, candidate, prompt, complete)) {
            blocked = true;
            return;
        }
        String piece = candidate.substring(shown.length());
        shown = candidate;
        questionShown = validator.asksQuestion(candidate, request.interview().language());
        deltas.accept(piece);
    }

    /** The end of the last whole sentence (its end mark followed by white space), or 0; as ReplyChecks splits. */
    static int lastSentenceEnd(String text) {
        for (int i = text.length() - 2; i >= 0; i--) {
            char c = text.charAt(i);
            boolean mark = c == '?' || c == '!' || c == '.' || c == '…' || c == '\n';
            if (mark && Character.isWhitespace(text.charAt(i + 1))) {
                return c == '\n' ? i : i + 1;
            }
        }
        return 0;
    }
}
