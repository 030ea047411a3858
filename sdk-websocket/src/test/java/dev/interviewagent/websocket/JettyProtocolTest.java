package dev.interviewagent.websocket;

/** {@link ProtocolContract} on Jetty. */
class JettyProtocolTest extends ProtocolContract {

    @Override
    protected Container.Kind kind() {
        return Container.Kind.JETTY;
    }
}
