package dev.interviewagent.websocket;

import static dev.interviewagent.websocket.WsClient.frame;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.voice.AudioFormat;
import dev.interviewagent.voice.SynthesizedSpeech;
import dev.interviewagent.voice.TextToSpeech;
import dev.interviewagent.voice.fake.FakeOpenAiServer;
import dev.interviewagent.voice.openai.OpenAiTextToSpeech;
import dev.interviewagent.voice.testkit.AudioFixtures;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The extensions a returning respondent uses, on the wire: {@code history} (the conversation so far, paged
 * backwards from the store, bounded, authorised by the attachment a token gave) and {@code speak} (a question's audio
 * from the server's text-to-speech: sdk-voice's {@link OpenAiTextToSpeech} against the local OpenAI stand-in, which
 * answers with a real Ogg/Opus clip). Abstract: {@code JettyResumeExtensionsTest} and
 * {@code TomcatResumeExtensionsTest} run it on Jetty 12 and Tomcat 11.
 */
abstract class ResumeExtensionsContract {

    private static final String KEY = "sk-tts-test-0123456789";

    private InterviewEngine engine;
    private WebSocketInterviews interviews;
    private Container container;
    private FakeOpenAiServer openAi;
    private TextToSpeech tts;

    /** The container this run uses. */
    protected abstract Container.Kind kind();

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
        if (tts != null) {
            tts.close();
        }
        if (openAi != null) {
            openAi.close();
            assertThat(openAi.violations()).as("requests that break OpenAI's published contract").isEmpty();
        }
    }

    private URI serve(UnaryOperator<WebSocketInterviews.Builder> builder) {
        engine = InterviewEngine.builder().build();
        interviews = builder.apply(WebSocketInterviews.builder(engine).settings(WebSocketSettings.builder()
                .rate(1_000, 1_000).addressRate(1_000, 1_000).maxFrameChars(64 * 1024).build())).build();
        container = kind().start(interviews);
        return container.uri(interviews.path());
    }

    /** A speaker on sdk-voice's OpenAI text-to-speech, talking to the local stand-in. */
    private QuestionSpeaker openAiSpeaker(byte[] audio) {
        openAi = new FakeOpenAiServer(KEY);
        openAi.speechAudio(audio);
        tts = OpenAiTextToSpeech.builder().apiKey(KEY).baseUrl(openAi.baseUrl()).format(AudioFormat.OGG_OPUS)
                .requestTimeout(Duration.ofSeconds(10)).build();
        return (text, language) -> {
            SynthesizedSpeech speech = tts.synthesize(text);
            return new QuestionSpeaker.Audio(speech.audio(), speech.format().mimeType());
        };
    }

    private record Started(String id, String token) {
    }

    /** Starts an interview and answers {@code answers} times: 1 + 2 × answers turns. */
    private static Started interview(WsClient client, String prefix, int answers) {
        client.send(frame("start").put("clientMessageId", prefix + "-start").put("language", "en"));
        JsonNode session = client.next("session");
        client.next("question");
        for (int n = 1; n <= answers; n++) {
            client.send(frame("answer").put("clientMessageId", prefix + "-" + n).put("text", Answers.rich("en", n)));
            client.next("question");
        }
        return new Started(session.path("interviewId").asText(), session.path("token").asText());
    }

    private static JsonNode resume(WsClient client, Started started) {
        client.send(frame("resume").put("interviewId", started.id()).put("token", started.token()));
        JsonNode session = client.next("session");
        client.next("question");
        return session;
    }

    private static JsonNode history(WsClient client, Integer before, Integer limit) {
        ObjectNode request = frame("history");
        if (before != null) {
            request.put("before", before);
        }
        if (limit != null) {
            request.put("limit", limit);
        }
        client.send(request);
        return client.next("history");
    }

    // ------------------------------------------------------------------------------------------ history

    @Test
    void should_page_the_conversation_so_far_backwards_after_a_resume_on_a_new_connection() {
        URI uri = serve(b -> b);
        Started started;
        try (WsClient client = WsClient.connect(uri)) {
            started = interview(client, "p", 5);   // 11 turns
        }
        try (WsClient client = WsClient.connect(uri)) {
            JsonNode session = resume(client, started);
            JsonNode announced = session.path("capabilities").path("history");
            assertThat(announced.path("maxLimit").asInt()).isEqualTo(InterviewEngine.MAX_HISTORY_PAGE);
            assertThat(announced.path("defaultLimit").asInt()).isEqualTo(50);

            JsonNode newest = history(client, null, 4);
            assertThat(newest.path("interviewId").asText()).isEqualTo(started.id());
            assertThat(turns(newest)).containsExactly(8, 9, 10, 11);
            assertThat(newest.path("more").asBoolean()).isTrue();
            assertThat(newest.path("next").asInt()).isEqualTo(8);
            assertThat(newest.path("total").asInt()).isEqualTo(11);
            JsonNode middle = history(client, newest.path("next").asInt(), 4);
            assertThat(turns(middle)).containsExactly(4, 5, 6, 7);
            JsonNode oldest = history(client, middle.path("next").asInt(), 4);
            assertThat(turns(oldest)).containsExactly(1, 2, 3);
            assertThat(oldest.path("more").asBoolean()).isFalse();
            assertThat(oldest.path("next").isNull()).isTrue();

            // the default page holds all eleven, and says exactly what the store holds
            JsonNode all = history(client, null, null);
            List<Turn> stored = engine.transcript(InterviewId.of(started.id()));
            assertThat(all.path("entries")).hasSize(stored.size());
            for (int i = 0; i < stored.size(); i++) {
                JsonNode entry = all.path("entries").get(i);
                Turn turn = stored.get(i);
                assertThat(entry.path("turn").asInt()).isEqualTo(turn.number());
                assertThat(entry.path("role").asText()).isEqualTo(turn.role().code());
                assertThat(entry.path("text").asText()).isEqualTo(turn.text());
                assertThat(entry.path("stage").asText()).isEqualTo(turn.stage().code());
            }
            assertThat(all.path("entries").get(1).path("clientMessageId").asText()).isEqualTo("p-1");
            assertThat(all.path("entries").get(1).path("text").asText()).isEqualTo(Answers.rich("en", 1));
            assertThat(all.path("entries").get(2).path("replyTo").asText()).isEqualTo("p-1");
        }
    }

    @Test
    void should_refuse_out_of_range_cursors_and_limits_with_bad_request_and_stay_usable() {
        URI uri = serve(b -> b);
        try (WsClient client = WsClient.connect(uri)) {
            interview(client, "b", 1);
            for (String bad : List.of("{\"type\":\"history\",\"limit\":0,\"clientMessageId\":\"h\"}",
                    "{\"type\":\"history\",\"limit\":201,\"clientMessageId\":\"h\"}",
                    "{\"type\":\"history\",\"limit\":\"10\",\"clientMessageId\":\"h\"}",
                    "{\"type\":\"history\",\"limit\":2.5,\"clientMessageId\":\"h\"}",
                    "{\"type\":\"history\",\"before\":0,\"clientMessageId\":\"h\"}",
                    "{\"type\":\"history\",\"before\":-3,\"clientMessageId\":\"h\"}",
                    "{\"type\":\"history\",\"before\":99999999999,\"clientMessageId\":\"h\"}")) {
                client.send(bad);
                JsonNode error = client.next("error");
                assertThat(error.path("code").asText()).as(bad).isEqualTo("bad_request");
                assertThat(error.path("replyTo").asText()).as(bad).isEqualTo("h");
            }
            JsonNode largest = history(client, null, 200);
            assertThat(turns(largest)).containsExactly(1, 2, 3);
            assertThat(turns(history(client, 2, 200))).containsExactly(1);
            assertThat(history(client, 1, 5).path("entries")).isEmpty();
        }
    }

    @Test
    void should_show_nothing_without_a_token_nor_with_another_interviews_token() {
        URI uri = serve(b -> b);
        Started mine;
        Started theirs;
        try (WsClient client = WsClient.connect(uri)) {
            mine = interview(client, "mine", 1);
        }
        try (WsClient client = WsClient.connect(uri)) {
            theirs = interview(client, "theirs", 2);
        }
        try (WsClient client = WsClient.connect(uri)) {
            client.send(frame("history").put("clientMessageId", "h-0"));
            JsonNode before = client.next("error");
            assertThat(before.path("code").asText()).isEqualTo("unauthorized");
            assertThat(before.path("replyTo").asText()).isEqualTo("h-0");

            // attached to one interview, then a resume of another with the first one's token: refused, detached
            resume(client, mine);
            client.send(frame("resume").put("interviewId", theirs.id()).put("token", mine.token()));
            assertThat(client.next("error").path("code").asText()).isEqualTo("unauthorized");
            client.send(frame("history").put("clientMessageId", "h-1"));
            JsonNode refused = client.next("error");
            assertThat(refused.path("code").asText()).isEqualTo("unauthorized");
            assertThat(refused.path("replyTo").asText()).isEqualTo("h-1");
            client.send(frame("speak").put("turn", 1).put("clientMessageId", "s-1"));
            assertThat(client.next("error").path("code").asText()).isEqualTo("unauthorized");
        }
        try (WsClient client = WsClient.connect(uri)) {
            // with its own token, each sees its own conversation only
            resume(client, theirs);
            JsonNode page = history(client, null, null);
            assertThat(page.path("interviewId").asText()).isEqualTo(theirs.id());
            assertThat(turns(page)).containsExactly(1, 2, 3, 4, 5);
            assertThat(page.path("entries").get(1).path("clientMessageId").asText()).isEqualTo("theirs-1");
        }
    }

    @Test
    void should_keep_each_history_frame_within_the_frame_limit_and_lose_no_turn() {
        URI uri = serve(b -> b);
        try (WsClient client = WsClient.connect(uri)) {
            client.send(frame("start").put("clientMessageId", "l-start").put("language", "en"));
            client.next("session");
            client.next("question");
            for (int n = 1; n <= 6; n++) {   // answers of about 12,000 characters: ~75,000 in all, over 64 KiB
                String longAnswer = (Answers.rich("en", n) + " ").repeat(30);
                client.send(frame("answer").put("clientMessageId", "l-" + n).put("text", longAnswer));
                client.next("question");
            }
            List<Integer> seen = new ArrayList<>();
            Integer before = null;
            int frames = 0;
            while (true) {
                client.send(before == null ? frame("history").put("limit", 200)
                        : frame("history").put("limit", 200).put("before", before));
                JsonNode page = client.next("history");
                frames++;
                assertThat(page.toString().length()).isLessThanOrEqualTo(64 * 1024);
                List<Integer> numbers = turns(page);
                assertThat(numbers).isNotEmpty();
                seen.addAll(0, numbers);
                if (!page.path("more").asBoolean()) {
                    break;
                }
                before = page.path("next").asInt();
                assertThat(before).isEqualTo(numbers.get(0));
            }
            assertThat(frames).as("the whole log does not fit one frame").isGreaterThan(1);
            assertThat(seen).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        }
    }

    // ------------------------------------------------------------------------------------------ speak

    @Test
    void should_send_the_audio_of_a_question_from_the_servers_text_to_speech_and_not_synthesise_it_twice() {
        byte[] ogg = AudioFixtures.resource("speech-en.opus.ogg");
        URI uri = serve(b -> b.speaker(openAiSpeaker(ogg)));
        assertThat(interviews.spokenQuestions()).isTrue();
        try (WsClient client = WsClient.connect(uri)) {
            client.send(frame("start").put("clientMessageId", "s-start").put("language", "en"));
            JsonNode session = client.next("session");
            assertThat(session.path("capabilities").path("spokenQuestions").asBoolean()).isTrue();
            JsonNode question = client.next("question");

            client.send(frame("speak").put("turn", 1).put("clientMessageId", "sp-1"));
            JsonNode speech = client.next("speech");
            assertThat(speech.path("interviewId").asText()).isEqualTo(session.path("interviewId").asText());
            assertThat(speech.path("turn").asInt()).isEqualTo(1);
            assertThat(speech.path("replyTo").asText()).isEqualTo("sp-1");
            assertThat(speech.path("format").asText()).isEqualTo("ogg");
            assertThat(speech.path("mimeType").asText()).isEqualTo("audio/ogg");
            assertThat(speech.path("size").asInt()).isEqualTo(ogg.length);
            assertThat(Base64.getDecoder().decode(speech.path("audio").asText())).isEqualTo(ogg);
            // the stand-in was asked to speak exactly the question's text, as Ogg/Opus
            assertThat(openAi.requests()).hasSize(1);
            JsonNode body = readJson(openAi.requests().get(0).body());
            assertThat(body.path("input").asText()).isEqualTo(question.path("text").asText());
            assertThat(body.path("response_format").asText()).isEqualTo("opus");

            // asked again (a reload, a second tab): the same audio, no second synthesis
            client.send(frame("speak").put("turn", 1));
            assertThat(Base64.getDecoder().decode(client.next("speech").path("audio").asText())).isEqualTo(ogg);
            assertThat(openAi.requests()).hasSize(1);

            // only the interviewer's messages of this interview are spoken
            client.send(frame("answer").put("clientMessageId", "s-1").put("text", Answers.rich("en", 1)));
            int next = client.next("question").path("turn").asInt();
            for (int turn : List.of(2, 99)) {
                client.send(frame("speak").put("turn", turn).put("clientMessageId", "bad-" + turn));
                JsonNode error = client.next("error");
                assertThat(error.path("code").asText()).isEqualTo("bad_request");
                assertThat(error.path("replyTo").asText()).isEqualTo("bad-" + turn);
            }
            client.send(frame("speak").put("turn", next));
            assertThat(client.next("speech").path("turn").asInt()).isEqualTo(next);
        }
    }

    @Test
    void should_tell_the_client_when_speech_fails_and_go_on_with_the_interview() {
        URI uri = serve(b -> b.speaker(openAiSpeaker(AudioFixtures.resource("speech-en.opus.ogg"))));
        openAi.failNext("speech", 500, 1);
        try (WsClient client = WsClient.connect(uri)) {
            client.send(frame("start").put("clientMessageId", "f-start").put("language", "en"));
            client.next("session");
            client.next("question");
            client.send(frame("speak").put("turn", 1).put("clientMessageId", "f-sp"));
            JsonNode failed = client.next("speech");
            assertThat(failed.path("turn").asInt()).isEqualTo(1);
            assertThat(failed.path("audio").isNull()).isTrue();
            assertThat(failed.path("reason").asText()).isEqualTo("unavailable");
            assertThat(failed.path("replyTo").asText()).isEqualTo("f-sp");

            client.send(frame("answer").put("clientMessageId", "f-1").put("text", Answers.rich("en", 1)));
            assertThat(client.next("question").path("replyTo").asText()).isEqualTo("f-1");
            // the provider is back: the next request is spoken (nothing failed was cached)
            client.send(frame("speak").put("turn", 1));
            assertThat(client.next("speech").path("audio").isTextual()).isTrue();
        }
    }

    @Test
    void should_refuse_speak_when_no_text_to_speech_is_configured() {
        URI uri = serve(b -> b);
        assertThat(interviews.spokenQuestions()).isFalse();
        try (WsClient client = WsClient.connect(uri)) {
            client.send(frame("start").put("clientMessageId", "n-start").put("language", "en"));
            assertThat(client.next("session").path("capabilities").path("spokenQuestions").asBoolean()).isFalse();
            client.next("question");
            client.send(frame("speak").put("turn", 1).put("clientMessageId", "n-sp"));
            JsonNode error = client.next("error");
            assertThat(error.path("code").asText()).isEqualTo("bad_request");
            assertThat(error.path("replyTo").asText()).isEqualTo("n-sp");
            assertThat(error.path("message").asText()).contains("speak");
        }
    }

    private static List<Integer> turns(JsonNode page) {
        List<Integer> numbers = new ArrayList<>();
        page.path("entries").forEach(entry -> numbers.add(entry.path("turn").asInt()));
        return numbers;
    }

    private static JsonNode readJson(byte[] body) {
        try {
            return WsClient.JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
