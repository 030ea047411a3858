package dev.interviewagent.websocket;

/** {@link ConnectionContract} on Tomcat. */
class TomcatConnectionTest extends ConnectionContract {

    @Override
    protected Container.Kind kind() {
        return Container.Kind.TOMCAT;
    }
}
