package dev.interviewagent.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import org.junit.jupiter.api.Test;

/** The validator the tests rely on does find what breaks docs/openapi.yaml (so a passing exchange means something). */
class OpenApiContractTest {

    private final OpenApiContract contract = OpenApiContract.get();

    @Test
    void should_refuse_requests_that_break_the_document() {
        assertThat(errors(contract.validateRequest(answer("{\"text\": 5}")))).isNotEmpty();
        assertThat(errors(contract.validateRequest(answer("{}")))).isNotEmpty();
        assertThat(errors(contract.validateRequest(new SimpleRequest.Builder("POST", "/api/interviews/x/answers")
                .withContentType("application/json").withAuthorization("Bearer t")
                .withBody("{\"text\": \"hello\"}").build()))).as("no Idempotency-Key").isNotEmpty();
        assertThat(errors(contract.validateRequest(new SimpleRequest.Builder("POST", "/api/interviews")
                .withContentType("application/json").withBody("{\"language\": \"de\"}").build())))
                .as("a language the enum does not list").isNotEmpty();
        assertThat(errors(contract.validateRequest(answer("{\"text\": \"hello\"}")))).isEmpty();
    }

    @Test
    void should_refuse_responses_that_break_the_document() {
        String message = "{\"turn\":2,\"kind\":\"question\",\"stage\":\"greeting\",\"stageIndex\":1,\"text\":\"Why?\","
                + "\"depth\":1}";
        String good = "{\"interviewId\":\"a\",\"status\":\"active\",\"completeness\":10,\"message\":" + message
                + ",\"stageChanges\":[]}";
        assertThat(errors(turn(200, "application/json", good))).isEmpty();
        assertThat(errors(turn(200, "application/json", good.replace("\"status\":\"active\"", "\"status\":\"x\""))))
                .as("a status the enum does not list").isNotEmpty();
        assertThat(errors(turn(200, "application/json", good.replace("\"completeness\":10,", ""))))
                .as("a required member missing").isNotEmpty();
        assertThat(errors(turn(418, "application/problem+json", "{}"))).as("an undocumented status").isNotEmpty();
        assertThat(errors(turn(422, "application/problem+json", "{\"title\":\"x\",\"status\":422}")))
                .as("a problem without code").isNotEmpty();
    }

    private static SimpleRequest answer(String body) {
        return new SimpleRequest.Builder("POST", "/api/interviews/x/answers").withContentType("application/json")
                .withAuthorization("Bearer t").withHeader("Idempotency-Key", "k").withBody(body).build();
    }

    private ValidationReport turn(int status, String type, String body) {
        return contract.validateResponse("/api/interviews/x/answers", Request.Method.POST,
                new SimpleResponse.Builder(status).withContentType(type).withBody(body).build());
    }

    private static java.util.List<String> errors(ValidationReport report) {
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage()).toList();
    }
}
