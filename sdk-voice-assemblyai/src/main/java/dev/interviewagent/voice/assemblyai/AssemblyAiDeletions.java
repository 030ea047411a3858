package dev.interviewagent.voice.assemblyai;

import dev.interviewagent.core.resilience.Sleeper;
import dev.interviewagent.voice.SpeechException;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deletion of AssemblyAI transcripts after use, for {@link AssemblyAiSpeechToText}: a few attempts at once, then
 * in the background. Kept apart from the transcription flow since its failures never decide the result.
 */
final class AssemblyAiDeletions implements AutoCloseable {

    /** Attempts at deleting a transcript after its use, when the first fails for a moment (429, 5xx, network). */
    static final int DELETE_ATTEMPTS = 3;
    /** The wait before the second delete attempt; the third waits twice as long. */
    static final Duration DELETE_BACKOFF = Duration.ofMillis(250);
    /** Background attempts at a deletion that still failed; the first after 5 s, then doubling (about 10 min). */
    static final int DEFERRED_DELETE_ATTEMPTS = 7;
    static final Duration DEFERRED_DELETE_DELAY = Duration.ofSeconds(5);

    // the transcriber's logger: deletion is part of its story in the logs
    private static final Logger log = LoggerFactory.getLogger(AssemblyAiSpeechToText.class);

    private final Consumer<String> deletion;
    private final Sleeper sleeper;
    private final DeferredDeletions deferred;

    /** @param deletion one {@code DELETE /v2/transcript/{id}} call, failing with a {@link SpeechException} */
    AssemblyAiDeletions(Consumer<String> deletion, Sleeper sleeper, Duration deferredDelay) {
        this.deletion = deletion;
        this.sleeper = sleeper;
        this.deferred = new DeferredDeletions(AssemblyAiSpeechToText.PROVIDER_ID, deferredDelay,
                DEFERRED_DELETE_ATTEMPTS, deletion);
    }

    /**
     * Deletes a transcript and, with it, the uploaded audio ({@code DELETE /v2/transcript/{id}}), whether it
     * completed, failed or was abandoned. A transient failure (429, 5xx, a timeout, a dropped connection) is tried
     * again, up to {@value #DELETE_ATTEMPTS} attempts here, then in the background for about ten minutes (and once
     * more on {@link #close()}), since a transcript left behind keeps the respondent's audio at the provider. The
     * result is already decided, so a failure is logged, not thrown. An interrupted caller's flag is cleared for
     * these calls (the HTTP client refuses to run with it set) and restored afterwards; being interrupted again while waiting to try again stops the attempts.
     */
    void delete(String id) {
        boolean interrupted = Thread.interrupted();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    deletion.accept(id);
                    log.debug("assemblyai: transcript {} deleted", id);
                    return;
                } catch (SpeechException e) {
                    if (!e.isRetriable()) {
                        log.warn("assemblyai: transcript {} could not be deleted ({}); it stays with the provider",
                                id, e.reason().code());
                        return;
                    }
                    if (attempt >= DELETE_ATTEMPTS || !pauseBeforeDeleting(attempt)) {
                        log.info("assemblyai: transcript {} could not be deleted yet ({}, {} attempts); trying again "
                                + "in the background", id, e.reason().code(), attempt);
                        deferred.later(id);
                        return;
                    }
                    log.debug("assemblyai: transient {} deleting transcript {}, trying again", e.reason().code(), id);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits before delete attempt {@code attempt + 1}; false when interrupted meanwhile (the flag is kept). */
    private boolean pauseBeforeDeleting(int attempt) {
        try {
            sleeper.sleep(DELETE_BACKOFF.multipliedBy(attempt));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the background attempts, trying each pending deletion once more. */
    @Override
    public void close() {
        deferred.close();
    }
}
