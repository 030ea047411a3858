package dev.interviewagent.core.channel;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewSnapshot;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.exception.InterviewClosedException;
import dev.interviewagent.core.exception.InvalidInputException;
import dev.interviewagent.core.i18n.Messages;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spoken answers of a {@link ChannelBridge}: transcribes a recording once per interview and message id, answers
 * with a transcript the respondent can trust, and keeps a low-confidence one until it is confirmed, retried or
 * typed over. The transcripts awaiting confirmation are kept per interview (bounded, in memory), so any
 * conversation attached to the interview may confirm one. Thread-safe.
 */
final class VoiceAnswers {

    private static final Logger log = LoggerFactory.getLogger(ChannelBridge.class);
    private static final int PENDING_TRANSCRIPTS = 10_000;
    /** Recordings remembered so that one sent again is not transcribed again. */
    static final int RECENT_TRANSCRIPTS = 1_024;
    /** How long a remembered transcript is kept; a recording is sent again within seconds or minutes. */
    static final Duration RECENT_TRANSCRIPT_AGE = Duration.ofMinutes(30);

    /** What the bridge does with a transcript the respondent may send on. */
    interface Turns {
        void answer(String conversation, InterviewId id, Answer answer, String replyTo, long received);

        void send(String conversation, OutboundEvent event);
    }

    private record PendingTranscript(MessageId messageId, String text, double confidence) {
    }

    private final InterviewEngine engine;
    private final SpeechTranscriber transcriber;
    private final double highConfidence;
    private final double mediumConfidence;
    private final Turns turns;
    private final RecentTranscripts recentTranscripts;
    private final Map<String, PendingTranscript> pending = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PendingTranscript> eldest) {
            return size() > PENDING_TRANSCRIPTS;
        }
    };

    VoiceAnswers(InterviewEngine engine, SpeechTranscriber transcriber, double highConfidence,
            double mediumConfidence, Clock clock, Turns turns) {
        this.engine = engine;
        this.transcriber = transcriber;
        this.highConfidence = highConfidence;
        this.mediumConfidence = mediumConfidence;
        this.turns = turns;
        this.recentTranscripts = new RecentTranscripts(RECENT_TRANSCRIPTS, RECENT_TRANSCRIPT_AGE, clock);
    }

    /** Drops the transcript awaiting confirmation, if any: typed instead, completed or archived. */
    void drop(InterviewId id) {
        synchronized (pending) {
            pending.remove(key(id));
        }
    }

    /** Shows a transcript that still awaits confirmation again, with its choices (a resumed conversation). */
    void showPending(String conversation, InterviewSnapshot interview) {
        PendingTranscript transcript;
        synchronized (pending) {
            transcript = pending.get(key(interview.id()));
        }
        if (transcript != null && interview.isActive()) {
            turns.send(conversation, new OutboundEvent.Transcript(transcript.text(), transcript.confidence(),
                    TranscriptQuality.LOW, transcript.messageId().value(), true,
                    confirmChoices(interview.language())));
        }
    }

    /**
     * A spoken answer. A recording is transcribed once per interview and message id: one the interview already
     * answered (the engine's idempotency record, which survives restarts and is shared by every node) is answered
     * again from its stored text, and one sent again before that (a retry after a reconnect, a redelivery; also
     * while the first is still being transcribed) gets the transcript of the first delivery.
     */
    void audio(String conversation, InterviewId id, InboundMessage.Audio audio, long received) {
        String replyTo = audio.messageId().value();
        Optional<Turn> answered = answeredBefore(id, audio.messageId());
        if (answered.isPresent()) {
            Turn turn = answered.get();
            double confidence = turn.confidence() == null ? 1.0 : turn.confidence();
            log.debug("{} recording {} was answered before; not transcribed again", id, replyTo);
            if (turn.modality() == Turn.Modality.VOICE) {
                turns.send(conversation, new OutboundEvent.Transcript(turn.text(), confidence,
                        TranscriptQuality.of(confidence, highConfidence, mediumConfidence), replyTo, false, List.of()));
            }
            // the engine sees the repeated message id and returns its earlier reply unchanged
            turns.answer(conversation, id, Answer.voice(audio.messageId(), turn.text(), confidence), replyTo,
                    received);
            return;
        }
        InterviewSnapshot interview = engine.status(id);
        if (!interview.isActive()) {
            throw new InterviewClosedException("interview " + id + " has ended");
        }
        SpeechTranscriber.Heard heard = recentTranscripts.transcribe(id, audio.messageId(),
                () -> transcriber.transcribe(audio, interview.language()));
        TranscriptQuality quality = TranscriptQuality.of(heard.confidence(), highConfidence, mediumConfidence);
        if (quality == TranscriptQuality.LOW || heard.text().isBlank()) {
            synchronized (pending) {
                pending.put(key(id), new PendingTranscript(audio.messageId(), heard.text(),
                        heard.confidence()));
            }
            turns.send(conversation, new OutboundEvent.Transcript(heard.text(), heard.confidence(),
                    TranscriptQuality.LOW, replyTo, true, confirmChoices(interview.language())));
            return;
        }
        turns.send(conversation, new OutboundEvent.Transcript(heard.text(), heard.confidence(), quality, replyTo,
                false, List.of()));
        turns.answer(conversation, id, Answer.voice(audio.messageId(), heard.text(), heard.confidence()), replyTo,
                received);
    }

    /** A press of one of a low-confidence transcript's buttons: confirm, record again, or type instead. */
    void button(String conversation, InterviewId id, InboundMessage.ButtonPress press, Language language,
            long received) {
        switch (press.action()) {
            case Choice.CONFIRM_TRANSCRIPT -> {
                PendingTranscript transcript;
                synchronized (pending) {
                    transcript = pending.remove(key(id));
                }
                if (transcript == null) {
                    turns.send(conversation, notice(language, "transcript.none"));
                    return;
                }
                // The recording's own message id keeps a repeated confirmation from answering twice.
                turns.answer(conversation, id, Answer.voice(transcript.messageId(), transcript.text(),
                        transcript.confidence()), transcript.messageId().value(), received);
            }
            case Choice.RETRY_TRANSCRIPT, Choice.TYPE_INSTEAD -> {
                drop(id);
                turns.send(conversation, notice(language, Choice.RETRY_TRANSCRIPT.equals(press.action())
                        ? "transcript.retry" : "transcript.type"));
            }
            default -> throw new InvalidInputException("unknown button action: " + press.action());
        }
    }

    /** The respondent turn the interview recorded for this message id, if any. */
    private Optional<Turn> answeredBefore(InterviewId id, MessageId messageId) {
        for (Turn turn : engine.transcript(id)) {
            if (turn.isRespondent() && messageId.equals(turn.messageId())) {
                return Optional.of(turn);
            }
        }
        return Optional.empty();
    }

    private static List<Choice> confirmChoices(Language language) {
        return List.of(new Choice(Choice.CONFIRM_TRANSCRIPT, text(language, "button.confirm")),
                new Choice(Choice.RETRY_TRANSCRIPT, text(language, "button.retry")),
                new Choice(Choice.TYPE_INSTEAD, text(language, "button.type_instead")));
    }

    private static OutboundEvent.Notice notice(Language language, String key) {
        return new OutboundEvent.Notice(key, text(language, key));
    }

    /** Transcripts await confirmation per interview: any conversation attached to it may confirm. */
    private static String key(InterviewId id) {
        return id.value();
    }

    private static String text(Language language, String key) {
        return Messages.forLanguage(language).get(key);
    }
}
