package dev.interviewagent.llm.internal;

import java.util.List;

/**
 * Opens the package's fake model server to tests in other packages and modules (the brain contract test, the host
 * project integration test).
 */
public final class LlmTestServers {

    public static final String KEY = FakeLlmServer.KEY;
    public static final String MODEL = FakeLlmServer.MODEL;

    private LlmTestServers() {
    }

    /** A server following OpenAI's chat-completions contract that answers like a well-behaved model. */
    public static AutoCloseable openAi() {
        return new FakeLlmServer(FakeLlmServer.Dialect.OPENAI);
    }

    public static String baseUrl(AutoCloseable server) {
        return ((FakeLlmServer) server).baseUrl();
    }

    /** How many requests the server has received. */
    public static int requestCount(AutoCloseable server) {
        return ((FakeLlmServer) server).requests().size();
    }

    /** What broke the published contract in the requests received and in the server's answers; empty if nothing. */
    public static List<String> violations(AutoCloseable server) {
        return ((FakeLlmServer) server).violations();
    }
}
