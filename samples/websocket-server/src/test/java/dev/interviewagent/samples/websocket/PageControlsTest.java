package dev.interviewagent.samples.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.channel.ChannelControl;
import dev.interviewagent.websocket.WebSocketInterviews;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The greeting names the page's “End interview” button by the label sdk-websocket announces
 * ({@link WebSocketInterviews#PAGE_CONTROLS}); this fails when the page's label and that one drift apart.
 */
class PageControlsTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = PageControlsTest.class.getResourceAsStream("/web/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void should_label_the_end_button_as_the_greeting_names_it_in_every_language() throws IOException {
        String page = resource("index.html");
        String script = resource("app.js");
        ChannelControl finish = WebSocketInterviews.PAGE_CONTROLS.finishEarly();

        assertThat(finish.kind()).isEqualTo(ChannelControl.Kind.BUTTON);
        // the button that sends "complete" shows the i18n text "end"
        assertThat(page).contains("id=\"end-button\"", "data-i18n=\"end\"");
        assertThat(script).contains("{type: 'complete'");
        for (Language language : Language.builtIn()) {
            assertThat(script).as(language.code()).contains("end: '" + finish.label(language) + "'");
        }
    }
    @Test
    void should_label_the_repeat_button_as_the_greeting_names_it_in_every_language() throws IOException {
        String page = resource("index.html");
        String script = resource("app.js");
        ChannelControl repeat = WebSocketInterviews.PAGE_CONTROLS.repeat();

        assertThat(repeat.kind()).isEqualTo(ChannelControl.Kind.BUTTON);
        // the button that shows the question again shows the i18n text "repeat"
        assertThat(page).contains("id=\"repeat-button\"", "data-i18n=\"repeat\"");
        for (Language language : Language.builtIn()) {
            assertThat(script).as(language.code()).contains("repeat: '" + repeat.label(language) + "'");
        }
        // the page has no command box: no control of the page is a command
        assertThat(WebSocketInterviews.PAGE_CONTROLS.commands(Language.ENGLISH)).isEmpty();
    }
}
