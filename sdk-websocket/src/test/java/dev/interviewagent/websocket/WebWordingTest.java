package dev.interviewagent.websocket;

import static dev.interviewagent.websocket.WsClient.frame;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.channel.ChannelControl;
import dev.interviewagent.core.channel.ChannelControls;
import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Over the wire, with the offline methodology brain: the greeting on the web names the page's “End interview”
 * and “Repeat question” buttons, in English and Russian, and never a Telegram or console command; a host's own
 * page gets its own words.
 */
class WebWordingTest {

    /** A slash command as a respondent would type it. */
    private static final Pattern COMMAND = Pattern.compile("(?<![\\p{L}\\p{N}/:._-])/[a-zA-Z]");

    private final InterviewEngine engine = InterviewEngine.builder().build();
    private WebSocketInterviews interviews;
    private Container container;

    @AfterEach
    void stop() {
        if (container != null) {
            container.close();
        }
        if (interviews != null) {
            interviews.close();
        }
        engine.close();
    }

    private URI serve(WebSocketInterviews.Builder builder) {
        interviews = builder.build();
        container = Container.Kind.JETTY.start(interviews);
        return container.uri(interviews.path());
    }

    private static JsonNode start(WsClient client, String language, String messageId) {
        client.send(frame("start").put("clientMessageId", messageId).put("language", language));
        JsonNode session = client.next("session");
        assertThat(session.path("language").asText()).isEqualTo(language);
        return session;
    }

    @Test
    void should_name_the_pages_end_interview_button_and_no_command_in_both_languages() {
        URI uri = serve(WebSocketInterviews.builder(engine));
        try (WsClient client = WsClient.connect(uri)) {
            start(client, "en", "en-start");
            String english = client.next("question").path("text").asText();
            start(client, "ru", "ru-start");
            String russian = client.next("question").path("text").asText();

            assertThat(english).contains("the “End interview” button").doesNotContain("/complete", "/repeat")
                    .contains("The “Repeat question” button shows the question again");
            assertThat(russian).contains("«Завершить интервью»", "кнопк").doesNotContain("/complete", "/repeat")
                    .contains("Кнопка «Повторить вопрос» покажет вопрос ещё раз");
            assertThat(COMMAND.matcher(english + russian).find()).as(english + "\n" + russian).isFalse();
        }
    }

    @Test
    void should_keep_the_pages_wording_when_a_reconnecting_page_resumes_the_greeting() {
        URI uri = serve(WebSocketInterviews.builder(engine));
        String interviewId;
        String token;
        String greeting;
        try (WsClient first = WsClient.connect(uri)) {
            JsonNode session = start(first, "ru", "resume-start");
            interviewId = session.path("interviewId").asText();
            token = session.path("token").asText();
            greeting = first.next("question").path("text").asText();
        }
        try (WsClient second = WsClient.connect(uri)) {
            second.send(frame("resume").put("interviewId", interviewId).put("token", token));
            second.next("session");
            String again = second.next("question").path("text").asText();

            assertThat(again).isEqualTo(greeting).contains("«Завершить интервью»").doesNotContain("/complete");
        }
    }

    @Test
    void should_word_the_greeting_by_the_hosts_own_controls_when_it_sets_them() {
        ChannelControls hostPage = ChannelControls.NEUTRAL.withFinishEarly(ChannelControl.button(
                Map.of(Language.ENGLISH, "Stop here", Language.RUSSIAN, "Закончить")));
        URI uri = serve(WebSocketInterviews.builder(engine).controls(hostPage));
        try (WsClient client = WsClient.connect(uri)) {
            start(client, "en", "host-start");
            String custom = client.next("question").path("text").asText();

            assertThat(custom).contains("the “Stop here” button")
                    .doesNotContain("End interview", "/complete", "Repeat question", "/repeat", "question again");
        }
    }

    @Test
    void should_name_nothing_when_the_host_says_its_page_has_no_controls() {
        URI uri = serve(WebSocketInterviews.builder(engine).controls(ChannelControls.NEUTRAL));
        try (WsClient client = WsClient.connect(uri)) {
            start(client, "en", "neutral-start");
            String neutral = client.next("question").path("text").asText();

            assertThat(neutral).contains("finish early").doesNotContain("button", "/complete", "question again");
        }
    }
}
