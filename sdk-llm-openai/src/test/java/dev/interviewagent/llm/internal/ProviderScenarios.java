package dev.interviewagent.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.EngineMetrics;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.internal.guard.OneQuestionGuard;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import dev.interviewagent.llm.LlmBrain;
import dev.interviewagent.llm.LlmBrainMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same provider scenarios, run once per provider dialect against {@link FakeLlmServer}: each drives the real
 * {@link InterviewEngine} with the LLM brain and checks that the turn ends stored and valid, with the right
 * counters on the brain and on the engine.
 */
abstract class ProviderScenarios {

    static final String ANSWER = "Last week a client called at 9am about a failed delivery. First I checked the"
            + " logs, then I called the carrier, and after that we rerouted the parcel within 2 hours.";

    FakeLlmServer server;
    LlmBrain brain;
    InterviewEngine engine;

    abstract FakeLlmServer.Dialect dialect();

    abstract LlmBrain.Provider provider();

    /** Checks what only this provider's contract says about a request. */
    abstract void assertProviderShape(FakeLlmServer.Recorded request);

    LlmBrain.Builder builder() {
        return LlmBrain.builder()
                .provider(provider())
                .apiKey(FakeLlmServer.KEY)
                .baseUrl(server.baseUrl())
                .modelName(FakeLlmServer.MODEL)
                .callTimeout(Duration.ofSeconds(5))
                .turnTimeout(Duration.ofSeconds(8))
                .initialBackoff(Duration.ofMillis(10))
                .maxBackoff(Duration.ofMillis(40))
                .maxRetryAfter(Duration.ofSeconds(2));
    }

    void open(LlmBrain.Builder configured) {
        brain = configured.build();
        engine = InterviewEngine.builder().brain(brain).brainTimeout(Duration.ofSeconds(10)).build();
    }

    Reply start() {
        if (server == null) {
            server = new FakeLlmServer(dialect());
        }
        if (brain == null) {
            open(builder());
        }
        return engine.start(StartRequest.builder().language(Language.ENGLISH).build());
    }

    /** Loads LangChain4j, Jackson and the JDK HTTP client once, so no scenario pays for a cold first call. */
    @BeforeAll
    static void warmUp() {
        for (FakeLlmServer.Dialect dialect : FakeLlmServer.Dialect.values()) {
            try (FakeLlmServer warm = new FakeLlmServer(dialect);
                 InterviewEngine e = InterviewEngine.builder().brain(LlmBrain.builder()
                         .provider(dialect == FakeLlmServer.Dialect.OPENAI ? LlmBrain.Provider.OPENAI
                                 : LlmBrain.Provider.ANTHROPIC)
                         .apiKey(FakeLlmServer.KEY).baseUrl(warm.baseUrl()).modelName(FakeLlmServer.MODEL)
                         .callTimeout(Duration.ofSeconds(10)).build()).build()) {
                e.start(StartRequest.builder().language(Language.ENGLISH).build());
            }
        }
    }

    @AfterEach
    void tearDown() {
        if (engine != null) {
            engine.close();
        }
        if (server != null) {
            server.close();
        }
    }

    String phrasedBy() {
        return provider().code() + ":" + FakeLlmServer.MODEL;
    }

    /** The turn is stored, is the interview's last, and asks exactly one question. */
    Turn assertValidStoredTurn(Reply reply, boolean fallback) {
        List<Turn> log = engine.transcript(reply.interviewId());
        Turn last = log.get(log.size() - 1);
        assertThat(last).isEqualTo(reply.message());
        assertThat(last.isInterviewer()).isTrue();
        assertThat(last.text()).isNotBlank();
        assertThat(OneQuestionGuard.create().countQuestions(last.text(), Language.ENGLISH)).isEqualTo(1);
        assertThat(last.fallback()).isEqualTo(fallback);
        assertThat(last.phrasedBy()).isEqualTo(fallback ? "methodology" : phrasedBy());
        assertThat(server.violations()).isEmpty();
        return last;
    }

