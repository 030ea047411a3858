package dev.interviewagent.voice.openai;

import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.voice.SpeechToText;
import dev.interviewagent.voice.spi.SpeechToTextProvider;

/**
 * The {@code openai} speech-to-text provider: {@link OpenAiSpeechToText} from {@code interview.voice.openai.api-key},
 * {@code interview.voice.openai.base-url} and {@code interview.voice.openai.model}. Registered in
 * {@code META-INF/services} for {@code SpeechToTextFactory}; hosts never call it.
 */
public final class OpenAiSpeechToTextProvider implements SpeechToTextProvider {

    /** The name {@code interview.voice.provider} selects it by. */
    public static final String NAME = OpenAiSpeechToText.PROVIDER_ID;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SpeechToText create(InterviewConfig config) {
        OpenAiSpeechToText.Builder builder = OpenAiSpeechToText.builder();
        config.apply(InterviewSettings.SPEECH_OPENAI_API_KEY, builder::apiKey);
        config.apply(InterviewSettings.SPEECH_OPENAI_BASE_URL, builder::baseUrl);
        config.apply(InterviewSettings.SPEECH_OPENAI_MODEL, builder::model);
        return builder.build();
    }
}
