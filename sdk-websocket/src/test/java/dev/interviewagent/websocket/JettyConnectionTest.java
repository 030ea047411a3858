package dev.interviewagent.websocket;

/** {@link ConnectionContract} on Jetty. */
class JettyConnectionTest extends ConnectionContract {

    @Override
    protected Container.Kind kind() {
        return Container.Kind.JETTY;
    }
}
