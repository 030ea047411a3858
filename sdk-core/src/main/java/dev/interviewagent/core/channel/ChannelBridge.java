package dev.interviewagent.core.channel;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.HistoryPage;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewSnapshot;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StageChange;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.analysis.Engagement;
import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.core.exception.InterviewClosedException;
import dev.interviewagent.core.exception.InterviewException;
import dev.interviewagent.core.i18n.Messages;
import dev.interviewagent.core.internal.errors.ScrubbedException;
import dev.interviewagent.core.report.ReportFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects a {@link ChannelAdapter} to an {@link InterviewEngine}: turns inbound messages into engine calls and the
 * engine's replies into {@link OutboundEvent}s, the same way for every channel. It handles commands, voice answers
 * (with confirmation of low-confidence transcripts), streaming deltas where the channel can show them, and turns
 * every failure into a localised {@link OutboundEvent.Error} — nothing escapes to the channel's thread.
 *
 * <p>Thread-safe. The engine serialises the turns of one interview; a channel should still deliver the messages of
 * one conversation in order. The only state kept here is low-confidence transcripts awaiting confirmation (bounded,
 * in memory): one per interview, not per conversation, so a respondent who reconnects — a new conversation of the
 * same interview — can still confirm it, and {@link #resume} shows it again; a new typed answer or the end of the
 * interview drops it. Transcripts of recent recordings are kept by interview and message id (bounded), so a
 * recording sent again under the same message id, also from a new connection, is not transcribed twice. Channels
 * must therefore give a recording the same {@link InboundMessage#messageId()} every time they deliver it.
 */
public final class ChannelBridge {

    private static final Logger log = LoggerFactory.getLogger(ChannelBridge.class);

    private final InterviewEngine engine;
    private final ChannelAdapter adapter;
    private final Language defaultLanguage;
    private final Clock clock;
    private final VoiceAnswers voice;

    private ChannelBridge(Builder b) {
        this.engine = b.engine;
        this.adapter = b.adapter;
        this.defaultLanguage = b.defaultLanguage;
        this.clock = b.clock;
        this.voice = new VoiceAnswers(b.engine, b.transcriber, b.highConfidence, b.mediumConfidence, b.clock,
                new VoiceAnswers.Turns() {
                    @Override
                    public void answer(String conversation, InterviewId id, Answer answer, String replyTo,
                            long received) {
                        ChannelBridge.this.answer(conversation, id, answer, replyTo, received);
                    }

                    @Override
                    public void send(String conversation, OutboundEvent event) {
                        ChannelBridge.this.send(conversation, event);
                    }
                });
    }

    /** A builder for a bridge between {@code engine} and {@code adapter}. */
    public static Builder builder(InterviewEngine engine, ChannelAdapter adapter) {
        return new Builder(engine, adapter);
    }

    /**
     * Starts an interview and sends {@code session} and the first {@code question}. A request without
     * {@link StartRequest#controls()} gets the channel's ({@link ChannelCapabilities#controls()}), so the greeting
     * names this channel's way to finish early and no other.
     *
     * @param token an access token to show in the session event (channels that authorise resumes); may be null
     * @return the new interview's id, or null if starting failed (an error event was sent)
     */
    public @Nullable InterviewId start(String conversation, StartRequest request, @Nullable String token) {
        try {
            Reply reply = engine.start(request.controls() != null ? request
                    : request.withControls(adapter.capabilities().controls()));
            InterviewSnapshot interview = reply.interview();
            send(conversation, new OutboundEvent.Session(interview.id(), token, interview.language(),
                    interview.style(), reply.duplicate()));
            sendReply(conversation, reply, null);
            return interview.id();
        } catch (RuntimeException e) {
            fail(conversation, e, null, request.language() == null ? defaultLanguage : request.language());
            return null;
        }
    }

    /**
     * Reattaches a conversation to an interview: sends {@code session} (resumed) and the pending question again with
     * the same turn number, or {@code completed} if the interview has ended; then a low-confidence transcript that
     * still awaits confirmation, again with its choices.
     */
    public void resume(String conversation, InterviewId id, @Nullable String token) {
        resume(conversation, id, token, false);
    }

    /**
     * As {@link #resume(String, InterviewId, String)}; with {@code showHistory}, the conversation before the pending
     * question follows the {@code session} as one {@link OutboundEvent.History} (all of it, read page by page), for
     * a channel whose client shows nothing of it otherwise (a console started again).
     */
    public void resume(String conversation, InterviewId id, @Nullable String token, boolean showHistory) {
        try {
            Reply reply = engine.pending(id);
            InterviewSnapshot interview = reply.interview();
            send(conversation, new OutboundEvent.Session(id, token, interview.language(), interview.style(), true));
            if (showHistory && reply.message().number() > 1) {
                send(conversation, new OutboundEvent.History(wholeHistory(id, reply.message().number())));
            }
            sendReply(conversation, new Reply(interview, reply.message(), List.of(), false), null);
            voice.showPending(conversation, interview);
        } catch (RuntimeException e) {
            fail(conversation, e, null, defaultLanguage);
        }
    }

    /**
     * Sends one page of the conversation so far ({@link OutboundEvent.History}): the turns below {@code before}
     * (null: the newest), at most {@code limit}; see {@link InterviewEngine#history}. A failure (a bad cursor or
     * limit, an unknown interview, the store down) is sent as an error event with {@code replyTo}. Never throws.
     */
    public void history(String conversation, InterviewId id, @Nullable Integer before, int limit,
                        @Nullable String replyTo) {
        try {
            send(conversation, new OutboundEvent.History(engine.history(id, before, limit)));
        } catch (RuntimeException e) {
            fail(conversation, e, replyTo, languageOf(id));
        }
    }

    /** Every turn numbered below {@code before}, as one page, read page by page. */
    private HistoryPage wholeHistory(InterviewId id, int before) {
        ArrayDeque<Turn> turns = new ArrayDeque<>();
        HistoryPage page = engine.history(id, before, InterviewEngine.MAX_HISTORY_PAGE);
        int total = page.total();
        while (true) {
            List<Turn> got = page.turns();
            for (int i = got.size() - 1; i >= 0; i--) {
                turns.addFirst(got.get(i));
            }
            if (!page.more()) {
                break;
            }
            page = engine.history(id, page.next(), InterviewEngine.MAX_HISTORY_PAGE);
        }
        return new HistoryPage(id, List.copyOf(turns), false, null, total);
    }

    /**
     * The active interview bound to a channel key, if any (see {@link InterviewEngine#findActive}): how a channel
     * finds the interview a returning conversation is attached to.
     *
     * @throws InterviewException if the store cannot be read
     */
    public Optional<InterviewId> findActive(String channelKey) {
        return engine.findActive(channelKey);
    }

    /**
     * Ends an interview without a word to the conversation: completes it under {@code messageId} (it keeps its
     * report and is no longer active) and drops a transcript awaiting confirmation. For a channel's "start over",
     * where the respondent leaves the interview rather than finishing it; {@code COMPLETE} is the way to finish it.
     *
     * @throws InterviewException if the interview cannot be completed (unknown, the store down)
     */
    public void archive(InterviewId id, MessageId messageId) {
        voice.drop(id);
        engine.complete(id, messageId);
    }

    /** Handles one inbound message of a conversation attached to interview {@code id}. Never throws. */
    public void handle(String conversation, InterviewId id, InboundMessage message) {
        handle(conversation, id, message, Duration.ZERO);
    }

    /**
     * Handles one inbound message that already waited {@code waited} in the channel (a queue of turns, a busy
     * pool). The wait, and a recording's transcription, count against the engine's brain timeout, so the
     * respondent's whole wait for the next question stays within it. Never throws.
     */
    public void handle(String conversation, InterviewId id, InboundMessage message, Duration waited) {
        long received = System.nanoTime() - Math.max(0, waited.toNanos());
        String replyTo = message.messageId().value();
        try {
            if (message instanceof InboundMessage.Text text) {
                voice.drop(id);   // typed instead: the recording awaiting confirmation is superseded
                answer(conversation, id, Answer.text(text.messageId(), text.text()), replyTo, received);
            } else if (message instanceof InboundMessage.Audio audio) {
                voice.audio(conversation, id, audio, received);
            } else if (message instanceof InboundMessage.Command command) {
                command(conversation, id, command);
            } else if (message instanceof InboundMessage.ButtonPress press) {
                voice.button(conversation, id, press, languageOf(id), received);
            }
        } catch (RuntimeException e) {
            fail(conversation, e, replyTo, languageOf(id));
        }
    }

    private void answer(String conversation, InterviewId id, Answer answer, String replyTo, long received) {
        int[] deltaTurn = {-1};
        Consumer<String> deltas = adapter.capabilities().streamingEdits()
                ? piece -> {
                    if (deltaTurn[0] < 0) {
                        deltaTurn[0] = engine.status(id).turnCount() + 1;
                    }
                    send(conversation, new OutboundEvent.Delta(id, deltaTurn[0], piece));
                }
                : piece -> { };
        Reply reply = engine.answer(id, answer, deltas, Duration.ofNanos(System.nanoTime() - received));
        sendReply(conversation, reply, replyTo);
    }

    private void command(String conversation, InterviewId id, InboundMessage.Command command) {
        switch (command.command()) {
            case COMPLETE -> {
                voice.drop(id);
                sendReply(conversation, engine.complete(id, command.messageId()), command.messageId().value());
            }
            case STATUS -> {
                InterviewSnapshot interview = engine.status(id);
                send(conversation, new OutboundEvent.Status(interview, statusSummary(interview)));
            }
            case REPORT -> {
                ReportFormat format = command.argument() == null ? ReportFormat.MARKDOWN
                        : ReportFormat.parse(command.argument()).orElseThrow(() ->
                        new dev.interviewagent.core.exception.InvalidInputException(
                                "unknown report format: " + command.argument()));
                send(conversation, new OutboundEvent.Report(id, format, engine.report(id, format)));
            }
            case HELP -> {
                // the help of the channel the respondent is on now, not of the one the interview started on
                Language language = languageOf(id);
                send(conversation, new OutboundEvent.Notice("command.help",
                        ControlTexts.help(adapter.capabilities().controls(), language)));
            }
            case REPEAT -> repeat(conversation, id, command.messageId().value());
        }
    }

    /**
     * Sends the pending question again, unchanged (same turn number and text): a read, so no turn is stored and
     * the next answer still answers it. An ended interview has no question to repeat; it gets the usual "this
     * interview has ended" error.
     */
    private void repeat(String conversation, InterviewId id, String replyTo) {
        Reply pending = engine.pending(id);
        InterviewSnapshot interview = pending.interview();
        if (!interview.isActive()) {
            throw new InterviewClosedException("interview " + id + " has ended");
        }
        sendReply(conversation, new Reply(interview, pending.message(), List.of(), false), replyTo);
    }

    /** A one-line progress summary in the interview's language, for status commands. */
    public String statusSummary(InterviewSnapshot interview) {
        var progress = interview.currentProgress();
        long minutes = Duration.between(interview.createdAt(), interview.endedAt() != null ? interview.endedAt()
                : clock.instant()).toMinutes();
        Messages messages = Messages.forLanguage(interview.language());
        return messages.get("status.summary", interview.stage().index(), messages.stageName(interview.stage()),
                progress.completeness(), progress.depth(), progress.examples(), minutes,
                messages.status(interview.status()));
    }

    private void sendReply(String conversation, Reply reply, @Nullable String replyTo) {
        InterviewSnapshot interview = reply.interview();
        for (StageChange change : reply.stageChanges()) {
            send(conversation, new OutboundEvent.StageChanged(interview.id(), change.from(), change.to(),
                    change.completeness()));
        }
        if (reply.completed()) {
            send(conversation, new OutboundEvent.Completed(interview.id(), Objects.requireNonNull(
                    interview.closeReason(), "closeReason"), reply.message().text(), engine.report(interview.id())));
        } else {
            Engagement engagement = interview.engagement() == null ? Engagement.MEDIUM : interview.engagement();
            send(conversation, new OutboundEvent.Question(interview.id(), reply.message().number(),
                    reply.message().stage(), reply.message().text(), reply.message().depth(), reply.completeness(),
                    engagement, replyTo));
        }
    }

    private void fail(String conversation, RuntimeException e, @Nullable String replyTo, Language language) {
        ErrorCode code = e instanceof InterviewException ie ? ie.code() : ErrorCode.INTERNAL;
        String key = e instanceof InterviewClosedException ? "error.closed" : "error." + code.wireValue();
        if (!(e instanceof InterviewException)) {
            // a bug in the bridge, the adapter or the transcriber: seen at ERROR, its message withheld
            log.error("channel turn failed unexpectedly", ScrubbedException.of(e));
        } else if (code == ErrorCode.INTERNAL) {
            log.debug("channel turn failed: internal (logged at ERROR where it happened)");
        } else {
            log.debug("channel turn rejected: {} ({})", code.wireValue(), e.getMessage());
        }
        try {
            send(conversation, new OutboundEvent.Error(code, text(language, key), replyTo));
        } catch (RuntimeException sendFailure) {
            log.warn("could not deliver an error event: {}", sendFailure.toString());
        }
    }

    private void send(String conversation, OutboundEvent event) {
        adapter.send(conversation, event);
    }

    /** The language of an interview; the {@link Builder#defaultLanguage default language} if it cannot be read. */
    public Language languageOf(InterviewId id) {
        try {
            return engine.status(id).language();
        } catch (RuntimeException e) {
            return defaultLanguage;
        }
    }

    private static String text(Language language, String key, Object... args) {
        return Messages.forLanguage(language).get(key, args);
    }

    /** Builds a {@link ChannelBridge}. Not thread-safe. */
    public static final class Builder {
        private final InterviewEngine engine;
        private final ChannelAdapter adapter;
        private SpeechTranscriber transcriber = SpeechTranscriber.NONE;
        private double highConfidence = TranscriptQuality.DEFAULT_HIGH;
        private double mediumConfidence = TranscriptQuality.DEFAULT_MEDIUM;
        private Language defaultLanguage = Language.ENGLISH;
        private Clock clock = Clock.systemUTC();

        private Builder(InterviewEngine engine, ChannelAdapter adapter) {
            this.engine = Objects.requireNonNull(engine, "engine");
            this.adapter = Objects.requireNonNull(adapter, "adapter");
        }

        /** How spoken answers are transcribed. Default: {@link SpeechTranscriber#NONE} (voice rejected). */
        public Builder transcriber(SpeechTranscriber transcriber) {
            this.transcriber = Objects.requireNonNull(transcriber, "transcriber");
            return this;
        }

        /**
         * The confidence bounds of the transcript quality tiers. Defaults 0.85 and 0.6.
         *
         * @throws IllegalArgumentException unless 0 ≤ medium ≤ high ≤ 1
         */
        public Builder qualityTiers(double high, double medium) {
            if (!(0 <= medium && medium <= high && high <= 1)) {
                throw new IllegalArgumentException("need 0 <= medium <= high <= 1, was high=" + high + " medium="
                        + medium);
            }
            this.highConfidence = high;
            this.mediumConfidence = medium;
            return this;
        }

        /** The language of errors when the interview is unknown. Default English. */
        public Builder defaultLanguage(Language defaultLanguage) {
            this.defaultLanguage = Objects.requireNonNull(defaultLanguage, "defaultLanguage");
            return this;
        }

        /** The clock of status summaries and remembered transcripts. Default: {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The bridge. */
        public ChannelBridge build() {
            return new ChannelBridge(this);
        }
    }
}
