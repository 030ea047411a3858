package dev.interviewagent.samples.console;

import static dev.interviewagent.core.spi.testkit.TestInterviews.answer;
import static dev.interviewagent.core.spi.testkit.TestInterviews.newId;
import static dev.interviewagent.core.spi.testkit.TestInterviews.next;
import static dev.interviewagent.core.spi.testkit.TestInterviews.question;
import static dev.interviewagent.core.spi.testkit.TestInterviews.started;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.core.spi.testkit.InterviewStoreContract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileInterviewStoreTest extends InterviewStoreContract {

    @TempDir
    Path dir;

    @Override
    protected InterviewStore newStore() {
        return new FileInterviewStore(dir);
    }

    @Test
    void should_keep_interviews_when_the_store_is_reopened() {
        // given
        InterviewId id = newId();
        Interview v1 = started(id, "console", T0);
        store.create(v1, List.of(question(1, T0)));
        Turn a2 = answer(2, "line-1", "We start with the pumps.", T0);
        Interview v2 = next(v1, List.of(a2), T0);
        store.commit(1, v2, List.of(a2));

        // when
        InterviewStore reopened = new FileInterviewStore(dir);

        // then
        assertThat(reopened.load(id)).contains(v2);
        assertThat(reopened.turns(id)).containsExactly(question(1, T0), a2);
        assertThat(reopened.findByMessageId(id, MessageId.of("line-1"))).contains(a2);
        assertThat(reopened.findActiveByChannelKey("console")).contains(id);
    }

    @Test
    void should_ignore_and_cut_the_tail_of_a_commit_that_crashed_before_its_state() throws Exception {
        // given a log with half a turn appended after the last committed state
        InterviewId id = newId();
        Interview v1 = started(id, null, T0);
        store.create(v1, List.of(question(1, T0)));
        Files.writeString(dir.resolve(id.value()).resolve("turns.jsonl"), "{\"number\":2,\"role\":\"resp",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        // then the torn tail is not part of the interview
        assertThat(store.turns(id)).containsExactly(question(1, T0));

        // when the next commit goes through
        Turn a2 = answer(2, "line-1", "After the crash.", T0);
        store.commit(1, next(v1, List.of(a2), T0), List.of(a2));

        // then the log is whole again
        assertThat(new FileInterviewStore(dir).turns(id)).containsExactly(question(1, T0), a2);
    }

    @Test
    void should_write_one_directory_per_interview_with_state_and_turn_log() {
        InterviewId id = newId();
        store.create(started(id, null, T0), List.of(question(1, T0)));

        assertThat(dir.resolve(id.value()).resolve("state.json")).isRegularFile();
        assertThat(dir.resolve(id.value()).resolve("turns.jsonl")).isRegularFile();
        assertThat(dir.resolve(id.value())).isDirectoryNotContaining("glob:**.tmp");
    }
}
