package dev.interviewagent.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.spi.InterviewQuery;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.samples.rest.access.AccessTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An interview over HTTP from start to deletion, as a client would run it: every exchange validated against
 * docs/openapi.yaml, the stored state read back from the store itself.
 */
class InterviewApiTest extends ApiTestBase {

    @Autowired
    InterviewStore store;

    @Test
    void should_run_an_interview_from_start_to_report_and_deletion() {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("expert_name", "Dana");
        profile.put("role_title", "Shift supervisor");
        profile.put("years_experience", 12);
        ApiClient.Reply startReply = api.post("/api/interviews")
                .json(Map.of("language", "en", "style", "conversational", "profile", profile)).send();
        assertThat(startReply.status()).isEqualTo(201);
        JsonNode started = startReply.json();
        String id = started.path("interviewId").asText();
        String token = started.path("token").asText();
        assertThat(startReply.header("Location")).contains("/api/interviews/" + id);
        assertThat(startReply.header("Cache-Control")).contains("no-store");
        assertThat(token).hasSize(43);
        assertThat(started.path("style").asText()).isEqualTo("conversational");
        assertThat(started.path("message").path("turn").asInt()).isEqualTo(1);
        assertThat(started.path("message").path("text").asText()).endsWith("?");
        Interviews.Started interview = new Interviews.Started(id, token, started);

        // the pending question, as often as asked
        JsonNode pending = api.get(interview.path()).bearer(token).send().json();
        assertThat(pending.path("status").asText()).isEqualTo("active");
        assertThat(pending.path("message").path("turn").asInt()).isEqualTo(1);
        assertThat(pending.path("message").path("text").asText())
                .isEqualTo(started.path("message").path("text").asText());

        // answers: each reply is the next question, replying to the answer's key
        int turn = 1;
        for (int i = 0; i < 3; i++) {
            ApiClient.Reply reply = Interviews.answer(api, interview, "answer-" + i, Interviews.ANSWERS.get(i));
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
            assertThat(reply.header("Idempotent-Replayed")).isEmpty();
            JsonNode next = reply.json();
            assertThat(next.path("message").path("turn").asInt()).isEqualTo(turn + 2);
            assertThat(next.path("message").path("replyTo").asText()).isEqualTo("answer-" + i);
            assertThat(next.path("message").path("kind").asText()).isEqualTo("question");
            turn += 2;
        }
        assertThat(api.get(interview.path()).bearer(token).send().json().path("turns").asInt()).isEqualTo(7);

        // a repeat (same key, same answer) gets the first reply and adds no turn
        ApiClient.Reply first = Interviews.answer(api, interview, "answer-3", Interviews.ANSWERS.get(3));
        ApiClient.Reply repeat = Interviews.answer(api, interview, "answer-3", Interviews.ANSWERS.get(3));
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.header("Idempotent-Replayed")).contains("true");
        assertThat(repeat.json().path("message")).isEqualTo(first.json().path("message"));
        assertThat(api.get(interview.path()).bearer(token).send().json().path("turns").asInt()).isEqualTo(9);
        // the same key with another answer is refused, and nothing changes
        ApiClient.Reply reused = Interviews.answer(api, interview, "answer-3", "Something else entirely.");
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.problemCode()).isEqualTo("bad_request");
        assertThat(reused.json().path("detail").asText()).contains("Idempotency-Key");
        assertThat(store.turns(InterviewId.of(id))).hasSize(9);
        // an earlier key, repeated later, still gets its own first reply
        ApiClient.Reply old = Interviews.answer(api, interview, "answer-0", Interviews.ANSWERS.get(0));
        assertThat(old.json().path("message").path("turn").asInt()).isEqualTo(3);

        // complete: the closing message, once
        ApiClient.Reply closing = api.post(interview.path() + "/complete").bearer(token).send();
        assertThat(closing.status()).isEqualTo(200);
        JsonNode closed = closing.json();
        assertThat(closed.path("status").asText()).isEqualTo("ended_early");
        assertThat(closed.path("closeReason").asText()).isEqualTo("early");
        assertThat(closed.path("message").path("kind").asText()).isEqualTo("closing");
        JsonNode again = api.post(interview.path() + "/complete").bearer(token).send().json();
        assertThat(again.path("message")).isEqualTo(closed.path("message"));
        ApiClient.Reply late = Interviews.answer(api, interview, "after-the-end", "One more thing.");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.problemCode()).isEqualTo("bad_request");
        JsonNode ended = api.get(interview.path()).bearer(token).send().json();
        assertThat(ended.path("status").asText()).isEqualTo("ended_early");
        assertThat(ended.path("message").path("kind").asText()).isEqualTo("closing");
        assertThat(ended.has("endedAt")).isTrue();

        // the report, JSON by default and Markdown on request
        ApiClient.Reply json = api.get(interview.path() + "/report").bearer(token).send();
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(json.json().toString()).contains("chlorine");
        ApiClient.Reply markdown = api.get(interview.path() + "/report").bearer(token)
                .header("Accept", "text/markdown").send();
        assertThat(markdown.contentType()).startsWith("text/markdown");
        assertThat(markdown.text()).startsWith("#").contains("chlorine");
        ApiClient.Reply preferred = api.get(interview.path() + "/report").bearer(token)
                .header("Accept", "text/html;q=1, text/markdown;q=0.9, application/json;q=0.5").send();
        assertThat(preferred.contentType()).startsWith("text/markdown");
        ApiClient.Reply refused = api.get(interview.path() + "/report").bearer(token)
                .header("Accept", "image/png").invalid().send();
        assertThat(refused.status()).isEqualTo(406);

        // the export: everything, decrypted, as a download
        ApiClient.Reply export = api.get(interview.path() + "/export").bearer(token).send();
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("attachment"));
        JsonNode exported = export.json();
        assertThat(exported.path("interviews")).hasSize(1);
        assertThat(exported.path("interviews").get(0).path("turns")).hasSize(11);
        assertThat(exported.toString()).contains("chlorine dosing pumps").contains("Shift supervisor");

        // the token is stored only as its hash; the channel key is per interview
        Interview stored = store.load(InterviewId.of(id)).orElseThrow();
        assertThat(stored.attributes()).containsEntry(AccessTokens.ATTRIBUTE, AccessTokens.hash(token));
        assertThat(stored.attributes().values()).doesNotContain(token);
        assertThat(stored.channelKey()).startsWith("rest:").doesNotContain(token);

        // deletion: everything goes, and the token opens nothing any more
        assertThat(api.delete(interview.path()).bearer(token).send().status()).isEqualTo(204);
        assertThat(store.load(InterviewId.of(id))).isEmpty();
        assertThat(store.turns(InterviewId.of(id))).isEmpty();
        ApiClient.Reply gone = api.get(interview.path()).bearer(token).send();
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.problemCode()).isEqualTo("not_found");
        assertThat(api.delete(interview.path()).bearer(token).send().status()).isEqualTo(404);
    }

    @Test
    void should_take_one_answer_when_the_same_key_arrives_at_once_with_different_bodies() throws Exception {
        Interviews.Started interview = Interviews.start(api);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<ApiClient.Reply>> replies = new java.util.ArrayList<>();
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < 8; i++) {
                String text = i % 2 == 0 ? Interviews.ANSWERS.get(0) : Interviews.ANSWERS.get(1);
                replies.add(pool.submit(() -> {
                    go.await();
                    return Interviews.answer(api, interview, "same-key", text);
                }));
            }
            go.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            java.util.Set<String> messages = new java.util.HashSet<>();
            for (var future : replies) {
                ApiClient.Reply reply = future.get(120, java.util.concurrent.TimeUnit.SECONDS);
                statuses.add(reply.status());
                if (reply.status() == 200) {
                    messages.add(reply.json().path("message").toString());
                }
            }
            assertThat(statuses).containsOnly(200, 422).contains(200);
            assertThat(messages).as("every success is the one reply").hasSize(1);
            assertThat(store.turns(InterviewId.of(interview.id()))).as("one answer, one reply").hasSize(3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void should_start_with_the_documented_defaults() {
        JsonNode plain = Interviews.start(api, null).body();
        assertThat(plain.path("language").asText()).isEqualTo("en");
        assertThat(plain.path("style").asText()).isEqualTo("master");
        JsonNode empty = Interviews.start(api, Map.of()).body();
        assertThat(empty.path("style").asText()).isEqualTo("master");
        JsonNode russian = Interviews.start(api, Map.of("locale", "ru-RU")).body();
        assertThat(russian.path("language").asText()).isEqualTo("ru");
        assertThat(russian.path("message").path("text").asText()).containsPattern("[а-яА-Я]");
        JsonNode telegram = Interviews.start(api, Map.of("language", "ru", "style", "telegram")).body();
        assertThat(telegram.path("style").asText()).isEqualTo("telegram");
        // unknown members are ignored, as the protocol says (the validator, stricter, would refuse the request)
        ApiClient.Reply extra = api.post("/api/interviews").json(Map.of("language", "en", "clientMessageId", "x-1"))
                .invalid().send();
        assertThat(extra.status()).isEqualTo(201);
    }

    @Test
    void should_open_an_interview_only_with_its_own_token() {
        Interviews.Started mine = Interviews.start(api);
        Interviews.Started other = Interviews.start(api);

        ApiClient.Reply none = api.get(mine.path()).invalid().send();
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.problemCode()).isEqualTo("unauthorized");
        assertThat(none.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        ApiClient.Reply foreign = api.get(mine.path()).bearer(other.token()).send();
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.problemCode()).isEqualTo("unauthorized");
        ApiClient.Reply malformed = api.get(mine.path()).header("Authorization", "Bearer not a token").send();
        assertThat(malformed.status()).isEqualTo(401);
        ApiClient.Reply basic = api.get(mine.path()).header("Authorization", "Basic YTpi").invalid().send();
        assertThat(basic.status()).isEqualTo(401);
        ApiClient.Reply unknown = api.get("/api/interviews/no-such-interview").bearer(mine.token()).send();
        assertThat(unknown.status()).isEqualTo(404);
        ApiClient.Reply admin = api.get(mine.path()).bearer(ADMIN_TOKEN).send();
        assertThat(admin.status()).as("the admin token is no interview token").isEqualTo(403);
        assertThat(api.get(mine.path()).bearer(mine.token()).send().status()).isEqualTo(200);
    }

    @Test
    void should_list_rest_interviews_under_their_own_channel() {
        Interviews.Started interview = Interviews.start(api);
        var page = store.list(InterviewQuery.builder().channel(AccessTokens.CHANNEL).pageSize(500).build());
        assertThat(page.items()).anySatisfy(s -> assertThat(s.id().value()).isEqualTo(interview.id()));
        List<Turn> turns = store.turns(InterviewId.of(interview.id()));
        assertThat(turns).hasSize(1);
    }

    @Test
    void should_expose_health_metrics_and_prometheus() throws Exception {
        Interviews.answerSome(api, Interviews.start(api), 1);
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode status = ApiClient.JSON.readTree(health.body());
        assertThat(status.path("status").asText()).isEqualTo("UP");
        assertThat(status.path("components").path("interview").path("status").asText()).isEqualTo("UP");
        assertThat(health.body()).doesNotContain(SPEECH_KEY).doesNotContain(ADMIN_TOKEN);

        HttpResponse<String> prometheus = http.send(HttpRequest.newBuilder(
                URI.create(base + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("interview_turn_duration_seconds_count")
                .contains("interview_answers_total").contains("http_server_requests_seconds_count");

        HttpResponse<String> metric = http.send(HttpRequest.newBuilder(
                URI.create(base + "/actuator/metrics/interview.starts")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metric.statusCode()).isEqualTo(200);
        assertThat(ApiClient.JSON.readTree(metric.body()).path("measurements").get(0).path("value").asDouble())
                .isGreaterThanOrEqualTo(1.0);
    }
}
