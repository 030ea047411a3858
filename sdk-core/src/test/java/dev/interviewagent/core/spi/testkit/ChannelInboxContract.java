package dev.interviewagent.core.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.channel.ChannelInbox;
import dev.interviewagent.core.channel.ChannelInbox.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ChannelInbox} must meet: an added entry is pending until done, in the order added, a
 * repeated id is refused while pending and after done, scopes are independent, payloads come back verbatim, and
 * concurrent adds of one id store it once.
 *
 * <p>Extend it and return the inbox under test from {@link #inbox()} (one instance per test is fine; the kit uses
 * a fresh scope per test). Durable implementations also override {@link #reopened(ChannelInbox)} to return an
 * inbox on the same storage, as after a restart. Ships in the sdk-core test-jar.
 */
public abstract class ChannelInboxContract {

    /** The inbox under test. */
    protected abstract ChannelInbox inbox();

    /**
     * The same storage opened again, as a restarted process would. In-memory inboxes return {@code inbox} itself
     * (they survive nothing but the kit then still checks the rest).
     */
    protected ChannelInbox reopened(ChannelInbox inbox) {
        return inbox;
    }

    private final String scope = "contract:" + UUID.randomUUID();

    private Entry entry(String id) {
        return new Entry(scope, id, "{\"update_id\":" + id.hashCode() + ",\"text\":\"ünïcode ✓ \\\"quoted\\\" "
                + id + "\"}");
    }

    @Test
    void should_keep_an_added_entry_pending_in_order_until_done() {
        ChannelInbox inbox = inbox();
        assertThat(inbox.add(entry("3"))).isTrue();
        assertThat(inbox.add(entry("1"))).isTrue();
        assertThat(inbox.add(entry("2"))).isTrue();

        assertThat(inbox.pending(scope)).extracting(Entry::id).containsExactly("3", "1", "2");
        assertThat(inbox.pending(scope).get(0)).isEqualTo(entry("3"));

        inbox.done(scope, "1");
        assertThat(inbox.pending(scope)).extracting(Entry::id).containsExactly("3", "2");
    }

    @Test
    void should_refuse_a_repeated_id_while_pending_and_after_done() {
        ChannelInbox inbox = inbox();
        assertThat(inbox.add(entry("10"))).isTrue();
        assertThat(inbox.add(entry("10"))).as("repeat while pending").isFalse();
        inbox.done(scope, "10");
        assertThat(inbox.add(entry("10"))).as("repeat after done").isFalse();
        assertThat(inbox.pending(scope)).isEmpty();
        inbox.done(scope, "10");
        inbox.done(scope, "never-added");
    }

    @Test
    void should_keep_scopes_apart() {
        ChannelInbox inbox = inbox();
        String other = scope + ":other";
        assertThat(inbox.add(entry("5"))).isTrue();
        assertThat(inbox.add(new Entry(other, "5", "{}"))).isTrue();
        inbox.done(other, "5");

        assertThat(inbox.pending(scope)).extracting(Entry::id).containsExactly("5");
        assertThat(inbox.pending(other)).isEmpty();
    }

    @Test
    void should_keep_pending_entries_and_known_ids_when_reopened() {
        ChannelInbox inbox = inbox();
        inbox.add(entry("20"));
        inbox.add(entry("21"));
        inbox.done(scope, "20");

        ChannelInbox again = reopened(inbox);
        assertThat(again.pending(scope)).containsExactly(entry("21"));
        assertThat(again.add(entry("20"))).isFalse();
        assertThat(again.add(entry("21"))).isFalse();
    }

    @Test
    void should_store_an_id_once_when_added_concurrently() throws Exception {
        ChannelInbox inbox = inbox();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                results.add(pool.submit(() -> inbox.add(entry("30"))));
            }
            int stored = 0;
            for (Future<Boolean> result : results) {
                stored += result.get() ? 1 : 0;
            }
            assertThat(stored).isEqualTo(1);
            assertThat(inbox.pending(scope)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void should_reject_entries_that_break_the_limits() {
        assertThatThrownBy(() -> new Entry("", "1", "{}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scope");
        assertThatThrownBy(() -> new Entry(scope, "x".repeat(ChannelInbox.MAX_ID_LENGTH + 1), "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
        assertThatThrownBy(() -> new Entry(scope, "1", "x".repeat(ChannelInbox.MAX_PAYLOAD_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payload");
        assertThat(new Entry(scope, "1", "secret answer text").toString()).doesNotContain("secret answer");
    }
}
