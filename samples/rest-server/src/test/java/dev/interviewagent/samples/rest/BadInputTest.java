package dev.interviewagent.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.spi.InterviewPage;
import dev.interviewagent.core.spi.InterviewQuery;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.core.spi.InterviewSummary;
import dev.interviewagent.voice.testkit.AudioFixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Hundreds of bad requests, generated: wrong types, missing fields, huge bodies, invalid UTF-8, wrong content types,
 * wrong or missing tokens, other interviews' ids, bad Idempotency-Keys, bad multipart, unknown routes and methods.
 * Each gets its documented problem (status, SDK error code, a {@code Problem} body valid against docs/openapi.yaml,
 * no internals); afterwards the server still serves, and no interview in the store has changed (every interview's
 * state and turn log are compared with a snapshot taken before) nor was one added.
 */
class BadInputTest extends ApiTestBase {

    @Autowired
    InterviewStore store;

    private Interviews.Started a;
    private Interviews.Started b;
    private Interviews.Started ended;

    /** One bad request and what it must get. */
    private record Case(String name, Supplier<ApiClient.Call> call, int status, String code) {
    }

    @Test
    void should_answer_every_bad_request_with_its_problem_and_change_nothing() {
        a = Interviews.start(api);
        Interviews.answerSome(api, a, 2);
        assertThat(Interviews.answer(api, a, "used-key", "We log every chlorine reading by hand as well.").status())
                .isEqualTo(200);
        b = Interviews.start(api, Map.of("language", "ru"));
        ended = Interviews.start(api);
        api.post(ended.path() + "/complete").bearer(ended.token()).send();
        String pendingBefore = api.get(a.path()).bearer(a.token()).send().json().path("message").toString();
        Map<String, String> before = snapshot();

        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(300);
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Case c : cases) {
            ApiClient.Reply reply = c.call().get().invalid().send();
            assertThat(reply.status()).as("%s: %s", c.name(), reply.text()).isEqualTo(c.status());
            assertThat(reply.problemCode()).as("%s: %s", c.name(), reply.text()).isEqualTo(c.code());
            assertThat(reply.json().path("detail").asText()).as(c.name()).isNotBlank();
            assertThat(reply.text()).as("%s echoes a token", c.name()).doesNotContain(a.token())
                    .doesNotContain(b.token()).doesNotContain(ADMIN_TOKEN);
            statuses.merge(reply.status(), 1, Integer::sum);
        }
        System.out.printf("%d bad requests by status: %s%n", cases.size(), statuses);
        assertThat(statuses.keySet()).contains(400, 401, 403, 404, 405, 406, 409, 413, 415, 422);

