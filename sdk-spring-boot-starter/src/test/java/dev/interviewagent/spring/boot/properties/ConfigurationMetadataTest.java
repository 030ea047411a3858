package dev.interviewagent.spring.boot.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.core.config.Setting;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The configuration metadata the build generates (what IDEs complete {@code interview.*} from) lists every registry
 * setting, with the registry's description and default.
 */
class ConfigurationMetadataTest {

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    /** The starter's own metadata, among those of every Spring Boot jar on the class path. */
    private static Map<String, JsonNode> interviewProperties() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (URL url : Collections.list(ConfigurationMetadataTest.class.getClassLoader().getResources(METADATA))) {
            JsonNode root;
            try (InputStream in = url.openStream()) {
                root = json.readTree(in);
            }
            Map<String, JsonNode> properties = new LinkedHashMap<>();
            root.path("properties").forEach(p -> properties.put(p.path("name").asText(), p));
            if (properties.keySet().stream().anyMatch(name -> name.startsWith("interview."))) {
                return properties;
            }
        }
        throw new AssertionError(METADATA + " with interview.* properties is not on the class path: was the"
                + " configuration processor run?");
    }

    /** The description an IDE shows: the registry's, then where an unset value comes from, then "Secret.". */
    private static String expectedDescription(Setting<?> setting) {
        String fallback = setting.fallback().map(f -> " Unset: as " + f.name()
                + setting.defaultValue().map(d -> ", else " + d).orElse("") + ".").orElse("");
        return setting.description() + fallback + (setting.isSecret() ? " Secret." : "");
    }

    @Test
    void should_list_every_registry_setting_and_nothing_else() throws IOException {
        Map<String, JsonNode> properties = interviewProperties();

        assertThat(properties.keySet()).containsExactlyInAnyOrderElementsOf(
                InterviewSettings.all().stream().map(Setting::name).toList());
    }

    @Test
    void should_describe_each_property_as_the_registry_does() throws IOException {
        Map<String, JsonNode> properties = interviewProperties();

        for (Setting<?> setting : InterviewSettings.all()) {
            JsonNode property = properties.get(setting.name());
            assertThat(property.path("description").asText().replaceAll("\\s+", " ")).as(setting.name())
                    .isEqualTo(expectedDescription(setting));
            assertThat(property.path("sourceType").asText()).as(setting.name())
                    .startsWith(InterviewProperties.class.getPackageName());
        }
    }

    @Test
    void should_show_the_registry_default_of_each_property() throws IOException {
        Map<String, JsonNode> properties = interviewProperties();
        InterviewConfig defaults = InterviewConfig.of(Map.of(), Map.of(), Map.of());

        for (Setting<?> setting : InterviewSettings.all()) {
            JsonNode shown = properties.get(setting.name()).path("defaultValue");
            Optional<String> registryDefault = setting.fallback().isPresent() ? Optional.empty()
                    : setting.defaultValue();
            if (registryDefault.isEmpty()) {
                assertThat(shown.isMissingNode() || shown.isArray() && shown.isEmpty()).as(setting.name()).isTrue();
                continue;
            }
            assertThat(shown.isMissingNode()).as(setting.name() + " has a default").isFalse();
            Object parsed = InterviewConfig.of(Map.of(), Map.of(setting.name(), shown.asText()), Map.of())
                    .find(setting).orElseThrow();
            assertThat(parsed).as(setting.name()).isEqualTo(defaults.get(setting));
        }
    }
}
