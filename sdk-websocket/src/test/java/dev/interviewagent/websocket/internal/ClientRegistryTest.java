package dev.interviewagent.websocket.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.spi.testkit.MutableClock;
import dev.interviewagent.websocket.WebSocketSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientRegistryTest {

    private final MutableClock clock = MutableClock.at("2025-03-01T10:00:00Z");
    private final ClientRegistry registry = new ClientRegistry(WebSocketSettings.builder().maxConnectionsPerAddress(2)
            .addressRate(1, 2).startsPerMinutePerAddress(1).startsPerMinute(2).build(), clock);

    @Test
    void should_cap_the_connections_of_one_address_and_count_closed_ones_no_more() {
        ClientRegistry.Client first = registry.open("192.0.2.1");
        ClientRegistry.Client second = registry.open("192.0.2.1");
        assertThat(second).isSameAs(first);
        assertThat(registry.open("192.0.2.1")).isNull();
        assertThat(registry.open("192.0.2.2")).isNotNull();
        registry.close(first);
        assertThat(registry.open("192.0.2.1")).isSameAs(first);
    }

    @Test
    void should_remember_an_address_after_its_last_connection_until_its_buckets_are_full_again() {
        ClientRegistry.Client client = registry.open("192.0.2.1");
        assertThat(registry.tryStart(client)).isTrue();
        registry.close(client);
        ClientRegistry.Client again = registry.open("192.0.2.1");
        assertThat(again).as("reconnecting is the same client").isSameAs(client);
        assertThat(registry.tryStart(again)).as("its start bucket is still empty").isFalse();
        registry.close(again);

        clock.advance(Duration.ofMinutes(2));   // both buckets full again: nothing is lost by forgetting it
        registry.open("192.0.2.9");             // any later open sweeps
        assertThat(registry.size()).isEqualTo(1);
        assertThat(registry.tryStart(registry.open("192.0.2.1"))).isTrue();
    }

    @Test
    void should_limit_starts_of_all_clients_together() {
        assertThat(registry.tryStart(registry.open("192.0.2.1"))).isTrue();
        assertThat(registry.tryStart(registry.open("192.0.2.2"))).isTrue();
        assertThat(registry.tryStart(registry.open("192.0.2.3"))).as("a minute's worth for all is spent").isFalse();
    }

    @Test
    void should_limit_a_connection_of_unknown_address_on_its_own() {
        ClientRegistry.Client one = registry.open(null);
        ClientRegistry.Client other = registry.open(null);
        assertThat(one).isNotSameAs(other);
        assertThat(registry.open(null)).as("no per-address cap without an address").isNotNull();
        assertThat(registry.size()).isZero();
    }
}
