package dev.interviewagent.websocket.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    @Test
    void should_take_the_last_entry_of_the_proxy_header_since_the_client_writes_the_ones_before_it() {
        assertThat(ClientAddresses.of(Map.of(ClientAddresses.FORWARDED, "6.6.6.6, 203.0.113.9")))
                .isEqualTo("203.0.113.9");
        assertThat(ClientAddresses.of(Map.of(ClientAddresses.FORWARDED, "203.0.113.9:51234"))).isEqualTo("203.0.113.9");
    }

    @Test
    void should_key_ipv6_clients_by_their_64_bit_network() {
        assertThat(ClientAddresses.of(Map.of(ClientAddresses.FORWARDED, "[2001:db8:7:1::10]:443")))
                .isEqualTo("2001:db8:7:1::/64");
        assertThat(ClientAddresses.of(Map.of(ClientAddresses.FORWARDED, "2001:db8:7:1:ffff::99")))
                .isEqualTo("2001:db8:7:1::/64");
        assertThat(ClientAddresses.of(Map.of(ClientAddresses.FORWARDED, "::ffff:198.51.100.4")))
                .as("an IPv4-mapped address is the IPv4 client").isEqualTo("198.51.100.4");
    }

    @Test
    void should_fall_back_to_the_socket_address_and_never_resolve_a_name() {
        InetSocketAddress socket = new InetSocketAddress("127.0.0.1", 40000);
        for (String notALiteral : List.of("attacker.example", "localhost", "999.1.1.1", "1.2.3", "", "[::1")) {
            assertThat(ClientAddresses.of(Map.of(ClientAddresses.FORWARDED, notALiteral,
                    ClientAddresses.REMOTE_ADDRESS, socket))).as(notALiteral).isEqualTo("127.0.0.1");
        }
        assertThat(ClientAddresses.of(Map.of())).as("nothing tells the address").isNull();
    }

    @Test
    void should_find_the_header_whatever_its_case_and_join_repeated_lines() {
        Map<String, List<String>> headers = Map.of("x-forwarded-for", List.of("6.6.6.6", "203.0.113.9"));
        assertThat(ClientAddresses.header(headers, "X-Forwarded-For")).isEqualTo("6.6.6.6,203.0.113.9");
        assertThat(ClientAddresses.header(headers, "X-Real-IP")).isNull();
    }
}
