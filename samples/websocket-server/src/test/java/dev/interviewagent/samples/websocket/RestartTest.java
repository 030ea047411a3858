package dev.interviewagent.samples.websocket;

import static dev.interviewagent.websocket.WsClient.frame;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.channel.SpeechTranscriber;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.websocket.WsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client resumes its interview with its token after the server process stopped and started again. */
class RestartTest {

    @TempDir
    java.nio.file.Path dir;

    @Test
    void should_resume_after_a_server_restart_on_the_embedded_store() throws Exception {
        Backends backends = new Backends();
        java.util.Map<String, String> env = java.util.Map.of("INTERVIEW_STORE_URL", dir.resolve("store").toString());
        InterviewStore shared = backends.openStore(env);
        String interviewId;
        String token;
        JsonNode pending;
        InterviewEngine engine = InterviewEngine.builder().store(shared).build();
        try (InterviewServer server = TestServers.start(engine, SpeechTranscriber.NONE, TestServers.settings());
             WsClient client = WsClient.connect(server.webSocketUri())) {
            client.send(frame("start").put("clientMessageId", "rs-start").put("language", "ru"));
            JsonNode session = client.next("session");
            interviewId = session.path("interviewId").asText();
            token = session.path("token").asText();
            client.next("question");
            client.send(frame("answer").put("clientMessageId", "rs-1").put("text", TestServers.answer("ru", 1)));
            pending = client.next("question");
        }
        engine.close();
        backends.close();
        Backends restarted = new Backends();
        InterviewStore reopened = restarted.openStore(env);   // the embedded H2 file, opened anew

        InterviewEngine again = InterviewEngine.builder().store(reopened).build();
        try (InterviewServer server = TestServers.start(again, SpeechTranscriber.NONE, TestServers.settings());
             WsClient client = WsClient.connect(server.webSocketUri())) {
            client.send(frame("resume").put("interviewId", interviewId).put("token", token));
            JsonNode session = client.next("session");
            assertThat(session.path("language").asText()).isEqualTo("ru");
            JsonNode question = client.next("question");
            assertThat(question.path("turn").asInt()).isEqualTo(pending.path("turn").asInt());
            assertThat(question.path("text").asText()).isEqualTo(pending.path("text").asText());
            client.send(frame("answer").put("clientMessageId", "rs-2").put("text", TestServers.answer("ru", 2)));
            assertThat(client.next("question").path("turn").asInt()).isEqualTo(pending.path("turn").asInt() + 2);
        } finally {
            again.close();
            restarted.close();
        }
    }
}
