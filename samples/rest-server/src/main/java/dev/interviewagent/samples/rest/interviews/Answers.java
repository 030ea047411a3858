package dev.interviewagent.samples.rest.interviews;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewSnapshot;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.exception.InterviewClosedException;
import dev.interviewagent.samples.rest.problem.ApiException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Takes answers exactly once per {@code Idempotency-Key}: the key becomes the engine's message id (see
 * {@link IdempotencyKey}), so the engine stores the answer before it asks the brain and answers a repeat from its
 * log. A key already used with another answer is refused before anything changes.
 */
@Service
public class Answers {

    /** The message id of {@code complete}: completing twice is completing once. */
    static final MessageId COMPLETE = MessageId.of("rest:complete");

    private final InterviewEngine engine;
    private final VoiceAnswers voice;
    private final KeyedLocks locks = new KeyedLocks(Duration.ofSeconds(60));

    public Answers(InterviewEngine engine, VoiceAnswers voice) {
        this.engine = engine;
        this.voice = voice;
    }

    /**
     * What an answer got.
     *
     * @param view     the reply
     * @param replayed whether it repeats the reply to an earlier request with the same key
     */
    record Answered(TurnView view, boolean replayed) {
    }

    /** A typed answer. */
    Answered text(InterviewSnapshot interview, IdempotencyKey key, String text) {
        MessageId messageId = key.messageId(IdempotencyKey.fingerprintOfText(text));
        return locks.withLock(interview.id().value(), () -> {
            Optional<Turn> earlier = earlierUse(interview, key);
            if (earlier.isPresent() && !earlier.get().messageId().equals(messageId)) {
                throw reused();
            }
            Reply reply = engine.answer(interview.id(), Answer.text(messageId, text));
            return new Answered(Views.turn(reply, null), reply.duplicate());
        });
    }

    /** A spoken answer: transcribed once, however often it is sent with the same key. */
    Answered voice(InterviewSnapshot interview, IdempotencyKey key, byte[] audio) {
        MessageId messageId = key.messageId(IdempotencyKey.fingerprintOfAudio(audio));
        return locks.withLock(interview.id().value(), () -> {
            Optional<Turn> earlier = earlierUse(interview, key);
            if (earlier.isPresent()) {
                Turn turn = earlier.get();
                if (!turn.messageId().equals(messageId)) {
                    throw reused();
                }
                // the engine answers from its log: the stored transcript, no second transcription
                Reply reply = engine.answer(interview.id(), Answer.voice(messageId, turn.text(),
                        turn.confidence() == null ? 1.0 : turn.confidence()));
                return new Answered(Views.turn(reply, voice.heardBefore(turn)), true);
            }
            voice.requireEnabled();
            if (!engine.status(interview.id()).isActive()) {
                throw new InterviewClosedException("interview " + interview.id() + " has ended");
            }
            TranscriptView heard = voice.transcribe(audio, interview.language());
            Reply reply = engine.answer(interview.id(), Answer.voice(messageId, heard.text(), heard.confidence()));
            return new Answered(Views.turn(reply, heard), false);
        });
    }

    /** Ends the interview now; repeating it returns the same closing message. */
    TurnView complete(InterviewSnapshot interview) {
        return locks.withLock(interview.id().value(),
                () -> Views.turn(engine.complete(interview.id(), COMPLETE), null));
    }

    /** The respondent turn that used {@code key} before, with whatever answer. */
    private Optional<Turn> earlierUse(InterviewSnapshot interview, IdempotencyKey key) {
        return engine.transcript(interview.id()).stream()
                .filter(Turn::isRespondent)
                .filter(turn -> key.madeFrom(turn.messageId()))
                .findFirst();
    }

    private static ApiException reused() {
        return ApiException.unprocessable("this Idempotency-Key was already used with a different answer; use a new"
                + " key for a new answer");
    }
}
