package dev.interviewagent.websocket;

/** {@link ProtocolContract} on Tomcat. */
class TomcatProtocolTest extends ProtocolContract {

    @Override
    protected Container.Kind kind() {
        return Container.Kind.TOMCAT;
    }
}
