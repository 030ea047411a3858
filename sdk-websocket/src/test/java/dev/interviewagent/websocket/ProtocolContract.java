package dev.interviewagent.websocket;

import static dev.interviewagent.websocket.WsClient.frame;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Turn;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The wire protocol of docs/protocol.md, driven through a real container with the JDK's WebSocket client. Abstract:
 * {@code JettyProtocolTest} and {@code TomcatProtocolTest} run the same tests on Jetty 12 and Tomcat 11.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProtocolContract {

    Fakes.ToggleStore store;
    Fakes.ToggleLock lock;
    InterviewEngine engine;
    WebSocketInterviews interviews;
    Container container;
    URI uri;

    /** The container this run uses. */
    protected abstract Container.Kind kind();

    @BeforeAll
    void startServer() {
        store = new Fakes.ToggleStore();
        lock = new Fakes.ToggleLock();
        engine = InterviewEngine.builder().store(store).lock(lock).brain(new Fakes.StreamingBrain()).build();
        interviews = WebSocketInterviews.builder(engine).transcriber(Fakes.TRANSCRIBER)
                // every test of the class connects from 127.0.0.1: the per-address limits must not add up across them
                .settings(WebSocketSettings.builder().rate(1_000, 1_000).addressRate(1_000, 1_000)
                        .startsPerMinutePerAddress(1_000).startsPerMinute(1_000).maxTextBytes(64 * 1024)
                        .maxAudioBytes(256 * 1024).maxFrameChars(64 * 1024).build())
                .build();
        container = kind().start(interviews);
        uri = container.uri(interviews.path());
    }

    @AfterAll
    void stopServer() throws Exception {
        container.close();
        interviews.close();
        engine.close();
    }

    private static JsonNode start(WsClient client, String language, String messageId) {
        client.send(frame("start").put("clientMessageId", messageId).put("language", language));
        return client.next("session");
    }

    private static JsonNode answer(WsClient client, String messageId, String text) {
        client.send(frame("answer").put("clientMessageId", messageId).put("text", text));
        return client.next("question");
    }

    // ------------------------------------------------------------------------------------------ full interviews

    @Test
    void should_run_a_full_interview_in_english() {
        runFullInterview("en");
    }

    @Test
    void should_run_a_full_interview_in_russian() {
        runFullInterview("ru");
    }

    private void runFullInterview(String language) {
        try (WsClient client = WsClient.connect(uri)) {
            JsonNode session = start(client, language, "start-" + language);
            assertThat(session.path("interviewId").asText()).isNotBlank();
            assertThat(session.path("token").asText()).hasSizeGreaterThanOrEqualTo(22);
            assertThat(session.path("language").asText()).isEqualTo(language);
            assertThat(session.path("style").asText()).isEqualTo("master");
            JsonNode question = client.next("question");
            assertQuestion(question, session.path("interviewId").asText());
            assertThat(question.path("turn").asInt()).isEqualTo(1);

            TreeSet<Integer> stages = new TreeSet<>(List.of(question.path("stageIndex").asInt()));
            int stageFrames = 0;
            int deltas = 0;
            JsonNode completed = null;
            for (int n = 1; n <= 200 && completed == null; n++) {
                String id = language + "-a" + n;
                client.send(frame("answer").put("clientMessageId", id).put("text", Answers.rich(language, n)));
                for (JsonNode reply : client.untilReply()) {
                    switch (reply.path("type").asText()) {
                        case "stage" -> {
                            stageFrames++;
                            assertThat(reply.path("from").asText()).isNotBlank();
                            assertThat(reply.path("to").asText()).isNotBlank();
                            assertThat(reply.path("completeness").asInt()).isBetween(0, 100);
                        }
                        case "delta" -> deltas++;
                        case "question" -> {
                            assertQuestion(reply, session.path("interviewId").asText());
                            assertThat(reply.path("replyTo").asText()).isEqualTo(id);
                            stages.add(reply.path("stageIndex").asInt());
                        }
                        case "completed" -> completed = reply;
                        case "error" -> throw new AssertionError("unexpected " + reply);
                        default -> { }
                    }
                }
            }
            assertThat(completed).as("completed within 200 answers").isNotNull();
            assertThat(completed.path("reason").asText()).isEqualTo("normal");
            assertThat(completed.path("message").asText()).isNotBlank();
            assertThat(completed.path("report").isObject()).isTrue();
            assertThat(stages).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
            assertThat(stageFrames).isEqualTo(8);
            assertThat(deltas).as("the streaming brain's deltas").isPositive();

            client.send(frame("report").put("format", "markdown"));
            JsonNode report = client.next("report");
            assertThat(report.path("format").asText()).isEqualTo("markdown");
            assertThat(report.path("content").asText()).startsWith("#");
        }
    }

    private static void assertQuestion(JsonNode question, String interviewId) {
        assertThat(question.path("interviewId").asText()).isEqualTo(interviewId);
        assertThat(question.path("turn").asInt()).isPositive();
        assertThat(question.path("stage").asText()).isNotBlank();
        assertThat(question.path("stageIndex").asInt()).isBetween(1, 9);
        assertThat(question.path("text").asText()).isNotBlank();
        assertThat(question.path("depth").asInt()).isBetween(1, 4);
        assertThat(question.path("completeness").asInt()).isBetween(0, 100);
        assertThat(question.path("engagement").asText()).isIn("low", "medium", "high");
        assertThat(question.has("replyTo")).isTrue();
    }

    // ------------------------------------------------------------------------------------------ resume

    @Test
    void should_resume_with_the_same_pending_question_after_a_reconnect() {
        String interviewId;
        String token;
        JsonNode pending;
        try (WsClient first = WsClient.connect(uri)) {
            JsonNode session = start(first, "en", "r-start");
            interviewId = session.path("interviewId").asText();
            token = session.path("token").asText();
            first.next("question");
            pending = answer(first, "r-1", Answers.rich("en", 1));
        }
        try (WsClient second = WsClient.connect(uri)) {
            second.send(frame("resume").put("interviewId", interviewId).put("token", token));
            JsonNode session = second.next("session");
            assertThat(session.path("interviewId").asText()).isEqualTo(interviewId);
            assertThat(session.path("resumed").asBoolean()).isTrue();
            JsonNode again = second.next("question");
            assertThat(again.path("turn").asInt()).isEqualTo(pending.path("turn").asInt());
            assertThat(again.path("text").asText()).isEqualTo(pending.path("text").asText());
            // and the interview goes on from there
            JsonNode next = answer(second, "r-2", Answers.rich("en", 2));
            assertThat(next.path("turn").asInt()).isEqualTo(pending.path("turn").asInt() + 2);
        }
    }

    @Test
    void should_refuse_a_wrong_or_missing_token_and_an_unknown_interview_alike() {
        String interviewId;
        try (WsClient client = WsClient.connect(uri)) {
            interviewId = start(client, "en", "t-start").path("interviewId").asText();
        }
        try (WsClient client = WsClient.connect(uri)) {
            client.send(frame("resume").put("interviewId", interviewId).put("token", "wrong-token"));
            assertThat(client.next("error").path("code").asText()).isEqualTo("unauthorized");
            client.send(frame("resume").put("interviewId", UUID.randomUUID().toString()).put("token", "x"));
            JsonNode unknown = client.next("error");
            assertThat(unknown.path("code").asText()).isEqualTo("unauthorized");
            client.send(frame("resume").put("interviewId", interviewId));
            assertThat(client.next("error").path("code").asText()).isEqualTo("bad_request");
            // nothing of the interview is reachable without its token
            client.send(frame("answer").put("clientMessageId", "t-1").put("text", "hello"));
            assertThat(client.next("error").path("code").asText()).isEqualTo("unauthorized");
            client.send(frame("report").put("format", "json"));
            assertThat(client.next("error").path("code").asText()).isEqualTo("unauthorized");
            client.send(frame("complete").put("clientMessageId", "t-2"));
            assertThat(client.next("error").path("code").asText()).isEqualTo("unauthorized");
        }
        assertThat(engine.status(InterviewId.of(interviewId)).turnCount()).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------ idempotency

    @Test
    void should_answer_a_repeated_client_message_id_once_with_the_same_reply() {
        try (WsClient client = WsClient.connect(uri)) {
            String id = start(client, "en", "i-start").path("interviewId").asText();
            client.next("question");
            JsonNode first = answer(client, "i-1", Answers.rich("en", 1));
            JsonNode repeat = answer(client, "i-1", Answers.rich("en", 1));
            assertThat(repeat.path("turn").asInt()).isEqualTo(first.path("turn").asInt());
            assertThat(repeat.path("text").asText()).isEqualTo(first.path("text").asText());
            assertThat(engine.transcript(InterviewId.of(id))).filteredOn(Turn::isRespondent).hasSize(1);

            // a repeated start on the same connection: the same interview, not a second one
            client.send(frame("start").put("clientMessageId", "i-start").put("language", "en"));
            assertThat(client.next("session").path("interviewId").asText()).isEqualTo(id);
            assertThat(client.next("question").path("turn").asInt()).isEqualTo(first.path("turn").asInt());
        }
    }

    @Test
    void should_not_start_a_second_interview_when_a_start_with_a_client_key_is_repeated_on_a_new_connection() {
        String clientKey = "k" + UUID.randomUUID().toString().replace("-", "");
        JsonNode first;
        try (WsClient client = WsClient.connect(uri)) {
            client.send(frame("start").put("clientMessageId", "ck-1").put("clientKey", clientKey));
            first = client.next("session");
        }
        try (WsClient client = WsClient.connect(uri)) {
            client.send(frame("start").put("clientMessageId", "ck-1").put("clientKey", clientKey));
            JsonNode again = client.next("session");
            assertThat(again.path("interviewId").asText()).isEqualTo(first.path("interviewId").asText());
            assertThat(again.path("token").asText()).isEqualTo(first.path("token").asText());
            assertThat(client.next("question").path("turn").asInt()).isEqualTo(1);
        }
    }

    // ------------------------------------------------------------------------------------------ errors

    @Test
    void should_answer_malformed_frames_with_bad_request_and_stay_usable() {
        try (WsClient client = WsClient.connect(uri)) {
            start(client, "en", "m-start");
            client.next("question");
            for (String bad : List.of("{not json", "[1,2]", "\"text\"", "{}", "{\"type\":\"dance\"}",
                    "{\"type\":\"answer\",\"text\":\"no id\"}", "{\"type\":\"answer\",\"clientMessageId\":\"m\"}",
                    "{\"type\":\"answer\",\"clientMessageId\":\"m\",\"text\":42}",
                    "{\"type\":\"start\",\"clientMessageId\":\"s\",\"language\":\"fr\"}",
                    "{\"type\":\"start\",\"clientMessageId\":\"s\",\"style\":\"nope\"}",
                    "{\"type\":\"report\",\"format\":\"pdf\"}")) {
                client.send(bad);
                JsonNode error = client.next("error");
                assertThat(error.path("code").asText()).as(bad).isEqualTo("bad_request");
                assertThat(error.path("message").asText()).isNotBlank();
            }
            client.sendBinary(new byte[] {1, 2, 3});
            assertThat(client.next("error").path("code").asText()).isEqualTo("bad_request");
            JsonNode empty = send(client, frame("answer").put("clientMessageId", "m-empty").put("text", "  "));
            assertThat(empty.path("code").asText()).isEqualTo("bad_request");
            assertThat(empty.path("replyTo").asText()).isEqualTo("m-empty");

            assertThat(answer(client, "m-ok", Answers.rich("en", 1)).path("replyTo").asText()).isEqualTo("m-ok");
            assertThat(client.isOpen()).isTrue();
        }
    }

    private static JsonNode send(WsClient client, com.fasterxml.jackson.databind.node.ObjectNode frame) {
        client.send(frame);
        return client.next("error");
    }

    @Test
    void should_answer_oversized_frames_with_too_large_and_stay_usable() {
        try (WsClient client = WsClient.connect(uri)) {
            start(client, "en", "big-start");
            client.next("question");
            String huge = "x".repeat(70 * 1024);
            client.send(frame("answer").put("clientMessageId", "big-1").put("text", huge));
            assertThat(client.next("error").path("code").asText()).isEqualTo("too_large");
            client.send("y".repeat(3 * 1024 * 1024));  // far above the limit: still counted and dropped
            assertThat(client.next("error").path("code").asText()).isEqualTo("too_large");

            client.send(frame("audio").put("clientMessageId", "big-audio").put("format", "webm"));
            client.sendBinary(new byte[300 * 1024]);
            JsonNode audio = client.next("error");
            assertThat(audio.path("code").asText()).isEqualTo("too_large");
            assertThat(audio.path("replyTo").asText()).isEqualTo("big-audio");

            assertThat(answer(client, "big-ok", Answers.rich("en", 1)).path("replyTo").asText())
                    .isEqualTo("big-ok");
        }
    }

    @Test
    void should_answer_unsupported_audio() {
        try (WsClient client = WsClient.connect(uri)) {
            start(client, "en", "ua-start");
            client.next("question");
            client.send(frame("audio").put("clientMessageId", "ua-1").put("format", "flac"));
            JsonNode format = client.next("error");
            assertThat(format.path("code").asText()).isEqualTo("unsupported_audio");
            assertThat(format.path("replyTo").asText()).isEqualTo("ua-1");
            client.send(frame("audio").put("clientMessageId", "ua-2").put("format", "webm"));
            client.sendBinary("BAD!".getBytes(StandardCharsets.UTF_8));
            assertThat(client.next("error").path("code").asText()).isEqualTo("unsupported_audio");
        }
    }

    @Test
    void should_take_a_voice_answer_and_ask_to_confirm_a_low_confidence_transcript() {
        try (WsClient client = WsClient.connect(uri)) {
            start(client, "en", "v-start");
            client.next("question");
            client.send(frame("audio").put("clientMessageId", "v-1").put("format", "webm"));
            client.sendBinary(("HIGH:" + Answers.rich("en", 1)).getBytes(StandardCharsets.UTF_8));
            JsonNode heard = client.next("transcript");
            assertThat(heard.path("quality").asText()).isEqualTo("high");
            assertThat(heard.path("replyTo").asText()).isEqualTo("v-1");
            assertThat(heard.path("text").asText()).startsWith("Last Tuesday");
            assertThat(client.next("question").path("replyTo").asText()).isEqualTo("v-1");

            client.send(frame("audio").put("clientMessageId", "v-2").put("format", "ogg"));
            client.sendBinary(("LOW:" + Answers.rich("en", 2)).getBytes(StandardCharsets.UTF_8));
            JsonNode unsure = client.next("transcript");
            assertThat(unsure.path("quality").asText()).isEqualTo("low");
            assertThat(unsure.path("needsConfirmation").asBoolean()).isTrue();
            assertThat(unsure.path("choices")).hasSize(3);
            client.send(frame("confirm").put("clientMessageId", "v-2c").put("action", "transcript:confirm"));
            assertThat(client.next("question").path("replyTo").asText()).isEqualTo("v-2");
        }
    }

    @Test
    void should_keep_a_transcript_awaiting_confirmation_across_a_reconnect() {
        String interviewId;
        String token;
        JsonNode unsure;
        try (WsClient first = WsClient.connect(uri)) {
            JsonNode session = start(first, "en", "pc-start");
            interviewId = session.path("interviewId").asText();
            token = session.path("token").asText();
            first.next("question");
            first.send(frame("audio").put("clientMessageId", "pc-1").put("format", "ogg"));
            first.sendBinary(("LOW:" + Answers.rich("en", 3)).getBytes(StandardCharsets.UTF_8));
            unsure = first.next("transcript");
            assertThat(unsure.path("needsConfirmation").asBoolean()).isTrue();
        }
        try (WsClient second = WsClient.connect(uri)) {
            second.send(frame("resume").put("interviewId", interviewId).put("token", token));
            second.next("session");
            second.next("question");
            JsonNode again = second.next("transcript");   // shown again, with its choices
            assertThat(again.path("needsConfirmation").asBoolean()).isTrue();
            assertThat(again.path("replyTo").asText()).isEqualTo("pc-1");
            assertThat(again.path("text").asText()).isEqualTo(unsure.path("text").asText());
            assertThat(again.path("choices")).hasSize(3);
            second.send(frame("confirm").put("clientMessageId", "pc-1c").put("action", "transcript:confirm"));
            assertThat(second.next("question").path("replyTo").asText()).isEqualTo("pc-1");
        }
        assertThat(engine.transcript(InterviewId.of(interviewId))).filteredOn(Turn::isRespondent).singleElement()
                .satisfies(turn -> assertThat(turn.messageId().value()).isEqualTo("pc-1"));
    }

    @Test
    void should_answer_not_found_when_the_attached_interview_was_deleted() {
        try (WsClient client = WsClient.connect(uri)) {
            String id = start(client, "en", "nf-start").path("interviewId").asText();
            client.next("question");
            engine.delete(InterviewId.of(id));
            client.send(frame("answer").put("clientMessageId", "nf-1").put("text", "hello"));
            JsonNode error = client.next("error");
            assertThat(error.path("code").asText()).isEqualTo("not_found");
            assertThat(error.path("replyTo").asText()).isEqualTo("nf-1");
        }
    }

    @Test
    void should_answer_busy_unavailable_and_internal_and_recover() {
        try (WsClient client = WsClient.connect(uri)) {
            start(client, "en", "f-start");
            client.next("question");

            lock.busy.set(true);
            JsonNode busy = send(client, frame("answer").put("clientMessageId", "f-1").put("text", "hello there"));
            lock.busy.set(false);
            assertThat(busy.path("code").asText()).isEqualTo("busy");
            assertThat(busy.path("replyTo").asText()).isEqualTo("f-1");

            store.down.set(true);
            JsonNode down = send(client, frame("answer").put("clientMessageId", "f-1").put("text", "hello there"));
            store.down.set(false);
            assertThat(down.path("code").asText()).isEqualTo("unavailable");

            client.send(frame("audio").put("clientMessageId", "f-2").put("format", "wav"));
            client.sendBinary("BOOM".getBytes(StandardCharsets.UTF_8));
            assertThat(client.next("error").path("code").asText()).isEqualTo("internal");

            // the same message id goes through once everything is back
            assertThat(answer(client, "f-1", Answers.rich("en", 1)).path("replyTo").asText()).isEqualTo("f-1");
        }
    }

    @Test
    void should_send_reports_in_both_formats_and_status_and_pong() {
        try (WsClient client = WsClient.connect(uri)) {
            start(client, "en", "rep-start");
            client.next("question");
            answer(client, "rep-1", Answers.rich("en", 1));
            client.send(frame("report").put("format", "json"));
            JsonNode json = client.next("report");
            assertThat(json.path("format").asText()).isEqualTo("json");
            assertThat(json.path("content").isObject()).isTrue();
            client.send(frame("status"));
            JsonNode status = client.next("status");
            assertThat(status.path("stages")).hasSize(9);
            client.send(frame("ping"));
            assertThat(client.next("pong").path("type").asText()).isEqualTo("pong");
            client.send(frame("complete").put("clientMessageId", "rep-end"));
            JsonNode completed = client.next("completed");
            assertThat(completed.path("reason").asText()).isEqualTo("early");
            assertThat(completed.path("report").isObject()).isTrue();
            // completing again changes nothing
            client.send(frame("complete").put("clientMessageId", "rep-end"));
            assertThat(client.next("completed").path("reason").asText()).isEqualTo("early");
        }
    }
}
