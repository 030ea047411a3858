package dev.interviewagent.websocket.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where a connection comes from, as the key its per-address limits are kept under. The Jakarta API has no portable
 * way to ask: Jetty (and other containers) put the peer's socket address into the endpoint configuration's user
 * property {@value #REMOTE_ADDRESS}; Tomcat does not, so there, as behind any reverse proxy, the address comes from a
 * header the trusted proxy sets ({@code WebSocketSettings.clientAddressHeader}). Only IP literals are accepted (no
 * name is ever resolved); IPv6 addresses are keyed by their /64 network, the block one subscriber usually holds.
 */
final class ClientAddresses {

    /** The user property Jetty sets to the peer's {@link InetSocketAddress}. */
    static final String REMOTE_ADDRESS = "jakarta.websocket.endpoint.remoteAddress";
    /** Our user property: the client address header's value, copied during the handshake. */
    static final String FORWARDED = "dev.interviewagent.websocket.clientAddressHeader";

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private ClientAddresses() {
    }

    /**
     * The key of a connection: from the proxy's header when one was configured and sent, else from the socket
     * address the container reported; null when neither tells (per-address limits then do not apply).
     */
    static @Nullable String of(Map<String, Object> userProperties) {
        if (userProperties.get(FORWARDED) instanceof String header) {
            InetAddress address = lastLiteral(header);
            if (address != null) {
                return key(address);
            }
        }
        if (userProperties.get(REMOTE_ADDRESS) instanceof InetSocketAddress socket && socket.getAddress() != null) {
            return key(socket.getAddress());
        }
        return null;
    }

    /** The value of {@code header} among the handshake's headers (names compared without case), or null. */
    static @Nullable String header(Map<String, List<String>> headers, String header) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(header) && !entry.getValue().isEmpty()) {
                // several header lines count as one comma-separated list; the proxy's own entry is the last
                return String.join(",", entry.getValue());
            }
        }
        return null;
    }

    /** The last entry of a comma-separated list (X-Forwarded-For: the address the nearest proxy saw). */
    static @Nullable InetAddress lastLiteral(String list) {
        String[] entries = list.split(",");
        for (int i = entries.length - 1; i >= 0; i--) {
            String entry = entries[i].strip();
            if (!entry.isEmpty()) {
                return literal(entry);
            }
        }
        return null;
    }

    /** An IP literal, with or without brackets and a port; null for anything else (never a DNS lookup). */
    static @Nullable InetAddress literal(String text) {
        String host = text;
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            if (end < 0) {
                return null;
            }
            host = host.substring(1, end);
        } else if (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) {
            host = host.substring(0, host.indexOf(':'));   // a.b.c.d:port
        }
        int zone = host.indexOf('%');
        if (zone >= 0) {
            host = host.substring(0, zone);
        }
        var v4 = IPV4.matcher(host);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    return null;
                }
            }
        } else if (!(host.indexOf(':') >= 0 && IPV6.matcher(host).matches())) {
            return null;
        }
        try {
            return InetAddress.getByName(host);   // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** IPv4 as is; IPv6 by its /64 network. */
    static String key(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                key.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return key.append(":/64").toString();
        }
        return address.getHostAddress();
    }
}
