package dev.interviewagent.bench.drill.speech;

import dev.interviewagent.bench.drill.load.ExpertScript;
import dev.interviewagent.bench.drill.load.Script;
import dev.interviewagent.voice.testkit.AudioFixtures;
import java.util.List;

/**
 * An expert who answers every other question by voice: real recordings (sdk-voice's committed clips in five
 * containers, and the shared Telegram voice note), announced in their format, each answer's words being those of
 * {@link ExpertScript}.
 */
final class SpeechScript implements Script {

    /** A recording and the {@code audio.format} it is announced with. */
    record Recording(byte[] bytes, String format) {
    }

    static final List<Recording> RECORDINGS = List.of(
            new Recording(AudioFixtures.resource("speech-en.webm"), "webm"),
            new Recording(AudioFixtures.resource("speech-en.opus.ogg"), "ogg"),
            new Recording(AudioFixtures.resource("speech-en.wav"), "wav"),
            new Recording(AudioFixtures.resource("speech-en.cbr.mp3"), "mp3"),
            new Recording(AudioFixtures.resource("speech-en.m4a"), "m4a"),
            new Recording(AudioFixtures.shared(AudioFixtures.TELEGRAM_VOICE_NOTE), "ogg"));

    private final ExpertScript words;
    private final int respondent;

    SpeechScript(int respondent, int life) {
        this.words = new ExpertScript(respondent, life);
        this.respondent = respondent;
    }

    @Override
    public String language() {
        return words.language();
    }

    @Override
    public String codeWord() {
        return words.codeWord();
    }

    @Override
    public Answer answer(int k) {
        String text = words.answer(k).text();
        if (k % 2 == 1) {
            return Answer.typed(text);
        }
        Recording r = RECORDINGS.get((respondent + k / 2) % RECORDINGS.size());
        return new Answer(text, r.bytes(), r.format());
    }
}
