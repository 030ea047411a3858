package dev.interviewagent.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.scenario.InterviewDriver;
import dev.interviewagent.core.scenario.ScriptedExpert;
import dev.interviewagent.core.scenario.ScriptedExperts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every report, partial or final, validates against the published schema {@code docs/report-schema.json}. */
class ReportSchemaTest {

    private static JsonSchema schema;
    private final ObjectMapper mapper = new ObjectMapper();
    private final InterviewEngine engine = InterviewEngine.builder().build();

    @BeforeAll
    static void loadSchema() throws IOException {
        Path file = Path.of("..", "docs", "report-schema.json");
        try (InputStream in = Files.newInputStream(file)) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }

    @AfterEach
    void close() {
        engine.close();
    }

    static Stream<ScriptedExpert> experts() {
        return Stream.concat(ScriptedExperts.english().stream(), ScriptedExperts.russian().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("experts")
    void should_validate_the_final_report_against_the_schema(ScriptedExpert expert) throws IOException {
        Reply last = InterviewDriver.run(engine, expert, "master");
        assertValid(engine.report(last.interviewId(), ReportFormat.JSON));
    }

    @Test
    void should_validate_a_partial_report_while_the_interview_runs() throws IOException {
        Reply reply = engine.start(StartRequest.builder().build());
        assertValid(engine.report(reply.interviewId(), ReportFormat.JSON));
        reply = engine.answer(reply.interviewId(), Answer.text("m1", "I started in 2009 as a trainee, 3 of us."));
        String json = engine.report(reply.interviewId(), ReportFormat.JSON);
        assertValid(json);
        assertThat(mapper.readTree(json).get("final").asBoolean()).isFalse();
    }

    @Test
    void should_reject_a_report_that_breaks_the_schema() throws IOException {
        Reply reply = engine.start(StartRequest.builder().build());
        JsonNode node = mapper.readTree(engine.report(reply.interviewId(), ReportFormat.JSON));
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("status", "exploded");
        assertThat(schema.validate(node)).isNotEmpty();
    }

    @Test
    void should_read_back_what_it_wrote() {
        Reply last = InterviewDriver.run(engine, ScriptedExperts.welder(), "telegram");
        KnowledgeReport report = engine.report(last.interviewId());
        ReportRenderer renderer = new ReportRenderer();
        assertThat(renderer.parse(renderer.json(report))).isEqualTo(report);
    }

    private void assertValid(String json) throws IOException {
        Set<ValidationMessage> errors = schema.validate(mapper.readTree(json));
        assertThat(errors).as("schema violations").isEmpty();
    }
}
