package dev.interviewagent.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.metrics.micrometer.InterviewEngineMetrics;
import dev.interviewagent.llm.LlmBrain;
import dev.interviewagent.llm.LlmBrainMetrics.CallOutcome;
import dev.interviewagent.llm.micrometer.LlmMetrics;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link LlmMetrics} over a real LLM brain talking to the providers' stand-in server, inside a real engine. */
class LlmMetricsTest {

    private static final String ANSWER = "Last week a client called at 9am about a failed delivery. First I checked"
            + " the logs, then I called the carrier, and after that we rerouted the parcel within 2 hours.";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void should_count_calls_by_outcome_retries_fallbacks_tokens_and_show_the_circuit_opening() {
        try (FakeLlmServer server = new FakeLlmServer(FakeLlmServer.Dialect.OPENAI)) {
            LlmBrain brain = brain(server, LlmBrain.Provider.OPENAI).maxRetries(1).circuitFailureThreshold(2)
                    .circuitOpenDuration(Duration.ofMinutes(5)).build();
            InterviewEngineMetrics engineMetrics = new InterviewEngineMetrics();
            try (InterviewEngine engine = InterviewEngine.builder().brain(brain).observer(engineMetrics)
                    .brainTimeout(Duration.ofSeconds(10)).build()) {
                new LlmMetrics(brain).bindTo(registry);
                engineMetrics.bindTo(registry);
                assertThat(gauge("closed")).isEqualTo(1.0);

                Reply reply = engine.start(StartRequest.builder().language(Language.ENGLISH).build());
                server.then(new FakeLlmServer.Fail(500, Map.of()));                       // retried, then ok
                reply = answer(engine, reply, 1);
                assertThat(reply.message().fallback()).isFalse();
                server.then(new FakeLlmServer.Fail(503, Map.of()), new FakeLlmServer.Fail(500, Map.of()));
                reply = answer(engine, reply, 2);                                      // gives up: fallback
                server.then(new FakeLlmServer.Fail(500, Map.of()), new FakeLlmServer.Fail(502, Map.of()));
                reply = answer(engine, reply, 3);                                      // second failure: opens
                assertThat(gauge("open")).isEqualTo(1.0);
                int sent = server.requests().size();
                reply = answer(engine, reply, 4);                                      // refused at once
                assertThat(server.requests()).hasSize(sent);
                assertThat(reply.message().fallback()).isTrue();
            }
        }

        assertThat(count(LlmMetrics.TURNS)).isEqualTo(5);
        assertThat(count(LlmMetrics.CALLS, "outcome", "ok")).isEqualTo(2);
        assertThat(count(LlmMetrics.CALLS, "outcome", "server_error")).isEqualTo(5);
        assertThat(count(LlmMetrics.CALLS, "outcome", "rate_limited")).isZero();
        assertThat(registry.find(LlmMetrics.CALLS).functionCounters()).hasSize(CallOutcome.values().length);
        assertThat(count(LlmMetrics.RETRIES)).isEqualTo(3);
        assertThat(count(LlmMetrics.FALLBACKS)).isEqualTo(3);
        assertThat(count(LlmMetrics.BREAKER_REJECTIONS)).isEqualTo(1);
        assertThat(count(LlmMetrics.TOKENS, "type", "prompt")).as("the stand-in reports 100 per reply")
                .isEqualTo(200);
        assertThat(count(LlmMetrics.TOKENS, "type", "completion")).isEqualTo(100);
        assertThat(count(LlmMetrics.REASKS)).isZero();
        assertThat(gauge("open")).isEqualTo(1.0);
        assertThat(gauge("closed")).isZero();
        assertThat(gauge("half_open")).isZero();

        assertThat(registry.get(InterviewEngineMetrics.BRAIN_FALLBACKS).tags("brain", LlmBrain.ID, "reason", "error")
                .counter().count()).isEqualTo(3);
        assertThat(registry.get(InterviewEngineMetrics.BRAIN_DURATION).tags("brain", LlmBrain.ID, "role", "primary",
                "outcome", "ok").timer().count()).isEqualTo(2);
        assertThat(registry.getMeters().stream().filter(m -> m.getId().getName().startsWith("interview.llm.")))
                .isNotEmpty()
                .allSatisfy(m -> {
                    assertThat(m.getId().getTag("provider")).isEqualTo("openai");
                    assertThat(m.getId().getTag("model")).isEqualTo(FakeLlmServer.MODEL);
                });
    }

