package dev.interviewagent.websocket;

/** {@link ResumeExtensionsContract} on Tomcat. */
class TomcatResumeExtensionsTest extends ResumeExtensionsContract {

    @Override
    protected Container.Kind kind() {
        return Container.Kind.TOMCAT;
    }
}
