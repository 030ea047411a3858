package dev.interviewagent.core.internal.brain.llm;

/** Opens the package's fake model server to tests in other packages (the brain contract test). */
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
}
