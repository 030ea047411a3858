package dev.interviewagent.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.llm.LlmBrain;

/** The provider scenarios against Anthropic's messages contract. */
class AnthropicBrainTest extends ProviderScenarios {

    @Override
    FakeLlmServer.Dialect dialect() {
        return FakeLlmServer.Dialect.ANTHROPIC;
    }

    @Override
    LlmBrain.Provider provider() {
        return LlmBrain.Provider.ANTHROPIC;
    }

    @Override
    void assertProviderShape(FakeLlmServer.Recorded request) {
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.header("x-api-key")).isEqualTo(FakeLlmServer.KEY);
        assertThat(request.header("anthropic-version")).isNotBlank();
        assertThat(request.header("authorization")).isNull();
        assertThat(request.body().path("max_tokens").asInt()).isEqualTo(LlmBrain.DEFAULT_MAX_TOKENS);
        assertThat(FakeLlmServer.roles(request)).containsExactly("user");
        assertThat(FakeLlmServer.systemPrompt(request)).containsIgnoringCase("exactly one question");
        assertThat(request.body().has("response_format")).isFalse();
    }
}
