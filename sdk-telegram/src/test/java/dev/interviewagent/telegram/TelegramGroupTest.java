package dev.interviewagent.telegram;

import static dev.interviewagent.telegram.fake.FakeBotApi.groupCallback;
import static dev.interviewagent.telegram.fake.FakeBotApi.groupText;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Turn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Group chats: every member has an interview of their own, and the bot writes into the group. */
class TelegramGroupTest {

    private static final long GROUP = -100700;
    private static final long ALICE = 11;
    private static final long BOB = 12;

    private TestBed bed;

    @BeforeEach
    void start() {
        bed = new TestBed(InterviewEngine.builder().brain(TestBrains.echo()).build(), b -> b.privateChatsOnly(false))
                .polling();
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    private InterviewId startInterview(long user) {
        bed.send(groupText(GROUP, user, "/start"));
        bed.send(groupCallback(GROUP, user, 1, "lang:en"));
        bed.send(groupCallback(GROUP, user, 2, "style:master"));
        bed.send(groupCallback(GROUP, user, 3, "profile:skip"));
        return bed.engine.findActive("telegram:" + GROUP + ":" + user).orElseThrow();
    }

    @Test
    void should_keep_each_member_in_their_own_interview_when_two_members_answer_in_one_group() {
        InterviewId alice = startInterview(ALICE);
        InterviewId bob = startInterview(BOB);

        bed.send(groupText(GROUP, ALICE, "Alice runs the night shift"));
        bed.send(groupText(GROUP, BOB, "Bob plans the maintenance"));
        bed.send(groupText(GROUP, ALICE, "Alice checks the pumps first"));

        assertThat(alice).isNotEqualTo(bob);
        assertThat(bed.engine.transcript(alice)).filteredOn(Turn::isRespondent).extracting(Turn::text)
                .containsExactly("Alice runs the night shift", "Alice checks the pumps first");
        assertThat(bed.engine.transcript(bob)).filteredOn(Turn::isRespondent).extracting(Turn::text)
                .containsExactly("Bob plans the maintenance");
        assertThat(bed.engine.findActive("telegram:" + GROUP)).as("no interview for the group as a whole").isEmpty();
        // the bot answers in the group itself
        assertThat(bed.api.messages(String.valueOf(GROUP)))
                .anyMatch(m -> m.startsWith("Got Alice runs the night shift,"))
                .anyMatch(m -> m.startsWith("Got Bob plans the maintenance,"))
                .anyMatch(m -> m.startsWith("Got Alice checks the pumps first,"));
    }

    @Test
    void should_not_let_a_member_end_another_members_interview_when_pressing_their_button() {
        InterviewId alice = startInterview(ALICE);
        bed.send(groupText(GROUP, ALICE, "/complete"));

        bed.send(groupCallback(GROUP, BOB, 4, "complete:yes"));

        assertThat(bed.engine.status(alice).isActive()).isTrue();
        assertThat(bed.last(GROUP)).isEqualTo("There is no interview yet. Send /start to begin.");
    }
}
