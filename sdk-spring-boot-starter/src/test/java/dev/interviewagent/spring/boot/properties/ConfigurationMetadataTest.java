package dev.interviewagent.spring.boot.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.core.config.Setting;
import dev.interviewagent.core.guide.InterviewStyles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
    private static JsonNode metadata() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (URL url : Collections.list(ConfigurationMetadataTest.class.getClassLoader().getResources(METADATA))) {
            JsonNode root;
            try (InputStream in = url.openStream()) {
                root = json.readTree(in);
            }
            for (JsonNode property : root.path("properties")) {
                if (property.path("name").asText().startsWith("interview.")) {
                    return root;
                }
            }
        }
        throw new AssertionError(METADATA + " with interview.* properties is not on the class path: was the"
                + " configuration processor run?");
    }

    private static Map<String, JsonNode> interviewProperties() throws IOException {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        metadata().path("properties").forEach(p -> properties.put(p.path("name").asText(), p));
        return properties;
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

    @Test
    void should_offer_as_value_hints_exactly_the_choices_the_registry_accepts() throws IOException {
        Map<String, List<String>> hints = new LinkedHashMap<>();
        metadata().path("hints").forEach(hint -> {
            List<String> values = new ArrayList<>();
            hint.path("values").forEach(value -> values.add(value.path("value").asText()));
            hints.put(hint.path("name").asText(), values);
        });

        for (Setting<?> setting : List.of(InterviewSettings.LLM_PROVIDER, InterviewSettings.SPEECH_PROVIDER,
                InterviewSettings.TTS_FORMAT)) {
            assertThat(hints.get(setting.name())).as(setting.name())
                    .containsExactlyElementsOf(List.of(setting.type().split(", | or ")));
        }
        assertThat(hints.get(InterviewSettings.START_LANGUAGE.name()))
                .containsExactlyElementsOf(Language.builtIn().stream().map(Language::code).toList());
        assertThat(hints.get(InterviewSettings.START_STYLE.name())).as("a host's own styles are allowed too")
                .containsExactlyElementsOf(InterviewStyles.BUILT_IN_CODES);
        assertThat(hints.keySet()).allMatch(name -> InterviewSettings.byName(name).isPresent());
    }
}
