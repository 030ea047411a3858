/** The WebSocket channel (Jakarta WebSocket): the browser protocol of docs/protocol.md. */
module dev.interviewagent.websocket {
    requires transitive dev.interviewagent.core;
    requires transitive jakarta.websocket;
    requires org.slf4j;
    requires static transitive org.jspecify;

    exports dev.interviewagent.websocket;

    opens dev.interviewagent.websocket to com.fasterxml.jackson.databind;
    opens dev.interviewagent.websocket.internal to com.fasterxml.jackson.databind;
}
