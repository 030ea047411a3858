package dev.interviewagent.websocket;

import static dev.interviewagent.websocket.WsClient.frame;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.persistence.JdbcInterviewStore;
import dev.interviewagent.persistence.PrivacyOperations;
import dev.interviewagent.voice.AudioInspector;
import dev.interviewagent.voice.AudioLimits;
import dev.interviewagent.voice.VoiceTranscriber;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The respondent's side of their data over the wire ({@code docs/protocol.md}, *Your data*): the privacy notice, stage
 * names and recording limit a {@code session} and an {@code info} carry; {@code export} and {@code delete} authorised
 * by the interview's token or by the browser's {@code clientKey}, and refused for anyone else; the store really
 * emptied. On Jetty with the embedded JDBC store and sdk-persistence's {@code PrivacyOperations}.
 */
class RespondentPrivacyTest {

    @TempDir
    Path dir;

    private JdbcInterviewStore store;
    private InterviewEngine engine;
    private WebSocketInterviews interviews;
    private Container container;

    @AfterEach
    void stop() throws Exception {
        if (container != null) {
            container.close();
        }
        if (interviews != null) {
            interviews.close();
        }
        if (engine != null) {
            engine.close();
        }
        if (store != null) {
            store.close();
        }
    }

    /** A server on the embedded store; {@code withRespondentData}: export and delete reach a browser's interviews. */
    private WsClient serve(boolean withRespondentData, InterviewEngine.Builder engineBuilder) {
        store = JdbcInterviewStore.embedded(dir);
        engine = engineBuilder.store(store).build();
        // tag::respondent-data[]
        PrivacyOperations privacy = PrivacyOperations.of(store);
        WebSocketInterviews.Builder builder = WebSocketInterviews.builder(engine)
                .dataPolicy(new DataPolicy(Duration.ofDays(30), Duration.ofDays(14), true));  // what retention does
        if (withRespondentData) {
            builder.respondentData(RespondentData.of(privacy::exportRespondent, privacy::deleteRespondent));
        }
        // end::respondent-data[]
        interviews = builder.settings(WebSocketSettings.builder().rate(1_000, 1_000).addressRate(1_000, 1_000)
                .build()).build();
        container = Container.Kind.JETTY.start(interviews);
        return connect();
    }

    private WsClient connect() {
        return WsClient.connect(container.uri(interviews.path()));
    }

