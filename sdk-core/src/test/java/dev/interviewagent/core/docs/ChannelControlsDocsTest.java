package dev.interviewagent.core.docs;

import static dev.interviewagent.core.docs.DocRegions.region;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.channel.ChannelCapabilities;
import dev.interviewagent.core.channel.ChannelControl;
import dev.interviewagent.core.channel.ChannelControls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The channel-controls example of docs/core.md: run here, quoted there verbatim. */
class ChannelControlsDocsTest {

    @Test
    void should_word_the_greeting_by_the_controls_of_the_documented_example() {
        try (InterviewEngine engine = InterviewEngine.builder().build()) {
            // tag::controls[]
            // A chat channel whose respondents type commands: the greeting says "send /complete to finish early".
            ChannelCapabilities chat = ChannelCapabilities.plainText(4096)
                    .withControls(ChannelControls.commands());   // /complete, /status, /report, /help, /repeat
            // A page with an "End interview" button: "the “End interview” button finishes the interview early".
            ChannelControls page = ChannelControls.NEUTRAL.withFinishEarly(ChannelControl.button(Map.of(
                    Language.ENGLISH, "End interview", Language.RUSSIAN, "Завершить интервью")));
            // A REST host whose client calls POST /interviews/{id}/complete: respondents see the host's own UI, so
            // the greeting names nothing ("just tell me if you'd like to finish early").
            Reply first = engine.start(StartRequest.builder().language(Language.ENGLISH)
                    .controls(ChannelControls.NEUTRAL.withFinishEarly(
                            ChannelControl.endpoint("POST /interviews/{id}/complete")))
                    .build());
            // end::controls[]

            assertThat(chat.controls().commands(Language.ENGLISH)).contains("/complete", "/repeat");
            assertThat(engine.start(StartRequest.builder().language(Language.ENGLISH).controls(page).build())
                    .message().text()).contains("the “End interview” button");
            assertThat(first.message().text()).contains("finish early").doesNotContain("/", "POST");
            assertThat(first.interview().controls().finishEarly().kind()).isEqualTo(ChannelControl.Kind.ENDPOINT);
        }
    }

    @Test
    void should_quote_the_example_verbatim_in_docs_core_md() throws IOException {
        String source = Files.readString(QuickstartDocs.repositoryRoot()
                .resolve("sdk-core/src/test/java/dev/interviewagent/core/docs/ChannelControlsDocsTest.java"));
        String region = region(source, "controls");

        assertThat(region).isNotBlank();
        assertThat(Files.readString(QuickstartDocs.repositoryRoot().resolve("docs/core.md"))).contains(region);
    }
}
