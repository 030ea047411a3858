package dev.interviewagent.telegram;

import static dev.interviewagent.telegram.fake.FakeBotApi.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.core.InterviewEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Updates telegrambots cannot map (found by the fuzzing drill): long polling reads them one by one, skips what it
 * cannot read and goes on, so one malformed update never holds back the updates after it.
 */
class TelegramHostileUpdatesTest {

    private TestBed bed;

    @AfterEach
    void stop() {
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    void should_skip_an_unreadable_update_and_handle_the_ones_after_it() {
        bed = new TestBed(InterviewEngine.builder().build()).polling();
        ObjectNode wrongType = text(5001, "en", "hello");
        ((ObjectNode) wrongType.get("message")).put("message_id", "not-a-number");
        ObjectNode notAnObject = text(5001, "en", "hello");
        notAnObject.put("message", "a string where a message belongs");
        ObjectNode badEntities = text(5001, "en", "/help");
        ((ObjectNode) badEntities.get("message")).put("entities", 42);
        int first = bed.api.push(wrongType);
        bed.api.push(notAnObject);
        bed.api.push(badEntities);

        bed.send(text(5002, "en", "/help"));

        assertThat(bed.last(5002)).contains("/status");
        assertThat(bed.api.confirmedOffset()).as("the skipped updates were confirmed too").isGreaterThan(first + 3);
        assertThat(bed.api.messages("5001")).as("nothing was made up for the unreadable updates").isEmpty();
    }

    @Test
    void should_read_a_batch_of_good_updates_as_before() {
        bed = new TestBed(InterviewEngine.builder().build()).polling();

        bed.send(text(5003, "en", "/help"));
        bed.send(text(5004, "en", "/help"));

        assertThat(bed.last(5003)).contains("/status");
        assertThat(bed.last(5004)).contains("/status");
    }
}