        // alive, and nothing changed
        assertThat(api.get(a.path()).bearer(a.token()).send().json().path("message").toString())
                .isEqualTo(pendingBefore);
        assertThat(snapshot()).isEqualTo(before);
        JsonNode next = Interviews.answer(api, a, "after-the-storm", "Then I hand over to the day shift at six.")
                .json();
        assertThat(next.path("message").path("replyTo").asText()).isEqualTo("after-the-storm");
        Interviews.start(api);
    }

    /** Every interview in the store: its state (version, status, turns, last change) and its whole turn log. */
    private Map<String, String> snapshot() {
        Map<String, String> all = new TreeMap<>();
        InterviewQuery query = InterviewQuery.builder().pageSize(InterviewQuery.MAX_PAGE_SIZE).build();
        InterviewPage page = store.list(query);
        while (true) {
            for (InterviewSummary summary : page.items()) {
                Interview state = store.load(summary.id()).orElseThrow();
                List<Turn> turns = store.turns(summary.id());
                all.put(summary.id().value(), state.version() + "|" + state.status() + "|" + state.turnCount() + "|"
                        + state.updatedAt() + "|" + state.attributes() + "|" + turns.size() + "|"
                        + turns.stream().map(t -> t.number() + ":" + t.text().hashCode()).toList());
            }
            if (page.nextCursor().isEmpty()) {
                return all;
            }
            page = store.list(query.after(page.nextCursor().get()));
        }
    }

    private List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        startCases(cases);
        tokenCases(cases);
        answerCases(cases);
        audioCases(cases);
        otherEndpointCases(cases);
        adminCases(cases);
        routeCases(cases);
        return cases;
    }

    // ---------------------------------------------------------------------------------------------------- start

    private void startCases(List<Case> cases) {
        List<String> wrongValues = List.of("5", "true", "[]", "{}", "1.5", "\"\"", "\"   \"", "\"de\"", "\"EN\"",
                "\"english\"");
        for (String field : List.of("language", "style")) {
            for (String value : wrongValues) {
                cases.add(start("start " + field + "=" + value, "{\"" + field + "\": " + value + "}"));
            }
        }
        for (String value : List.of("5", "true", "[]", "{}", "\"\"", "\"" + "x".repeat(36) + "\"")) {
            cases.add(start("start locale=" + value, "{\"locale\": " + value + "}"));
        }
        for (String value : List.of("5", "\"me\"", "[]", "true")) {
            cases.add(start("start profile=" + value, "{\"profile\": " + value + "}"));
        }
        for (String field : List.of("expert_name", "role_title", "company", "industry", "interview_goal")) {
            for (String value : List.of("5", "[]", "{}", "true", "\"" + "y".repeat(201) + "\"",
                    "\"bell\\u0007ring\"")) {
                cases.add(start("start profile." + field + "=" + abbreviate(value),
                        "{\"profile\": {\"" + field + "\": " + value + "}}"));
            }
        }
        for (String value : List.of("-1", "81", "1.5", "\"5\"", "\"ten\"", "[]", "true", "1e9")) {
            cases.add(start("start profile.years_experience=" + value,
                    "{\"profile\": {\"years_experience\": " + value + "}}"));
        }
        for (String json : List.of("{", "{\"language\":", "[1,2", "nul", "{'language':'en'}", "{\"language\" \"en\"}",
                "[]", "\"en\"", "42", "[{\"language\":\"en\"}]", "{\"language\":\"en\",}", "{\"a\":1 \"b\":2}")) {
            cases.add(start("start json " + json, json));
        }
        cases.add(new Case("start invalid UTF-8", () -> api.post("/api/interviews").body("application/json",
                invalidUtf8("{\"locale\": \"", "\"}")), 400, "bad_request"));
        cases.add(new Case("start invalid UTF-8 chunked", () -> api.post("/api/interviews").body("application/json",
                invalidUtf8("{\"profile\": {\"company\": \"", "\"}}")).chunked(), 400, "bad_request"));
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "application/octet-stream", "text/json; charset=utf-8", "image/png")) {
            cases.add(new Case("start as " + type, () -> api.post("/api/interviews").body(type,
                    "{\"language\":\"en\"}".getBytes(StandardCharsets.UTF_8)), 415, "bad_request"));
        }
        cases.add(new Case("start huge body", () -> api.post("/api/interviews").body("application/json",
                hugeJson(70 * 1024)), 413, "too_large"));
        cases.add(new Case("start huge body chunked", () -> api.post("/api/interviews").body("application/json",
                hugeJson(200 * 1024)).chunked(), 413, "too_large"));
    }

    private Case start(String name, String json) {
        return new Case(name, () -> api.post("/api/interviews").json(json), 400, "bad_request");
    }

    // ---------------------------------------------------------------------------------------------------- tokens

    private void tokenCases(List<Case> cases) {
        List<String> suffixes = List.of("", "/report", "/export");
        for (String suffix : suffixes) {
            String path = a.path() + suffix;
            cases.add(new Case("GET " + suffix + " without token", () -> api.get(path), 401, "unauthorized"));
            cases.add(new Case("GET " + suffix + " with B's token", () -> api.get(path).bearer(b.token()), 403,
                    "unauthorized"));
            cases.add(new Case("GET " + suffix + " with the ended one's token", () -> api.get(path)
                    .bearer(ended.token()), 403, "unauthorized"));
            cases.add(new Case("GET " + suffix + " with the admin token", () -> api.get(path).bearer(ADMIN_TOKEN),
                    403, "unauthorized"));
            cases.add(new Case("GET " + suffix + " with a made-up token", () -> api.get(path)
                    .bearer("x".repeat(43)), 403, "unauthorized"));
            cases.add(new Case("GET " + suffix + " with a token one character off", () -> api.get(path)
                    .bearer(flip(a.token())), 403, "unauthorized"));
            for (String header : List.of("Bearer", "Bearer ", "Token " + a.token(), "Basic YTpi", a.token(),
                    "Bearer " + a.token() + " extra", "Bearer a,b", "Bearer " + "z".repeat(600), "Bearer \"x\"")) {
                cases.add(new Case("GET " + suffix + " with Authorization: " + abbreviate(header),
                        () -> api.get(path).header("Authorization", header), 401, "unauthorized"));
            }
            cases.add(new Case("GET " + suffix + " with two Authorization headers", () -> api.get(path)
                    .bearer(a.token()).bearer(b.token()), 401, "unauthorized"));
            // another interview's id with its own token works; with A's token it does not
            cases.add(new Case("GET " + suffix + " of B with A's token", () -> api.get(b.path() + suffix)
                    .bearer(a.token()), 403, "unauthorized"));
            for (String id : List.of("no-such-interview", "00000000-0000-0000-0000-000000000000", "a*b",
                    "x".repeat(65), "%20", "caf%C3%A9", "a%3Bb")) {
                cases.add(new Case("GET " + suffix + " of id " + abbreviate(id), () -> api.get("/api/interviews/"
                        + id + suffix).bearer(a.token()), 404, "not_found"));
            }
            // paths Tomcat refuses before the application sees them: still a problem
            for (String id : List.of("..%2Fadmin", "a%00b", "a%5Cb")) {
                cases.add(new Case("GET " + suffix + " of id " + id, () -> api.get("/api/interviews/" + id + suffix)
                        .bearer(a.token()), 400, "bad_request"));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- answers

    private void answerCases(List<Case> cases) {
        String path = a.path() + "/answers";
        cases.add(new Case("answer without Idempotency-Key", () -> api.post(path).bearer(a.token())
                .json("{\"text\": \"The pumps.\"}"), 400, "bad_request"));
        for (String key : List.of("k".repeat(65), "a b", " ", "\"quoted key\"")) {
            cases.add(new Case("answer with Idempotency-Key " + abbreviate(key), () -> api.post(path).bearer(a.token())
                    .idempotencyKey(key).json("{\"text\": \"The pumps.\"}"), 400, "bad_request"));
        }
        // bytes the JDK client would not send as they are: UTF-8 and Latin-1 letters, a tab
        for (String key : List.of("\u00c3\u00a9t\u00c3\u00a9", "cl\u00e9", "a\tb", "\u00ff\u00fe")) {
            cases.add(new Case("answer with raw Idempotency-Key bytes " + abbreviate(key), () -> api.post(path)
                    .bearer(a.token()).idempotencyKey(key).json("{\"text\": \"The pumps.\"}").raw(), 400,
                    "bad_request"));
        }
        for (String text : List.of("Something else.", "We log every chlorine reading by hand as well!",
                "we log every chlorine reading by hand as well.", Interviews.ANSWERS.get(0))) {
            cases.add(new Case("answer reusing a key with " + abbreviate(text), () -> api.post(path).bearer(a.token())
                    .idempotencyKey("used-key").json(ApiClientJson.text(text)), 422, "bad_request"));
        }
        int n = 0;
        for (String body : List.of("{\"text\": 5}", "{\"text\": true}", "{\"text\": null}", "{\"text\": []}",
                "{\"text\": {}}", "{\"text\": [\"a\"]}", "{\"text\": 1.5}", "{}", "{\"answer\": \"hi\"}", "[]",
                "\"hi\"", "null", "42", "{\"text\": \"a\"", "{text: \"a\"}", "{\"text\": \"a\"}}")) {
            String key = "bad-body-" + n++;
            cases.add(new Case("answer body " + body, () -> api.post(path).bearer(a.token()).idempotencyKey(key)
                    .json(body), 400, "bad_request"));
        }
        for (String text : List.of("", "   ", "\n\t\n", "\u200b\u200b", "\u0007\u0008")) {
            String key = "empty-" + n++;
            cases.add(new Case("answer text " + abbreviate(text), () -> api.post(path).bearer(a.token())
                    .idempotencyKey(key).json(ApiClientJson.text(text)), 422, "bad_request"));
        }
        cases.add(new Case("answer text over the engine's limit", () -> api.post(path).bearer(a.token())
                .idempotencyKey("long-1").json(ApiClientJson.text("word ".repeat(5000))), 413, "too_large"));
        cases.add(new Case("answer body over 64 KB", () -> api.post(path).bearer(a.token()).idempotencyKey("long-2")
                .body("application/json", hugeJson(65 * 1024 + 1)), 413, "too_large"));
        cases.add(new Case("answer body over 64 KB chunked", () -> api.post(path).bearer(a.token())
                .idempotencyKey("long-3").body("application/json", hugeJson(1024 * 1024)).chunked(), 413,
                "too_large"));
        cases.add(new Case("answer invalid UTF-8", () -> api.post(path).bearer(a.token()).idempotencyKey("utf-1")
                .body("application/json", invalidUtf8("{\"text\": \"caf", "\"}")), 400, "bad_request"));
        cases.add(new Case("answer without body", () -> api.post(path).bearer(a.token()).idempotencyKey("nobody")
                .header("Content-Type", "application/json"), 400, "bad_request"));
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/json-patch+json")) {
            cases.add(new Case("answer as " + type, () -> api.post(path).bearer(a.token()).idempotencyKey("t-" + type)
                    .body(type, "{\"text\":\"hello\"}".getBytes(StandardCharsets.UTF_8)), 415, "bad_request"));
        }
        cases.add(new Case("answer with no Content-Type", () -> api.post(path).bearer(a.token()).idempotencyKey("nt")
                .body(null, "{\"text\":\"hello\"}".getBytes(StandardCharsets.UTF_8)), 415, "bad_request"));
        Map<String, Integer> wrongTokens = new LinkedHashMap<>();
        wrongTokens.put("", 401);
        wrongTokens.put(b.token(), 403);
        wrongTokens.put(ADMIN_TOKEN, 403);
        wrongTokens.put(flip(a.token()), 403);
        wrongTokens.forEach((token, expected) -> cases.add(new Case("answer with a wrong token (" + expected + ")",
                () -> (token.isEmpty() ? api.post(path) : api.post(path).bearer(token)).idempotencyKey("wrong-token")
                        .json("{\"text\":\"I would change everything.\"}"), expected, "unauthorized")));
        cases.add(new Case("answer to an ended interview", () -> api.post(ended.path() + "/answers")
                .bearer(ended.token()).idempotencyKey("late").json("{\"text\":\"One more thing.\"}"), 409,
                "bad_request"));
        cases.add(new Case("answer B with A's token", () -> api.post(b.path() + "/answers").bearer(a.token())
                .idempotencyKey("cross").json("{\"text\":\"Not mine.\"}"), 403, "unauthorized"));
    }

    // ---------------------------------------------------------------------------------------------------- audio

    private void audioCases(List<Case> cases) {
        String path = a.path() + "/answers/audio";
        byte[] wav = AudioFixtures.wav(2000, 16000);
        byte[] noise = new byte[4096];
        new Random(11).nextBytes(noise);
        cases.add(new Case("audio without key", () -> api.post(path).bearer(a.token())
                .multipart("audio", "a.wav", "audio/wav", wav), 400, "bad_request"));
        cases.add(new Case("audio with a bad key", () -> api.post(path).bearer(a.token()).idempotencyKey("x".repeat(70))
                .multipart("audio", "a.wav", "audio/wav", wav), 400, "bad_request"));
        cases.add(new Case("audio in another part", () -> api.post(path).bearer(a.token()).idempotencyKey("au-1")
                .multipart("file", "a.wav", "audio/wav", wav), 400, "bad_request"));
        cases.add(new Case("audio as JSON", () -> api.post(path).bearer(a.token()).idempotencyKey("au-2")
                .json("{\"audio\":\"UklGRg==\"}"), 415, "bad_request"));
        cases.add(new Case("audio as raw bytes", () -> api.post(path).bearer(a.token()).idempotencyKey("au-3")
                .body("audio/wav", wav), 415, "bad_request"));
        cases.add(new Case("audio multipart without boundary", () -> api.post(path).bearer(a.token())
                .idempotencyKey("au-4").body("multipart/form-data", wav), 400, "bad_request"));
        cases.add(new Case("audio multipart with a wrong boundary", () -> api.post(path).bearer(a.token())
                .idempotencyKey("au-5").body("multipart/form-data; boundary=nothere",
                        "--other\r\nContent-Disposition: form-data; name=\"audio\"\r\n\r\nxx\r\n--other--\r\n"
                                .getBytes(StandardCharsets.US_ASCII)), 400, "bad_request"));
        cases.add(new Case("audio multipart cut off", () -> api.post(path).bearer(a.token()).idempotencyKey("au-6")
                .body("multipart/form-data; boundary=b", ("--b\r\nContent-Disposition: form-data; name=\"audio\";"
                        + " filename=\"a.wav\"\r\n\r\nRIFF").getBytes(StandardCharsets.US_ASCII)), 400,
                "bad_request"));
        for (String name : List.of("voice.ogg", "voice.wav", "voice.mp3", "voice.webm", "noise.bin")) {
            cases.add(new Case("audio noise named " + name, () -> api.post(path).bearer(a.token())
                    .idempotencyKey("noise-" + name).multipart("audio", name, "audio/ogg", noise), 415,
                    "unsupported_audio"));
        }
        cases.add(new Case("audio text file", () -> api.post(path).bearer(a.token()).idempotencyKey("txt")
                .multipart("audio", "a.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)), 415,
                "unsupported_audio"));
        cases.add(new Case("audio empty", () -> api.post(path).bearer(a.token()).idempotencyKey("empty-audio")
                .multipart("audio", "a.wav", "audio/wav", new byte[0]), 422, "unsupported_audio"));
        cases.add(new Case("audio too short", () -> api.post(path).bearer(a.token()).idempotencyKey("short")
                .multipart("audio", "a.wav", "audio/wav", AudioFixtures.wav(100, 16000)), 422, "unsupported_audio"));
        cases.add(new Case("audio truncated", () -> api.post(path).bearer(a.token()).idempotencyKey("cut")
                .multipart("audio", "a.wav", "audio/wav", java.util.Arrays.copyOf(wav, wav.length / 3)), 422,
                "unsupported_audio"));
        cases.add(new Case("audio without token", () -> api.post(path).idempotencyKey("na")
                .multipart("audio", "a.wav", "audio/wav", wav), 401, "unauthorized"));
        cases.add(new Case("audio with B's token", () -> api.post(path).bearer(b.token()).idempotencyKey("nb")
                .multipart("audio", "a.wav", "audio/wav", wav), 403, "unauthorized"));
        cases.add(new Case("audio to an ended interview", () -> api.post(ended.path() + "/answers/audio")
                .bearer(ended.token()).idempotencyKey("ended-audio").multipart("audio", "a.wav", "audio/wav", wav),
                409, "bad_request"));
        cases.add(new Case("audio reusing a typed answer's key", () -> api.post(path).bearer(a.token())
                .idempotencyKey("used-key").multipart("audio", "a.wav", "audio/wav", wav), 422, "bad_request"));
    }

    // ---------------------------------------------------------------------------------------------------- others

    private void otherEndpointCases(List<Case> cases) {
        for (String accept : List.of("image/png", "text/html", "application/xml", "text/plain",
                "application/json;q=0, text/markdown;q=0")) {
            cases.add(new Case("report as " + accept, () -> api.get(a.path() + "/report").bearer(a.token())
                    .header("Accept", accept), 406, "bad_request"));
        }
        for (String accept : List.of("text/html", "application/xml", "text/markdown")) {
            cases.add(new Case("status as " + accept, () -> api.get(a.path()).bearer(a.token())
                    .header("Accept", accept), 406, "bad_request"));
            cases.add(new Case("answer as " + accept, () -> api.post(a.path() + "/answers").bearer(a.token())
                    .idempotencyKey("accept-" + accept).header("Accept", accept)
                    .json("{\"text\":\"The pumps.\"}"), 406, "bad_request"));
        }
        for (String op : List.of("complete", "export", "delete")) {
            Supplier<ApiClient.Call> call = () -> op.equals("complete") ? api.post(a.path() + "/complete")
                    : op.equals("export") ? api.get(a.path() + "/export") : api.delete(a.path());
            cases.add(new Case(op + " without token", call, 401, "unauthorized"));
            cases.add(new Case(op + " with B's token", () -> call.get().bearer(b.token()), 403, "unauthorized"));
            cases.add(new Case(op + " with the admin token", () -> call.get().bearer(ADMIN_TOKEN), 403,
                    "unauthorized"));
            cases.add(new Case(op + " with a malformed token", () -> call.get().header("Authorization", "Bearer "),
                    401, "unauthorized"));
            cases.add(new Case(op + " of an unknown interview", () -> (op.equals("complete")
                    ? api.post("/api/interviews/gone/complete") : op.equals("export")
                    ? api.get("/api/interviews/gone/export") : api.delete("/api/interviews/gone")).bearer(a.token()),
                    404, "not_found"));
        }
    }

    private void adminCases(List<Case> cases) {
        for (String path : List.of("/api/admin/interviews", "/api/admin/metrics", "/api/admin/interviews/" + a.id(),
                "/api/admin/interviews/" + a.id() + "/report", "/api/admin/interviews/" + a.id() + "/export")) {
            cases.add(new Case("admin " + path + " without token", () -> api.get(path), 401, "unauthorized"));
            cases.add(new Case("admin " + path + " with an interview token", () -> api.get(path).bearer(a.token()),
                    401, "unauthorized"));
            cases.add(new Case("admin " + path + " with a wrong token", () -> api.get(path).bearer(ADMIN_TOKEN + "0"),
                    401, "unauthorized"));
            cases.add(new Case("admin " + path + " with a prefix of the token", () -> api.get(path)
                    .bearer(ADMIN_TOKEN.substring(0, 20)), 401, "unauthorized"));
        }
        cases.add(new Case("admin delete without token", () -> api.delete("/api/admin/interviews/" + a.id()), 401,
                "unauthorized"));
        cases.add(new Case("admin delete with A's token", () -> api.delete("/api/admin/interviews/" + a.id())
                .bearer(a.token()), 401, "unauthorized"));
        for (String query : List.of("status=bogus", "status=ACTIVE", "language=de", "pageSize=0", "pageSize=-1",
                "pageSize=501", "pageSize=1.5", "pageSize=ten", "startedFrom=yesterday", "updatedBefore=2026-13-01",
                "startedFrom=2026-01-02T00:00:00Z&startedBefore=2026-01-01T00:00:00Z", "channel=rest:x", "style=",
                "channel=", "cursor=not-a-cursor", "cursor=", "cursor=" + "A".repeat(300))) {
            cases.add(new Case("admin list ?" + abbreviate(query), () -> api.get("/api/admin/interviews?" + query)
                    .bearer(ADMIN_TOKEN), 400, "bad_request"));
        }
        for (String id : List.of("no-such", "a*b", "x".repeat(65))) {
            cases.add(new Case("admin get " + abbreviate(id), () -> api.get("/api/admin/interviews/" + id)
                    .bearer(ADMIN_TOKEN), 404, "not_found"));
            cases.add(new Case("admin delete " + abbreviate(id), () -> api.delete("/api/admin/interviews/" + id)
                    .bearer(ADMIN_TOKEN), 404, "not_found"));
        }
        cases.add(new Case("admin report as image/png", () -> api.get("/api/admin/interviews/" + a.id() + "/report")
                .bearer(ADMIN_TOKEN).header("Accept", "image/png"), 406, "bad_request"));
    }

    private void routeCases(List<Case> cases) {
        for (String path : List.of("/api", "/api/", "/api/nope", "/api/interviews/" + a.id() + "/nope",
                "/api/interviews/" + a.id() + "/answers/video", "/api/interviews/" + a.id() + "/report/x",
                "/api/v2/interviews", "/api/interviews/" + a.id() + "/answers/" + a.id())) {
            cases.add(new Case("GET " + path, () -> api.get(path).bearer(a.token()), 404, "not_found"));
        }
        // the whole operator area is behind the admin token, routes that do not exist too
        for (String path : List.of("/api/admin", "/api/admin/nope", "/api/admin/interviews/" + a.id() + "/x")) {
            cases.add(new Case("GET " + path + " without the admin token", () -> api.get(path).bearer(a.token()), 401,
                    "unauthorized"));
            cases.add(new Case("GET " + path, () -> api.get(path).bearer(ADMIN_TOKEN), 404, "not_found"));
        }
        Map<String, String> wrongMethods = new LinkedHashMap<>();
        wrongMethods.put("/api/interviews", "GET,PUT,DELETE,PATCH");
        wrongMethods.put(a.path(), "POST,PUT,PATCH");
        wrongMethods.put(a.path() + "/answers", "GET,PUT,DELETE");
        wrongMethods.put(a.path() + "/complete", "GET,DELETE");
        wrongMethods.put(a.path() + "/report", "POST,DELETE");
        wrongMethods.put("/api/admin/metrics", "POST,DELETE");
        wrongMethods.forEach((path, methods) -> {
            for (String method : methods.split(",")) {
                cases.add(new Case(method + " " + path, () -> api.call(method, path).bearer(a.token()), 405,
                        "bad_request"));
            }
        });
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private static byte[] invalidUtf8(String before, String after) {
        byte[] head = before.getBytes(StandardCharsets.UTF_8);
        byte[] tail = after.getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xE2, (byte) 0x82};
        byte[] all = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
        return all;
    }

    private static byte[] hugeJson(int size) {
        return ("{\"text\": \"" + "a".repeat(size) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static String flip(String token) {
        char last = token.charAt(token.length() - 1);
        return token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    private static String abbreviate(String value) {
        return value.length() > 24 ? value.substring(0, 24) + "…(" + value.length() + ")" : value;
    }

    /** JSON for a text answer, escaping what must be escaped. */
    private static final class ApiClientJson {
        static String text(String text) {
            try {
                return ApiClient.JSON.writeValueAsString(Map.of("text", text));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
