package dev.interviewagent.spring.boot;

import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.spring.boot.properties.InterviewProperties;
import dev.interviewagent.voice.spi.SpeechToTextProviders;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the properties ask for speech-to-text, by {@code SpeechToTextFactory}'s rules: an AssemblyAI or OpenAI
 * key is set (the LLM's OpenAI key counts) and that provider's module ({@code sdk-voice-assemblyai},
 * {@code sdk-voice-openai}) is on the classpath, or {@code interview.voice.provider} names a provider, and the provider
 * is not {@code off}. A provider named without its key or its module matches too, so that the factory stops the
 * application with a message that names the missing key or artifact. Evaluated after the configuration's
 * {@code @ConditionalOnClass} for sdk-voice.
 */
final class SpeechToTextCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        InterviewConfig config;
        boolean off;
        boolean named;
        boolean keyed;
        try {
            config = Binder.get(context.getEnvironment()).bind(InterviewProperties.PREFIX, InterviewProperties.class)
                    .orElseGet(InterviewProperties::new).toInterviewConfig();
            off = config.find(InterviewSettings.SPEECH_PROVIDER).filter("off"::equals).isPresent();
            named = config.find(InterviewSettings.SPEECH_PROVIDER).isPresent();
            // a key alone (the LLM's OpenAI key, say) asks for speech only when its provider module is there
            keyed = (config.find(InterviewSettings.SPEECH_ASSEMBLYAI_API_KEY).isPresent()
                    && SpeechToTextProviders.find("assemblyai").isPresent())
                    || (config.find(InterviewSettings.SPEECH_OPENAI_API_KEY).isPresent()
                    && SpeechToTextProviders.find("openai").isPresent());
        } catch (RuntimeException e) {
            // the InterviewConfig bean reports the bad value, naming the property
            return ConditionOutcome.noMatch("interview.* properties are invalid");
        }
        if (off) {
            return ConditionOutcome.noMatch("interview.voice.provider is off");
        }
        if (keyed || named) {
            return ConditionOutcome.match(keyed ? "a speech-to-text key is set" : "interview.voice.provider is set");
        }
        return ConditionOutcome.noMatch("no speech-to-text key is set for a provider module on the classpath");
    }
}
