package dev.interviewagent.websocket.internal;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates each {@link InterviewEndpoint} with the hub (nothing is looked up statically) and refuses handshakes from
 * pages of other origins with 403 before the upgrade, in the one hook the Jakarta API gives every container. When a
 * client address header is configured, copies it from the handshake into the connection's user properties, where
 * the endpoint reads the address from. Thread-safe: containers share one configurator across handshakes.
 */
public final class InterviewConfigurator extends ServerEndpointConfig.Configurator {

    private static final Logger log = LoggerFactory.getLogger(InterviewConfigurator.class);

    private final InterviewHub hub;
    private final OriginCheck origins;

    public InterviewConfigurator(InterviewHub hub) {
        this.hub = Objects.requireNonNull(hub, "hub");
        this.origins = new OriginCheck(hub.settings().allowedOrigins());
    }

    @Override
    public boolean checkOrigin(@Nullable String originHeaderValue) {
        boolean allowed = origins.allows(originHeaderValue);
        if (!allowed) {
            log.debug("handshake refused: origin not allowed");
        }
        return allowed;
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
        super.modifyHandshake(sec, request, response);
        hub.settings().clientAddressHeader().ifPresent(header -> {
            String value = ClientAddresses.header(request.getHeaders(), header);
            // containers hand each handshake its own copy of the configuration, so this is per connection
            if (value != null) {
                sec.getUserProperties().put(ClientAddresses.FORWARDED, value);
            } else {
                sec.getUserProperties().remove(ClientAddresses.FORWARDED);
            }
        });
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        if (!endpointClass.isAssignableFrom(InterviewEndpoint.class)) {
            throw new InstantiationException("this configurator creates interview endpoints only, not "
                    + endpointClass.getName());
        }
        return endpointClass.cast(new InterviewEndpoint(hub));
    }
}