    @ParameterizedTest
    @EnumSource(FakeLlmServer.Dialect.class)
    void should_add_up_the_tokens_the_provider_reports(FakeLlmServer.Dialect dialect) {
        LlmBrain.Provider provider = dialect == FakeLlmServer.Dialect.OPENAI ? LlmBrain.Provider.OPENAI
                : LlmBrain.Provider.ANTHROPIC;
        try (FakeLlmServer server = new FakeLlmServer(dialect);
             InterviewEngine engine = InterviewEngine.builder().brain(brainAndBind(server, provider)).build()) {
            Reply reply = engine.start(StartRequest.builder().language(Language.ENGLISH).build());
            answer(engine, reply, 1);
        }
        assertThat(count(LlmMetrics.CALLS, "outcome", "ok")).isEqualTo(2);
        assertThat(count(LlmMetrics.TOKENS, "type", "prompt")).isEqualTo(200);
        assertThat(count(LlmMetrics.TOKENS, "type", "completion")).isEqualTo(100);
        Map<String, String> tags = registry.get(LlmMetrics.TURNS).functionCounter().getId().getTags().stream()
                .collect(Collectors.toMap(Tag::getKey,
                        Tag::getValue));
        assertThat(tags).containsEntry("provider", provider.code()).containsEntry("model", FakeLlmServer.MODEL);
    }

    @Test
    void should_tag_llm_meters_only_with_provider_model_and_a_known_code_never_an_interview_or_a_message() {
        List<String> ids = new ArrayList<>();
        try (FakeLlmServer server = new FakeLlmServer(FakeLlmServer.Dialect.OPENAI);
             InterviewEngine engine = InterviewEngine.builder()
                     .brain(brainAndBind(server, LlmBrain.Provider.OPENAI)).build()) {
            interviews(engine, 1, ids);
            int series = registry.getMeters().size();

            interviews(engine, 4, ids);

            assertThat(registry.getMeters()).as("four more interviews and messages").hasSize(series);
        }
        Map<String, Set<String>> vocabulary = Map.of(
                "provider", Set.of("openai"), "model", Set.of(FakeLlmServer.MODEL),
                "outcome", Arrays.stream(CallOutcome.values()).map(CallOutcome::code).collect(Collectors.toSet()),
                "what", Set.of("values", "knowledge"), "type", Set.of("prompt", "completion"),
                "state", Set.of("closed", "open", "half_open"));
        assertThat(registry.getMeters()).isNotEmpty().allSatisfy(meter -> meter.getId().getTags().forEach(tag -> {
            String where = meter.getId().getName() + "{" + tag.getKey() + "=" + tag.getValue() + "}";
            assertThat(vocabulary).as(where).containsKey(tag.getKey());
            assertThat(vocabulary.get(tag.getKey())).as(where).contains(tag.getValue());
            assertThat(ids).as(where).noneMatch(id -> tag.getValue().contains(id));
        }));
    }

    /** {@code count} interviews with one answer each; records their ids and message ids. */
    private static void interviews(InterviewEngine engine, int count, List<String> ids) {
        for (int i = 0; i < count; i++) {
            Reply reply = engine.start(StartRequest.builder().language(Language.ENGLISH)
                    .channelKey("chat:" + UUID.randomUUID()).build());
            String message = "m-" + UUID.randomUUID();
            engine.answer(reply.interviewId(), Answer.text(message, ANSWER));
            ids.add(reply.interviewId().value());
            ids.add(message);
        }
    }

    private LlmBrain brainAndBind(FakeLlmServer server, LlmBrain.Provider provider) {
        LlmBrain brain = brain(server, provider).build();
        new LlmMetrics(brain).bindTo(registry);
        return brain;
    }

    private static LlmBrain.Builder brain(FakeLlmServer server, LlmBrain.Provider provider) {
        return LlmBrain.builder().provider(provider).apiKey(FakeLlmServer.KEY).baseUrl(server.baseUrl())
                .modelName(FakeLlmServer.MODEL).callTimeout(Duration.ofSeconds(5)).turnTimeout(Duration.ofSeconds(8))
                .initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(40));
    }

    private static Reply answer(InterviewEngine engine, Reply previous, int n) {
        return engine.answer(previous.interviewId(), Answer.text("m-" + n, ANSWER + " (" + n + ")"));
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).functionCounter().count();
    }

    private double gauge(String state) {
        return registry.get(LlmMetrics.BREAKER_STATE).tags("state", state).gauge().value();
    }
}
