package dev.interviewagent.websocket;

/** {@link ResumeExtensionsContract} on Jetty. */
class JettyResumeExtensionsTest extends ResumeExtensionsContract {

    @Override
    protected Container.Kind kind() {
        return Container.Kind.JETTY;
    }
}
