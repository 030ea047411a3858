package dev.interviewagent.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.channel.ChannelInbox.Entry;
import dev.interviewagent.core.internal.inbox.InMemoryChannelInbox;
import dev.interviewagent.core.spi.testkit.ChannelInboxContract;
import org.junit.jupiter.api.Test;

class InMemoryChannelInboxTest extends ChannelInboxContract {

    private final ChannelInbox inbox = ChannelInbox.inMemory();

    @Override
    protected ChannelInbox inbox() {
        return inbox;
    }

    @Test
    void should_forget_the_oldest_done_ids_when_over_capacity() {
        ChannelInbox small = new InMemoryChannelInbox(2);
        for (String id : new String[] {"1", "2", "3"}) {
            small.add(new Entry("s", id, "{}"));
            small.done("s", id);
        }
        assertThat(small.add(new Entry("s", "1", "{}"))).as("forgotten").isTrue();
        assertThat(small.add(new Entry("s", "3", "{}"))).as("remembered").isFalse();
    }
}
