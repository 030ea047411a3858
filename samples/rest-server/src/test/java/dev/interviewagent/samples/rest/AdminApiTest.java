package dev.interviewagent.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.spi.InterviewStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The operator API: gated by the admin token, listing with filters and keyset paging, metrics, report, export, delete. */
class AdminApiTest extends ApiTestBase {

    @Autowired
    InterviewStore store;

    @Autowired
    InterviewEngine engine;

    @Test
    void should_answer_only_the_admin_token() {
        Interviews.Started interview = Interviews.start(api);
        ApiClient.Reply none = api.get("/api/admin/metrics").invalid().send();
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.problemCode()).isEqualTo("unauthorized");
        assertThat(none.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("operator"));
        assertThat(api.get("/api/admin/metrics").bearer(ADMIN_TOKEN + "x").send().status()).isEqualTo(401);
        assertThat(api.get("/api/admin/metrics").bearer(interview.token()).send().status()).isEqualTo(401);
        assertThat(api.get("/api/admin/interviews/" + interview.id()).bearer(interview.token()).send().status())
                .isEqualTo(401);
        assertThat(api.delete("/api/admin/interviews/" + interview.id()).bearer("x").send().status()).isEqualTo(401);
        assertThat(store.load(InterviewId.of(interview.id()))).isPresent();
        assertThat(admin("/api/admin/metrics").status()).isEqualTo(200);
    }

    @Test
    void should_list_by_status_language_style_and_date_a_page_at_a_time() {
        Instant before = Instant.now().minusSeconds(1);
        Interviews.Started english = Interviews.start(api, Map.of("language", "en", "style", "master"));
        Interviews.Started russian = Interviews.start(api, Map.of("language", "ru", "style", "telegram"));
        Interviews.Started ended = Interviews.start(api, Map.of("language", "en", "style", "conversational"));
        api.post(ended.path() + "/complete").bearer(ended.token()).send();

        List<String> ruTelegram = ids(admin("/api/admin/interviews?language=ru&style=telegram&startedFrom=" + before)
                .json());
        assertThat(ruTelegram).contains(russian.id()).doesNotContain(english.id(), ended.id());
        JsonNode active = admin("/api/admin/interviews?status=active&channel=rest&pageSize=500").json();
        assertThat(ids(active)).contains(english.id(), russian.id()).doesNotContain(ended.id());
        active.path("items").forEach(item -> assertThat(item.path("status").asText()).isEqualTo("active"));
        JsonNode endedEarly = admin("/api/admin/interviews?status=ended_early&status=completed").json();
        assertThat(ids(endedEarly)).contains(ended.id()).doesNotContain(english.id());
        JsonNode item = endedEarly.path("items").get(0);
        assertThat(item.has("channelKey")).as("no channel key in listings").isFalse();
        assertThat(ids(admin("/api/admin/interviews?startedFrom=" + Instant.now().plus(1, ChronoUnit.HOURS)).json()))
                .isEmpty();

        // keyset paging: every interview once, newest change first
        List<String> paged = new ArrayList<>();
        String query = "/api/admin/interviews?startedFrom=" + before + "&pageSize=2";
        JsonNode page = admin(query).json();
        paged.addAll(ids(page));
        while (page.has("nextCursor")) {
            assertThat(page.path("items")).hasSize(2);
            page = admin(query + "&cursor=" + page.path("nextCursor").asText()).json();
            paged.addAll(ids(page));
        }
        assertThat(paged).doesNotHaveDuplicates().contains(english.id(), russian.id(), ended.id());
        assertThat(paged).isEqualTo(ids(admin("/api/admin/interviews?startedFrom=" + before + "&pageSize=500")
                .json()));
        assertThat(paged.indexOf(ended.id())).as("changed last, listed first").isLessThan(paged.indexOf(english.id()));
    }

    @Test
    void should_refuse_bad_filters() {
        String cursor = admin("/api/admin/interviews?pageSize=1").json().path("nextCursor").asText();
        for (String bad : List.of("status=bogus", "language=de", "pageSize=0", "pageSize=501", "pageSize=ten",
                "startedFrom=yesterday", "startedFrom=2026-01-02T00:00:00Z&startedBefore=2026-01-01T00:00:00Z",
                "channel=rest:x", "cursor=not-a-cursor", "style=", "status=active&cursor=" + cursor)) {
            ApiClient.Reply reply = api.get("/api/admin/interviews?" + bad).bearer(ADMIN_TOKEN).invalid().send();
            assertThat(reply.status()).as(bad + ": " + reply.text()).isEqualTo(400);
            assertThat(reply.problemCode()).isEqualTo("bad_request");
        }
    }

    @Test
    void should_summarise_metrics() {
        Interviews.answerSome(api, Interviews.start(api), 2);
        JsonNode metrics = admin("/api/admin/metrics").json();
        assertThat(metrics.path("engine").path("started").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(metrics.path("engine").path("answers").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(metrics.path("interviews").path("active").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(metrics.path("interviews").fieldNames()).toIterable().containsExactly("active", "completed",
                "ended_early", "ended_emergency", "abandoned");
        assertThat(metrics.path("brain").asText()).isEqualTo("methodology");
    }

    @Test
    void should_open_report_export_and_delete_any_interview() {
        Interviews.Started interview = Interviews.start(api);
        Interviews.answerSome(api, interview, 2);
        String path = "/api/admin/interviews/" + interview.id();

        JsonNode summary = admin(path).json();
        assertThat(summary.path("interviewId").asText()).isEqualTo(interview.id());
        assertThat(summary.path("turns").asInt()).isEqualTo(5);
        assertThat(admin(path + "/report").json().toString()).contains("chlorine");
        ApiClient.Reply markdown = api.get(path + "/report").bearer(ADMIN_TOKEN).header("Accept", "text/markdown")
                .send();
        assertThat(markdown.text()).startsWith("#");
        JsonNode export = admin(path + "/export").json();
        assertThat(export.path("interviews")).hasSize(1);
        assertThat(export.toString()).contains("filter gallery");

        assertThat(api.delete(path).bearer(ADMIN_TOKEN).send().status()).isEqualTo(204);
        assertThat(store.load(InterviewId.of(interview.id()))).isEmpty();
        assertThat(api.get(interview.path()).bearer(interview.token()).send().status()).isEqualTo(404);
        assertThat(api.get(path).bearer(ADMIN_TOKEN).send().status()).isEqualTo(404);
        assertThat(api.delete(path).bearer(ADMIN_TOKEN).send().status()).isEqualTo(404);
        assertThat(api.get("/api/admin/interviews/not*an*id").bearer(ADMIN_TOKEN).send().status()).isEqualTo(404);
    }

    @Test
    void should_export_and_delete_one_interview_of_a_respondent_with_several() {
        // two interviews of one Telegram respondent in the same store: the operator acts on one only
        Reply first = engine.start(StartRequest.builder().language(Language.ENGLISH).channelKey("telegram:4242")
                .build());
        Reply second = engine.start(StartRequest.builder().language(Language.ENGLISH).channelKey("telegram:4242")
                .build());
        String path = "/api/admin/interviews/" + first.interviewId().value();
        JsonNode export = admin(path + "/export").json();
        assertThat(export.path("interviews")).hasSize(1);
        assertThat(export.path("interviews").get(0).path("interview").path("id").asText())
                .isEqualTo(first.interviewId().value());
        JsonNode listed = admin("/api/admin/interviews?channel=telegram&pageSize=500").json();
        assertThat(ids(listed)).contains(first.interviewId().value(), second.interviewId().value());
        listed.path("items").forEach(item -> assertThat(item.path("channel").asText()).isEqualTo("telegram"));

        assertThat(api.delete(path).bearer(ADMIN_TOKEN).send().status()).isEqualTo(204);
        assertThat(store.load(first.interviewId())).isEmpty();
        assertThat(store.load(second.interviewId())).isPresent();
    }

    private ApiClient.Reply admin(String path) {
        ApiClient.Reply reply = api.get(path).bearer(ADMIN_TOKEN).send();
        assertThat(reply.status()).as(path + ": " + reply.text()).isEqualTo(200);
        return reply;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("interviewId").asText()));
        Set<String> unique = new HashSet<>(ids);
        assertThat(unique).hasSameSizeAs(ids);
        return ids;
    }
}
