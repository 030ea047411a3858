package dev.interviewagent.llm;

import dev.interviewagent.core.spi.InterviewerBrain;
import dev.interviewagent.core.spi.testkit.InterviewerBrainContract;
import dev.interviewagent.llm.internal.LlmTestServers;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The LLM brain passes the brain contract kit, against a local OpenAI-contract server playing a good model. */
class LlmBrainContractTest extends InterviewerBrainContract {

    private static AutoCloseable server;
    private static String baseUrl;

    @BeforeAll
    static void startServer() throws Exception {
        var fake = LlmTestServers.openAi();
        server = fake;
        baseUrl = LlmTestServers.baseUrl(fake);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Override
    protected InterviewerBrain newBrain() {
        return LlmBrain.builder().provider(LlmBrain.Provider.OPENAI).apiKey(LlmTestServers.KEY).baseUrl(baseUrl)
                .modelName(LlmTestServers.MODEL).callTimeout(Duration.ofSeconds(10)).build();
    }
}
