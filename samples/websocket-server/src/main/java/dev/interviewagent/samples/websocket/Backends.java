package dev.interviewagent.samples.websocket;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.channel.SpeechTranscriber;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.core.store.InMemoryInterviewStore;
import dev.interviewagent.voice.SpeechToText;
import dev.interviewagent.voice.SpeechToTextFactory;
import dev.interviewagent.voice.VoiceTranscriber;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the store, brain and speech-to-text from the environment, the way a host would, and says which it picked
 * (never the keys or passwords). No keys and no URLs: offline brain, embedded store, no voice.
 */
final class Backends implements AutoCloseable {

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<String> description = new ArrayList<>();

    /** Builds an engine for {@code env}: store from {@code INTERVIEW_STORE_URL}, brain from the LLM keys. */
    InterviewEngine engine(Map<String, String> env) {
        InterviewEngine.Builder builder = InterviewEngine.builder().store(openStore(env));
        description.add("brain: offline methodology brain");
        return builder.build();
    }

    /** The store: the embedded one unless a URL is set. */
    InterviewStore openStore(Map<String, String> env) {
        description.add("store: in-memory");
        return new InMemoryInterviewStore();
    }

    /** Voice answers: transcribed when a speech key is set, refused ({@code unsupported_audio}) otherwise. */
    SpeechTranscriber transcriber(Map<String, String> env) {
        Optional<SpeechToText> speech = SpeechToTextFactory.fromEnvironment(env);
        if (speech.isEmpty()) {
            description.add("voice: off (set ASSEMBLYAI_API_KEY or OPENAI_API_KEY to transcribe spoken answers)");
            return SpeechTranscriber.NONE;
        }
        resources.add(speech.get());
        description.add("voice: " + speech.get().providerId() + " speech-to-text");
        return VoiceTranscriber.of(speech.get());
    }

    /** One line per choice made, for the start-up banner. */
    List<String> description() {
        return List.copyOf(description);
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }
}