    private static String clientKey() {
        return "ck" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Starts an interview and answers once; returns the session frame. */
    private static JsonNode interview(WsClient client, String startId, String clientKey) {
        var start = frame("start").put("clientMessageId", startId).put("language", "en");
        if (clientKey != null) {
            start.put("clientKey", clientKey);
        }
        client.send(start);
        JsonNode session = client.next("session");
        client.next("question");
        client.send(frame("answer").put("clientMessageId", startId + "-a").put("text", Answers.rich("en", 3)));
        client.next("question");
        return session;
    }

    private static JsonNode parse(String json) throws Exception {
        return WsClient.JSON.readTree(json);
    }

    @Test
    void should_tell_the_privacy_notice_the_stages_and_the_recording_limit_in_info_and_session() throws Exception {
        store = JdbcInterviewStore.embedded(dir);
        engine = InterviewEngine.builder().store(store).guide(Guides.fieldService()).build();
        interviews = WebSocketInterviews.builder(engine)
                .transcriber(VoiceTranscriber.of(ConnectionContract.FAKE_SPEECH, AudioInspector.of(AudioLimits
                        .builder().maxDuration(Duration.ofSeconds(90)).build())))
                .dataPolicy(new DataPolicy(Duration.ofDays(30), Duration.ofDays(14), true))
                .build();
        container = Container.Kind.JETTY.start(interviews);
        try (WsClient client = connect()) {
            // before any interview: what the page's notice needs, in the language asked for
            client.send(frame("info").put("language", "ru"));
            JsonNode info = client.next("info");
            assertThat(info.path("language").asText()).isEqualTo("ru");
            JsonNode privacy = info.path("privacy");
            assertThat(privacy.path("deleteAfterEndSeconds").asLong()).isEqualTo(Duration.ofDays(30).toSeconds());
            assertThat(privacy.path("closeIdleAfterSeconds").asLong()).isEqualTo(Duration.ofDays(14).toSeconds());
            assertThat(privacy.path("piiRedacted").asBoolean()).isTrue();
            assertThat(privacy.path("recordingsKept").asBoolean()).isFalse();
            assertThat(privacy.path("speechToText").asBoolean()).isTrue();
            assertThat(privacy.path("export").asBoolean()).isTrue();
            assertThat(privacy.path("delete").asBoolean()).isTrue();
            assertThat(privacy.path("respondentScope").asBoolean()).as("no RespondentData given").isFalse();
            assertThat(privacy.path("stored")).extracting(JsonNode::asText)
                    .containsExactly("profile", "answers", "questions", "report");
            assertThat(info.path("stages")).hasSize(9);
            for (int i = 0; i < 9; i++) {
                JsonNode stage = info.path("stages").get(i);
                assertThat(stage.path("index").asInt()).isEqualTo(i + 1);
                assertThat(stage.path("title").asText()).isEqualTo(Guides.FIELD_SERVICE_TITLES.get(i).get(1));
            }
            assertThat(info.path("stages").get(5).path("code").asText()).isEqualTo("failure_modes");
            assertThat(info.path("capabilities").path("limits").path("maxAudioSeconds").asDouble()).isEqualTo(90.0);

            // the session of an English interview: the same, in English
            client.send(frame("start").put("clientMessageId", "s1").put("language", "en").put("consent", true));
            JsonNode session = client.next("session");
            assertThat(session.path("stages").get(0).path("title").asText()).isEqualTo("Hello");
            assertThat(session.path("stages").get(8).path("title").asText()).isEqualTo("Closing");
            assertThat(session.path("privacy").path("deleteAfterEndSeconds").asLong())
                    .isEqualTo(Duration.ofDays(30).toSeconds());
            assertThat(session.path("capabilities").path("limits").path("maxAudioSeconds").asDouble()).isEqualTo(90);
            client.next("question");
            // the consent is on record with the interview
            String consentedAt = store.load(InterviewId.of(session.path("interviewId").asText())).orElseThrow()
                    .attributes().get("ws.consentAt");
            assertThat(Instant.parse(consentedAt)).isBetween(Instant.now().minusSeconds(60), Instant.now());
        }
    }

    @Test
    void should_send_no_recording_limit_without_voice_and_a_bad_consent_is_a_bad_request() {
        try (WsClient client = serve(false, InterviewEngine.builder())) {
            client.send(frame("info"));
            JsonNode info = client.next("info");
            assertThat(info.path("language").asText()).isEqualTo("en");
            assertThat(info.path("capabilities").path("voiceInput").asBoolean()).isFalse();
            assertThat(info.path("capabilities").path("limits").has("maxAudioSeconds")).isFalse();
            assertThat(info.path("privacy").path("speechToText").asBoolean()).isFalse();
            // the built-in guide's names, from sdk-core's messages
            assertThat(info.path("stages").get(0).path("title").asText()).isEqualTo("Getting acquainted");

            client.send(frame("start").put("clientMessageId", "s1").put("consent", "yes"));
            JsonNode error = client.next("error");
            assertThat(error.path("code").asText()).isEqualTo("bad_request");
            assertThat(error.path("message").asText()).contains("consent");
            assertThat(store.findByChannelKey("web:x")).isEmpty();
        }
    }

    @Test
    void should_export_the_attached_interview_by_its_token_with_its_turns_and_report() throws Exception {
        String sessionId;
        String token;
        try (WsClient client = serve(false, InterviewEngine.builder())) {
            JsonNode session = interview(client, "s1", null);
            sessionId = session.path("interviewId").asText();
            token = session.path("token").asText();
        }
        try (WsClient other = connect()) {
            // nothing attached, no key: refused, and nothing about any interview is sent
            other.send(frame("export").put("clientMessageId", "e0"));
            JsonNode refused = other.next("error");
            assertThat(refused.path("code").asText()).isEqualTo("unauthorized");
            assertThat(refused.path("replyTo").asText()).isEqualTo("e0");

            other.send(frame("resume").put("interviewId", sessionId).put("token", token));
            other.next("session");
            other.next("question");
            other.send(frame("export").put("clientMessageId", "e1"));
            JsonNode export = other.next("export");
            assertThat(export.path("replyTo").asText()).isEqualTo("e1");
            assertThat(export.path("scope").asText()).isEqualTo("interview");
            assertThat(export.path("interviewId").asText()).isEqualTo(sessionId);
            assertThat(export.has("part")).isFalse();
            JsonNode content = parse(export.path("content").asText());
            assertThat(content.path("interviews")).hasSize(1);
            JsonNode entry = content.path("interviews").get(0);
            assertThat(entry.path("interview").path("id").asText()).isEqualTo(sessionId);
            List<Turn> turns = engine.transcript(InterviewId.of(sessionId));
            assertThat(entry.path("turns")).hasSize(turns.size());
            assertThat(entry.path("turns").toString()).contains("replaced valve 10 within 23 minutes");
            assertThat(entry.path("report").path("json").path("interview_id").asText()).isEqualTo(sessionId);
            assertThat(entry.path("report").path("markdown").asText()).startsWith("#");
            // the interview is untouched
            assertThat(store.load(InterviewId.of(sessionId))).isPresent();
        }
    }

    @Test
    void should_refuse_export_and_delete_with_another_interviews_token() {
        String mine;
        String theirs;
        String theirToken;
        try (WsClient client = serve(false, InterviewEngine.builder())) {
            mine = interview(client, "mine", null).path("interviewId").asText();
        }
        try (WsClient client = connect()) {
            JsonNode session = interview(client, "theirs", null);
            theirs = session.path("interviewId").asText();
            theirToken = session.path("token").asText();
        }
        try (WsClient attacker = connect()) {
            // my interview with their token: refused, and the connection stays detached
            attacker.send(frame("resume").put("interviewId", mine).put("token", theirToken));
            assertThat(attacker.next("error").path("code").asText()).isEqualTo("unauthorized");
            attacker.send(frame("export").put("clientMessageId", "e1"));
            assertThat(attacker.next("error").path("code").asText()).isEqualTo("unauthorized");
            attacker.send(frame("delete").put("clientMessageId", "d1").put("confirm", true));
            JsonNode refused = attacker.next("error");
            assertThat(refused.path("code").asText()).isEqualTo("unauthorized");
            assertThat(refused.path("replyTo").asText()).isEqualTo("d1");
            // a made-up client key without a RespondentData reaches nothing either
            attacker.send(frame("delete").put("clientMessageId", "d2").put("confirm", true)
                    .put("clientKey", clientKey()));
            assertThat(attacker.next("error").path("code").asText()).isEqualTo("unauthorized");
        }
        assertThat(store.load(InterviewId.of(mine))).isPresent();
        assertThat(store.load(InterviewId.of(theirs))).isPresent();
    }

    @Test
    void should_delete_the_attached_interview_only_when_confirmed_and_detach() {
        try (WsClient client = serve(false, InterviewEngine.builder())) {
            JsonNode session = interview(client, "s1", null);
            InterviewId id = InterviewId.of(session.path("interviewId").asText());
            String other;
            try (WsClient second = connect()) {
                other = interview(second, "s2", null).path("interviewId").asText();
            }

            client.send(frame("delete").put("clientMessageId", "d0"));
            JsonNode unconfirmed = client.next("error");
            assertThat(unconfirmed.path("code").asText()).isEqualTo("bad_request");
            assertThat(unconfirmed.path("message").asText()).contains("confirm");
            client.send(frame("delete").put("clientMessageId", "d1").put("confirm", false));
            assertThat(client.next("error").path("code").asText()).isEqualTo("bad_request");
            assertThat(store.load(id)).as("nothing deleted without confirm: true").isPresent();

            client.send(frame("delete").put("clientMessageId", "d2").put("confirm", true));
            JsonNode deleted = client.next("deleted");
            assertThat(deleted.path("replyTo").asText()).isEqualTo("d2");
            assertThat(deleted.path("interviewId").asText()).isEqualTo(id.value());
            assertThat(deleted.path("scope").asText()).isEqualTo("interview");
            assertThat(deleted.path("interviews").asInt()).isEqualTo(1);
            assertThat(store.load(id)).isEmpty();
            assertThat(store.turns(id)).isEmpty();
            assertThat(store.load(InterviewId.of(other))).as("another interview stays").isPresent();

            // detached: the next answer needs a new start, and the old token opens nothing
            client.send(frame("answer").put("clientMessageId", "a9").put("text", "more"));
            assertThat(client.next("error").path("code").asText()).isEqualTo("unauthorized");
            client.send(frame("resume").put("interviewId", id.value())
                    .put("token", session.path("token").asText()));
            assertThat(client.next("error").path("code").asText()).isEqualTo("unauthorized");
        }
    }

    @Test
    void should_export_and_delete_every_interview_of_a_browser_by_its_client_key() throws Exception {
        String key = clientKey();
        String otherKey = clientKey();
        List<String> mine = new ArrayList<>();
        String others;
        try (WsClient client = serve(true, InterviewEngine.builder())) {
            mine.add(interview(client, "m1", key).path("interviewId").asText());
            mine.add(interview(client, "m2", key).path("interviewId").asText());
        }
        try (WsClient client = connect()) {
            others = interview(client, "o1", otherKey).path("interviewId").asText();
        }
        try (WsClient fresh = connect()) {
            // a new tab of the same browser, no interview attached: the key alone authorises
            fresh.send(frame("info"));
            assertThat(fresh.next("info").path("privacy").path("respondentScope").asBoolean()).isTrue();
            fresh.send(frame("export").put("clientMessageId", "e1").put("clientKey", key));
            JsonNode export = fresh.next("export");
            assertThat(export.path("scope").asText()).isEqualTo("respondent");
            assertThat(export.path("interviewId").isNull()).isTrue();
            JsonNode content = parse(export.path("content").asText());
            assertThat(content.path("channelKey").asText()).isEqualTo(WebSocketInterviews.respondentKey(key));
            List<String> exported = new ArrayList<>();
            content.path("interviews").forEach(i -> exported.add(i.path("interview").path("id").asText()));
            assertThat(exported).containsExactlyInAnyOrderElementsOf(mine);
            assertThat(export.path("content").asText()).doesNotContain(others).doesNotContain(key);

            fresh.send(frame("delete").put("clientMessageId", "d1").put("confirm", true).put("clientKey", key));
            JsonNode deleted = fresh.next("deleted");
            assertThat(deleted.path("scope").asText()).isEqualTo("respondent");
            assertThat(deleted.path("interviews").asInt()).isEqualTo(2);
        }
        for (String id : mine) {
            assertThat(store.load(InterviewId.of(id))).isEmpty();
        }
        assertThat(store.findByChannelKey(WebSocketInterviews.respondentKey(key))).isEmpty();
        assertThat(store.load(InterviewId.of(others))).isPresent();
    }

    @Test
    void should_keep_to_the_attached_interview_when_the_key_belongs_to_another_browser() {
        String key = clientKey();
        String otherKey = clientKey();
        String mine;
        try (WsClient client = serve(true, InterviewEngine.builder())) {
            mine = interview(client, "m1", key).path("interviewId").asText();
        }
        try (WsClient other = connect()) {
            String theirs = interview(other, "o1", otherKey).path("interviewId").asText();
            // attached to their own interview, but sending my key: only their interview is reached
            other.send(frame("delete").put("clientMessageId", "d1").put("confirm", true).put("clientKey", key));
            JsonNode deleted = other.next("deleted");
            assertThat(deleted.path("scope").asText()).isEqualTo("interview");
            assertThat(deleted.path("interviewId").asText()).isEqualTo(theirs);
            assertThat(store.load(InterviewId.of(theirs))).isEmpty();
        }
        assertThat(store.load(InterviewId.of(mine))).isPresent();
    }
}