    void assertCounters(long calls, long retries, long reAsks, long validationFailures, long fallbacks) {
        LlmBrainMetrics m = brain.metrics();
        EngineMetrics e = engine.metrics();
        assertThat(m.calls()).as("calls").isEqualTo(calls);
        assertThat(m.retries()).as("retries").isEqualTo(retries);
        assertThat(m.reAsks()).as("reAsks").isEqualTo(reAsks);
        assertThat(m.validationFailures()).as("validationFailures").isEqualTo(validationFailures);
        assertThat(m.fallbacksSignalled()).as("fallbacksSignalled").isEqualTo(fallbacks);
        assertThat(e.brainFallbacks()).as("engine brainFallbacks").isEqualTo(fallbacks);
    }

    Reply answer(Reply previous) {
        return engine.answer(previous.interviewId(), Answer.text("m-" + previous.message().number(), ANSWER));
    }

    // ------------------------------------------------------------------------------------------------ scenarios

    @Test
    void should_send_the_providers_request_shape_when_phrasing_a_turn() {
        Reply first = start();
        answer(first);

        assertThat(server.violations()).isEmpty();
        FakeLlmServer.Recorded request = server.last();
        assertThat(request.body().path("model").asText()).isEqualTo(FakeLlmServer.MODEL);
        assertThat(FakeLlmServer.systemPrompt(request))
                .containsIgnoringCase("exactly one question")
                .contains("\"message\"");
        String user = FakeLlmServer.userMessage(request, 0);
        assertThat(user).contains("<context>").contains("<latest_answer>").contains("<answer>" + ANSWER + "</answer>");
        assertThat(FakeLlmServer.context(request).path("move").path("type").asText()).isNotBlank();
        assertThat(FakeLlmServer.context(request).path("analysis").path("word_count").asInt()).isPositive();
        assertProviderShape(request);
    }

    @Test
    void should_store_the_models_message_and_merge_its_knowledge_when_the_reply_is_valid() {
        Reply first = start();
        assertValidStoredTurn(first, false);
        server.respondWith(Responders.valid(node -> {
            var insight = ((com.fasterxml.jackson.databind.node.ArrayNode) node.path("knowledge")).addObject();
            insight.put("kind", "insight");
            insight.put("text", "checked the logs before calling the carrier");
            insight.put("stage", node.path("stage").asText());
        }));
        Reply next = answer(first);

        Turn turn = assertValidStoredTurn(next, false);
        // the model's own words are stored: a question of turn 3, or (the answer told a story) a probe of that story
        assertThat(turn.text()).satisfiesAnyOf(t -> assertThat(t).startsWith("Thank you. Question 3"),
                t -> assertThat(t).startsWith("You told me about"));
        assertThat(next.interview().knowledge())
                .anySatisfy(item -> {
                    assertThat(item.source()).isEqualTo(KnowledgeItem.SOURCE_MODEL);
                    assertThat(item.kind()).isEqualTo(dev.interviewagent.core.knowledge.KnowledgeKind.INSIGHT);
                    assertThat(item.text()).isEqualTo("checked the logs before calling the carrier");
                    assertThat(item.turn()).isEqualTo(2);
                });
        // the model's copy of what the analyzer already found is merged away, not stored twice
        assertThat(next.interview().knowledge())
                .extracting(item -> item.kind().code() + "|" + ReplyValidator.normalise(item.text()))
                .doesNotHaveDuplicates();
        assertCounters(2, 0, 0, 0, 0);
        assertThat(brain.metrics().turns()).isEqualTo(2);
    }

    @Test
    void should_forward_message_deltas_and_store_the_validated_message_when_streaming() {
        server = new FakeLlmServer(dialect());
        open(builder().streaming(true));
        Reply first = start();
        List<String> deltas = new ArrayList<>();

        Reply next = engine.answer(first.interviewId(), Answer.text("m-1", ANSWER), deltas::add);

        Turn turn = assertValidStoredTurn(next, false);
        assertThat(deltas.size()).isGreaterThan(1);
        assertThat(String.join("", deltas)).isEqualTo(turn.text());
        assertThat(server.last().body().path("stream").asBoolean()).isTrue();
        assertCounters(2, 0, 0, 0, 0);
    }

    @Test
    void should_wait_for_retry_after_and_retry_when_rate_limited() {
        Reply first = start();
        server.then(new FakeLlmServer.Fail(429, Map.of("Retry-After", "1")));

        Reply next = answer(first);

        assertValidStoredTurn(next, false);
        List<FakeLlmServer.Recorded> requests = server.requests();
        long waitedMs = (requests.get(2).atNanos() - requests.get(1).atNanos()) / 1_000_000;
        assertThat(waitedMs).as("waited for Retry-After").isGreaterThanOrEqualTo(950);
        assertCounters(3, 1, 0, 0, 0);
    }

