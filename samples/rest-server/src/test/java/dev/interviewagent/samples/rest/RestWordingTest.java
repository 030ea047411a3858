package dev.interviewagent.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An HTTP client has no commands, buttons or keys of its own, so the REST sample's interviews are worded neutrally:
 * no greeting or help names another channel's way to act (a Telegram command, the web page's button, a console key).
 */
class RestWordingTest extends ApiTestBase {

    private static final List<String> OTHER_CHANNELS = List.of("/complete", "/status", "/report", "/help", "/pause",
            "button", "кнопк", "Ctrl", "End interview", "Завершить интервью");
    private static final List<String> STYLES = List.of("master", "telegram", "conversational", "stage_specific",
            "conversation_management");

    @Test
    void should_greet_in_every_style_and_language_without_naming_another_channels_controls() {
        for (String language : List.of("en", "ru")) {
            for (String style : STYLES) {
                JsonNode started = Interviews.start(api, Map.of("language", language, "style", style)).body();
                String greeting = started.path("message").path("text").asText();

                assertThat(greeting).as("%s/%s greeting", language, style).isNotBlank();
                for (String control : OTHER_CHANNELS) {
                    assertThat(greeting).as("%s/%s greeting", language, style).doesNotContainIgnoringCase(control);
                }
            }
        }
    }
}
