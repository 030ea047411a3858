package dev.interviewagent.voice.spi;

import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.voice.SpeechToText;

/**
 * A speech-to-text provider module: builds its {@link SpeechToText} from the configuration. Each provider module
 * ({@code sdk-voice-assemblyai}, {@code sdk-voice-openai}) registers one in
 * {@code META-INF/services/dev.interviewagent.voice.spi.SpeechToTextProvider}; {@code SpeechToTextFactory} finds it
 * with {@link java.util.ServiceLoader} by {@link #name()}. Hosts never call it.
 *
 * <p>The factory decides whether the provider is wanted (its key is set, {@code interview.voice.provider} names it)
 * and wraps what {@link #create} returns in {@code ResilientSpeechToText}, so the instance must not retry on its own.
 */
public interface SpeechToTextProvider {

    /** The provider's name, as {@code interview.voice.provider} spells it, e.g. {@code assemblyai}. */
    String name();

    /**
     * A speech-to-text on this provider, set from {@code config}'s {@code interview.voice.<name>.*} settings.
     *
     * @throws dev.interviewagent.core.config.InvalidConfigurationException if a setting is invalid, naming it
     */
    SpeechToText create(InterviewConfig config);
}
