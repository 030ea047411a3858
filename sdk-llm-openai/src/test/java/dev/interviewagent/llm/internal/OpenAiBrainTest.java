package dev.interviewagent.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewagent.llm.LlmBrain;
import dev.interviewagent.llm.OutputMode;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The provider scenarios against OpenAI's chat-completions contract, plus what is OpenAI-specific. */
class OpenAiBrainTest extends ProviderScenarios {

    @Override
    FakeLlmServer.Dialect dialect() {
        return FakeLlmServer.Dialect.OPENAI;
    }

    @Override
    LlmBrain.Provider provider() {
        return LlmBrain.Provider.OPENAI;
    }

    @Override
    void assertProviderShape(FakeLlmServer.Recorded request) {
        assertThat(request.path()).isEqualTo("/chat/completions");
        assertThat(request.header("authorization")).isEqualTo("Bearer " + FakeLlmServer.KEY);
        assertThat(FakeLlmServer.roles(request)).containsExactly("system", "user");
        JsonNode format = request.body().path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("name").asText()).isEqualTo("interviewer_reply");
        assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
        JsonNode schema = format.path("json_schema").path("schema");
        assertThat(schema.path("required")).extracting(JsonNode::asText).contains("stage", "message",
                "question_depth", "completeness", "engagement", "knowledge", "transition_ready", "end_requested");
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(request.body().path("max_tokens").asInt()).isEqualTo(LlmBrain.DEFAULT_MAX_TOKENS);
        assertThat(request.body().path("temperature").asDouble()).isEqualTo(LlmBrain.DEFAULT_TEMPERATURE);
    }

    @Test
    void should_match_openais_published_request_schema_when_the_spec_is_available() throws Exception {
        Assumptions.assumeTrue(OpenAiSpec.get().isPresent(), "shared/specs not beside the checkout");
        OpenAiSpec spec = OpenAiSpec.get().orElseThrow();
        answer(start());

        assertThat(spec.checkRequest(server.last().body())).isEmpty();
        assertThat(spec.checkRequest(new ObjectMapper().readTree("{\"model\":\"m\"}"))).isNotEmpty();
        assertThat(spec.checkRequest(new ObjectMapper().readTree(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}"))).isNotEmpty();
    }

    @Test
    void should_keep_interviews_apart_when_one_brain_serves_them_concurrently() throws Exception {
        server = new FakeLlmServer(dialect());
        open(builder());
        int interviews = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(interviews);
        try {
            List<java.util.concurrent.Future<dev.interviewagent.core.Reply>> futures = new java.util.ArrayList<>();
            for (int n = 0; n < interviews; n++) {
                String marker = "Warehouse" + (char) ('A' + n);
                futures.add(pool.submit(() -> {
                    dev.interviewagent.core.Reply reply = engine.start(dev.interviewagent.core.StartRequest.builder()
                            .language(dev.interviewagent.core.Language.ENGLISH).build());
                    for (int i = 0; i < 3; i++) {
                        reply = engine.answer(reply.interviewId(), dev.interviewagent.core.Answer.text("m-" + i,
                                "In " + marker + " last week the night shift missed 3 pallets (" + i + ")."));
                    }
                    return reply;
                }));
            }
            for (int n = 0; n < interviews; n++) {
                String marker = "Warehouse" + (char) ('A' + n);
                dev.interviewagent.core.Reply reply = futures.get(n).get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(reply.interview().knowledge()).isNotEmpty()
                        .allSatisfy(item -> assertThat(item.text()).contains(marker));
                assertThat(engine.transcript(reply.interviewId())).filteredOn(t -> t.isInterviewer())
                        .noneMatch(t -> t.fallback());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(brain.metrics().turns()).isEqualTo(interviews * 4L);
        assertThat(brain.metrics().fallbacksSignalled()).isZero();
        assertThat(server.violations()).isEmpty();
    }

    @Test
    void should_ask_for_json_object_when_the_server_has_no_schema_support() {
        server = new FakeLlmServer(dialect());
        open(builder().outputMode(OutputMode.JSON_OBJECT));
        answer(start());

        assertThat(server.last().body().path("response_format").path("type").asText()).isEqualTo("json_object");
        assertThat(server.violations()).isEmpty();
    }

    @Test
    void should_send_no_response_format_when_only_the_prompt_asks_for_json() {
        server = new FakeLlmServer(dialect());
        open(builder().outputMode(OutputMode.PROMPT_ONLY));
        answer(start());

        assertThat(server.last().body().has("response_format")).isFalse();
        assertThat(brain.metrics().fallbacksSignalled()).isZero();
        assertThat(List.of(server.last().path())).containsExactly("/chat/completions");
    }
}
