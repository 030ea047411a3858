package dev.interviewagent.llm.internal;

import java.util.Objects;
import java.util.Set;

/**
 * What the model was shown for one turn, in the form the reply checks compare against: the eight-word runs of the
 * system prompt (a reply must not repeat one) and the words of the turn's context — the respondent's answers, the
 * move's quotes, the recent transcript — which are the only words a reply may put in quotation marks. Immutable.
 *
 * @param promptShingles the system prompt's {@link ReplyChecks#SHINGLE_WORDS}-word runs
 * @param contextWords   the context's words as one run ({@link ReplyChecks#wordRun})
 */
record PromptFacts(Set<String> promptShingles, String contextWords) {

    PromptFacts {
        promptShingles = Set.copyOf(promptShingles);
        Objects.requireNonNull(contextWords, "contextWords");
    }

    /** The facts of {@code prompt}: its system prompt, and its first user message (the turn's context). */
    static PromptFacts of(ModelPrompt prompt) {
        String context = prompt.messages().stream().filter(m -> !m.assistant()).findFirst()
                .map(ModelPrompt.Message::text).orElse("");
        return new PromptFacts(ReplyChecks.shingles(prompt.system()), ReplyChecks.wordRun(context));
    }
}
