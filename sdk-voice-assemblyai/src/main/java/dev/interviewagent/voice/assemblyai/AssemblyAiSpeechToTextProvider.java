package dev.interviewagent.voice.assemblyai;

import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.voice.SpeechToText;
import dev.interviewagent.voice.spi.SpeechToTextProvider;

/**
 * The {@code assemblyai} speech-to-text provider: {@link AssemblyAiSpeechToText} from
 * {@code interview.voice.assemblyai.api-key} and {@code interview.voice.assemblyai.base-url}. Registered in
 * {@code META-INF/services} for {@code SpeechToTextFactory}; hosts never call it.
 */
public final class AssemblyAiSpeechToTextProvider implements SpeechToTextProvider {

    /** The name {@code interview.voice.provider} selects it by. */
    public static final String NAME = AssemblyAiSpeechToText.PROVIDER_ID;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SpeechToText create(InterviewConfig config) {
        AssemblyAiSpeechToText.Builder builder = AssemblyAiSpeechToText.builder();
        config.apply(InterviewSettings.SPEECH_ASSEMBLYAI_API_KEY, builder::apiKey);
        config.apply(InterviewSettings.SPEECH_ASSEMBLYAI_BASE_URL, builder::baseUrl);
        return builder.build();
    }
}