    @Test
    void should_wait_for_retry_after_and_retry_when_rate_limited_while_streaming() {
        server = new FakeLlmServer(dialect());
        open(builder().streaming(true));
        Reply first = start();
        server.then(new FakeLlmServer.Fail(429, Map.of("Retry-After", "1")));
        List<String> deltas = new ArrayList<>();

        Reply next = engine.answer(first.interviewId(), Answer.text("m-1", ANSWER), deltas::add);

        Turn turn = assertValidStoredTurn(next, false);
        List<FakeLlmServer.Recorded> requests = server.requests();
        long waitedMs = (requests.get(2).atNanos() - requests.get(1).atNanos()) / 1_000_000;
        assertThat(waitedMs).as("waited for Retry-After").isGreaterThanOrEqualTo(950);
        assertThat(String.join("", deltas)).isEqualTo(turn.text());
        assertCounters(3, 1, 0, 0, 0);
    }

    @Test
    void should_fall_back_when_streaming_keeps_failing() {
        server = new FakeLlmServer(dialect());
        open(builder().streaming(true).maxRetries(1));
        Reply first = start();
        server.then(new FakeLlmServer.Fail(500, Map.of()), new FakeLlmServer.Fail(502, Map.of()));

        Reply next = answer(first);

        assertValidStoredTurn(next, true);
        assertCounters(3, 1, 0, 0, 1);
    }

    @Test
    void should_fall_back_at_once_when_retry_after_is_longer_than_allowed() {
        Reply first = start();
        server.then(new FakeLlmServer.Fail(429, Map.of("Retry-After", "120")));

        Reply next = answer(first);

        assertValidStoredTurn(next, true);
        assertThat(server.requests()).hasSize(2);
        assertCounters(2, 0, 0, 0, 1);
    }

    @Test
    void should_retry_when_the_server_fails_once() {
        Reply first = start();
        server.then(new FakeLlmServer.Fail(500, Map.of()));

        Reply next = answer(first);

        assertValidStoredTurn(next, false);
        assertCounters(3, 1, 0, 0, 0);
    }

    @Test
    void should_fall_back_when_the_server_keeps_failing() {
        Reply first = start();
        server.then(new FakeLlmServer.Fail(500, Map.of()), new FakeLlmServer.Fail(503, Map.of()),
                new FakeLlmServer.Fail(500, Map.of()));

        Reply next = answer(first);

        assertValidStoredTurn(next, true);
        assertCounters(4, 2, 0, 0, 1);
    }

    @Test
    void should_retry_when_a_call_times_out() {
        server = new FakeLlmServer(dialect());
        open(builder().callTimeout(Duration.ofSeconds(2)));
        Reply first = start();
        server.then(new FakeLlmServer.Slow(Duration.ofSeconds(5), new FakeLlmServer.Reply("{}")));

        Reply next = answer(first);

        assertValidStoredTurn(next, false);
        assertCounters(3, 1, 0, 0, 0);
    }

    @Test
    void should_re_ask_once_when_the_content_is_not_json() {
        Reply first = start();
        server.then(new FakeLlmServer.Reply("Sure! My next question is: what do you do first?"));

        Reply next = answer(first);

        assertValidStoredTurn(next, false);
        assertCounters(3, 0, 1, 1, 0);
        FakeLlmServer.Recorded reAsk = server.last();
        List<String> roles = FakeLlmServer.roles(reAsk);
        assertThat(roles.subList(roles.size() - 3, roles.size())).containsExactly("user", "assistant", "user");
        assertThat(FakeLlmServer.userMessage(reAsk, 1)).contains("rejected").contains("one JSON object");
    }

    @Test
    void should_fall_back_when_the_re_ask_is_not_json_either() {
        Reply first = start();
        server.then(new FakeLlmServer.Reply("no json here"), new FakeLlmServer.Reply("still no json"));

        Reply next = answer(first);

        assertValidStoredTurn(next, true);
        assertCounters(3, 0, 1, 2, 1);
    }

