package dev.interviewagent.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Slash commands as respondents type them, in any channel. */
class ChannelCommandTest {

    @Test
    void should_parse_repeat_like_the_other_commands() {
        assertThat(ChannelCommand.parse("/repeat")).contains(ChannelCommand.REPEAT);
        assertThat(ChannelCommand.parse("  /Repeat  ")).contains(ChannelCommand.REPEAT);
        assertThat(ChannelCommand.parse("/repeat@InterviewBot")).contains(ChannelCommand.REPEAT);
        assertThat(ChannelCommand.parse("/complete")).contains(ChannelCommand.COMPLETE);
        assertThat(ChannelCommand.REPEAT.code()).isEqualTo("repeat");
    }

    @Test
    void should_not_take_a_word_or_an_unknown_command_for_repeat() {
        assertThat(ChannelCommand.parse("repeat")).isEmpty();
        assertThat(ChannelCommand.parse("/repeats")).isEmpty();
        assertThat(ChannelCommand.parse("please /repeat")).isEmpty();
        assertThat(ChannelCommand.parse(null)).isEmpty();
    }
}
