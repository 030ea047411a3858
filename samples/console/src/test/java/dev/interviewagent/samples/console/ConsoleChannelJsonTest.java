package dev.interviewagent.samples.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.channel.ChannelAdapter;
import dev.interviewagent.core.channel.OutboundEvent;
import dev.interviewagent.core.report.ReportFormat;
import dev.interviewagent.core.spi.testkit.ChannelAdapterContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The JSON-mode console against the channel contract: one protocol object per line. */
class ConsoleChannelJsonTest extends ChannelAdapterContract {

    private final Map<String, List<String>> delivered = new ConcurrentHashMap<>();
    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    protected ChannelAdapter newAdapter() {
        return new ConsoleChannel(ConsoleChannel.Mode.JSON,
                (conversation, message) -> delivered.computeIfAbsent(conversation, c -> new ArrayList<>())
                        .add(message), Language.ENGLISH, null);
    }

    @Override
    protected List<String> rendered(String conversation) {
        return List.copyOf(delivered.getOrDefault(conversation, List.of()));
    }

    @Test
    void should_write_every_event_as_one_line_of_json_with_a_type() throws Exception {
        InterviewId id = engine.start(dev.interviewagent.core.StartRequest.builder().language(Language.ENGLISH)
                .build()).interviewId();
        for (OutboundEvent event : sampleEvents(id)) {
            adapter.send("c", event);
        }
        for (String line : rendered("c")) {
            assertThat(line).doesNotContain("\n");
            assertThat(mapper.readTree(line).path("type").asText()).isNotEmpty();
        }
    }

    @Test
    void should_split_an_oversized_markdown_report_into_numbered_parts() throws Exception {
        String big = "word ".repeat(ConsoleChannel.JSON_MAX_LINE / 2);
        adapter.send("c", new OutboundEvent.Report(InterviewId.of("i-1"), ReportFormat.MARKDOWN, big));

        List<String> lines = rendered("c");
        assertThat(lines).hasSizeGreaterThan(1);
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode node = mapper.readTree(lines.get(i));
            assertThat(node.path("type").asText()).isEqualTo("report");
            assertThat(node.path("part").asInt()).isEqualTo(i + 1);
            assertThat(node.path("parts").asInt()).isEqualTo(lines.size());
            joined.append(node.path("content").asText()).append(' ');
        }
        assertThat(joined.toString().strip()).isEqualTo(big.strip());
    }
}