    @Test
    void should_keep_the_first_question_when_the_reply_asks_two() {
        Reply first = start();
        server.respondWith(Responders.valid(node -> node.put("message",
                "Thanks for that. What happened next? And who else was involved?")));

        Reply next = answer(first);

        Turn turn = assertValidStoredTurn(next, false);
        assertThat(turn.text()).isEqualTo("Thanks for that. What happened next?");
        assertThat(brain.metrics().repairs()).isPositive();
        assertCounters(2, 0, 0, 0, 0);
    }

    @Test
    void should_re_ask_when_the_stage_code_is_wrong() {
        Reply first = start();
        server.then(new FakeLlmServer.Reply(Responders.valid(node -> node.put("stage", "mastery"))
                .apply(server.last())));

        Reply next = answer(first);

        assertValidStoredTurn(next, false);
        assertCounters(3, 0, 1, 1, 0);
        assertThat(FakeLlmServer.userMessage(server.last(), 1)).contains("\"stage\"");
    }

    @Test
    void should_re_ask_when_the_stage_code_is_unknown() {
        Reply first = start();
        server.then(new FakeLlmServer.Reply(Responders.valid(node -> node.put("stage", "stage_10"))
                .apply(server.last())));

        Reply next = answer(first);

        assertValidStoredTurn(next, false);
        assertCounters(3, 0, 1, 1, 0);
    }

    @Test
    void should_drop_out_of_range_numbers_when_the_message_is_valid() {
        Reply first = start();
        server.respondWith(Responders.valid(node -> node.put("completeness", 150).put("question_depth", 9)
                .put("engagement", "ecstatic")));

        Reply next = answer(first);

        assertValidStoredTurn(next, false);
        assertThat(brain.metrics().droppedValues()).isEqualTo(3);
        assertThat(next.interview().progress(first.message().stage()).completeness()).isBetween(0, 100);
        assertCounters(2, 0, 0, 0, 0);
    }

    @Test
    void should_cut_the_json_out_of_a_markdown_fence() {
        Reply first = start();
        server.respondWith(request -> "```json\n" + Responders.contract(request) + "\n```");

        Reply next = answer(first);

        assertValidStoredTurn(next, false);
        assertThat(brain.metrics().repairs()).isPositive();
        assertCounters(2, 0, 0, 0, 0);
    }

    @Test
    void should_keep_the_circuit_closed_when_the_provider_refuses_requests_for_their_content() {
        server = new FakeLlmServer(dialect());
        open(builder().maxRetries(0).circuitFailureThreshold(2).circuitOpenDuration(Duration.ofMinutes(5)));
        Reply reply = start();
        // one respondent's answers trip the provider's content filter, again and again
        server.then(new FakeLlmServer.Fail(400, Map.of()), new FakeLlmServer.Fail(400, Map.of()),
                new FakeLlmServer.Fail(400, Map.of()));
        for (int i = 0; i < 3; i++) {
            reply = engine.answer(reply.interviewId(), Answer.text("m-" + i, ANSWER + " Part " + i + "."));
            assertValidStoredTurn(reply, true);
        }
        int before = server.requests().size();

        reply = engine.answer(reply.interviewId(), Answer.text("m-ok", ANSWER + " The end."));

        assertThat(brain.circuitOpen()).isFalse();
        assertThat(server.requests()).hasSize(before + 1);
        assertValidStoredTurn(reply, false);
        assertThat(brain.metrics().circuitOpen()).isZero();
    }

    @Test
    void should_stop_calling_the_provider_when_the_circuit_opens() {
        server = new FakeLlmServer(dialect());
        open(builder().maxRetries(0).circuitFailureThreshold(2).circuitOpenDuration(Duration.ofMinutes(5)));
        Reply reply = start();
        server.then(new FakeLlmServer.Fail(500, Map.of()), new FakeLlmServer.Fail(500, Map.of()));

        reply = answer(reply);
        reply = engine.answer(reply.interviewId(), Answer.text("m-x", ANSWER + " Again."));
        int before = server.requests().size();
        reply = engine.answer(reply.interviewId(), Answer.text("m-y", ANSWER + " Once more."));

        assertValidStoredTurn(reply, true);
        assertThat(server.requests()).hasSize(before);
        assertThat(brain.circuitOpen()).isTrue();
        assertThat(brain.metrics().circuitOpen()).isEqualTo(1);
        assertCounters(3, 0, 0, 0, 3);
    }
}
