package dev.interviewagent.spring.boot;

import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.core.config.Setting;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Reads the provider variables the SDK knows by their industry names ({@code OPENAI_API_KEY},
 * {@code ANTHROPIC_API_KEY}, {@code ASSEMBLYAI_API_KEY}, {@code REDIS_URL}, {@code TELEGRAM_BOT_TOKEN}, …) as
 * their {@code interview.*} properties, so that the environment a plain-Java host reads configures a Spring Boot
 * application the same way. Every other setting's variable ({@code INTERVIEW_ENGINE_BRAIN_TIMEOUT}) is already read
 * by Spring's relaxed binding.
 *
 * <p>The values rank just below the operating system environment: an {@code INTERVIEW_…} variable, a system
 * property or a command-line argument wins over them, and they win over {@code application.properties}, as
 * environment variables do over the SDK's configuration file. Registered in {@code META-INF/spring.factories};
 * a host never calls it.
 */
public final class InterviewEnvironmentPostProcessor implements EnvironmentPostProcessor {

    /** The name of the property source this adds. */
    public static final String PROPERTY_SOURCE_NAME = "interviewProviderEnvironmentVariables";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MutablePropertySources sources = environment.getPropertySources();
        PropertySource<?> system = sources.get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        if (system == null || sources.contains(PROPERTY_SOURCE_NAME)) {
            return;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Setting<?> setting : InterviewSettings.all()) {
            if (setting.hasDerivedEnvironmentVariable()) {
                continue;
            }
            Object value = system.getProperty(setting.environmentVariable());
            if (value != null && !value.toString().isBlank()) {
                values.put(setting.name(), value);
            }
        }
        if (!values.isEmpty()) {
            sources.addAfter(system.getName(), new MapPropertySource(PROPERTY_SOURCE_NAME, values));
        }
    }
}
