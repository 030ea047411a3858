package dev.interviewagent.samples.websocket;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.channel.SpeechTranscriber;
import dev.interviewagent.core.exception.StoreException;
import dev.interviewagent.core.spi.InterviewLock;
import dev.interviewagent.voice.SpeechToText;
import dev.interviewagent.voice.Transcript;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;

/** Servers for tests (an ephemeral port), answers, and the doubles the page's tests use. */
final class TestServers {

    private TestServers() {
    }

    static ServerSettings settings() {
        return ServerSettings.defaults().withPort(0);
    }

    static InterviewServer start(InterviewEngine engine, SpeechTranscriber transcriber, ServerSettings settings) {
        try {
            return InterviewServer.start(settings, engine, transcriber);
        } catch (Exception e) {
            throw new IllegalStateException("server did not start", e);
        }
    }

    static InterviewServer start(InterviewEngine engine, SpeechTranscriber transcriber, ServerSettings settings,
                                 dev.interviewagent.websocket.QuestionSpeaker speaker) {
        try {
            return InterviewServer.start(settings, engine, transcriber, speaker);
        } catch (Exception e) {
            throw new IllegalStateException("server did not start", e);
        }
    }

    /** Hears every recording as the same answer; confidence 0.93. */
    static final SpeechToText FAKE_SPEECH = new SpeechToText() {
        @Override
        public Transcript transcribe(dev.interviewagent.voice.AudioInput audio,
                                     dev.interviewagent.voice.TranscriptionOptions options) {
            return new Transcript(answer("en", 9), 0.93, Optional.of("en"), OptionalDouble.empty(), List.of(),
                    Duration.ofSeconds(3), providerId());
        }

        @Override
        public String providerId() {
            return "fake";
        }
    };

    /** The local lock, failing as a lock whose store is down would ({@code unavailable}) while {@link #down} is set. */
    static final class FlakyLock implements InterviewLock {
        final AtomicBoolean down = new AtomicBoolean();
        private final InterviewLock local = InterviewLock.local();

        @Override
        public Lease acquire(InterviewId id, Duration timeout) {
            if (down.get()) {
                throw new StoreException("the lock's store is down");
            }
            return local.acquire(id, timeout);
        }
    }

    /** A rich answer that differs each turn: an example, steps, numbers, a failure and its fix. */
    static String answer(String language, int n) {
        if (language.toLowerCase(Locale.ROOT).equals("ru")) {
            return String.format("В прошлый вторник на объекте %d был случай: сначала я проверил журнал давления, "
                    + "потом позвонил начальнику смены, после этого мы заменили клапан %d за %d минут. Типичная "
                    + "ошибка новичков — пропускать просмотр журнала; однажды мы потеряли %d тысяч рублей, а "
                    + "признаком был спад расхода на %d процентов. Теперь я всегда сравниваю показания с тремя "
                    + "последними сменами, и это сократило аварии на %d процентов за %d месяцев.",
                    100 + n, 7 + n, 20 + n, 300 + n, 3 + n % 5, 10 + n, 2 + n % 9);
        }
        return String.format("Last Tuesday at plant %d I had a case: first I checked the pressure log, then I called "
                + "the shift lead, after that we replaced valve %d within %d minutes. The mistake newcomers make "
                + "is skipping the log review; we once lost $%d,000 because of it, and the warning sign was a %d%% "
                + "drop in flow. Now I always compare readings with the last three shifts, which cut incidents by "
                + "%d%% over %d months.", 100 + n, 7 + n, 20 + n, 30 + n, 3 + n % 5, 10 + n, 2 + n % 9);
    }
}
