package dev.interviewagent.websocket.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A long export is cut into frames within the limit whose parts concatenate back to the export. */
class PrivacyRequestsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void should_cut_a_long_export_into_parts_that_concatenate_to_it() throws Exception {
        ObjectNode content = json.createObjectNode();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            text.append("Ответ «").append(i).append("» with \"quotes\" and \\ slashes 🙂\n");
        }
        content.put("answer", text.toString());
        String export = json.writerWithDefaultPrettyPrinter().writeValueAsString(content);
        ObjectNode template = json.createObjectNode().put("type", "export").put("replyTo", "e1");

        List<String> frames = PrivacyRequests.frames(template, export, 2_000);

        assertThat(frames).hasSizeGreaterThan(5);
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < frames.size(); i++) {
            assertThat(frames.get(i).length()).isLessThanOrEqualTo(2_000);
            JsonNode frame = json.readTree(frames.get(i));
            assertThat(frame.path("type").asText()).isEqualTo("export");
            assertThat(frame.path("replyTo").asText()).isEqualTo("e1");
            assertThat(frame.path("part").asInt()).isEqualTo(i + 1);
            assertThat(frame.path("parts").asInt()).isEqualTo(frames.size());
            joined.append(frame.path("content").asText());
        }
        assertThat(joined.toString()).isEqualTo(export);
        assertThat(json.readTree(joined.toString())).isEqualTo(content);
    }

    @Test
    void should_send_a_short_export_whole() throws Exception {
        ObjectNode template = new ObjectMapper().createObjectNode().put("type", "export");
        List<String> frames = PrivacyRequests.frames(template, "{\"interviews\":[]}", 2_000);
        assertThat(frames).hasSize(1);
        assertThat(json.readTree(frames.get(0)).has("part")).isFalse();
    }
}
