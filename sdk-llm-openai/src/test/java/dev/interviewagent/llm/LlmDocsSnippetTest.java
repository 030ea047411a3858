package dev.interviewagent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.InterviewEngine;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Compiles and runs the snippets quoted in docs/llm.md (between the region markers). */
class LlmDocsSnippetTest {

    @Test
    void should_build_an_engine_from_the_environment_as_the_docs_show() {
        Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-example", "OPENAI_MODEL", "gpt-4o-mini");
        // region environment
        InterviewEngine.Builder builder = InterviewEngine.builder();
        LlmBrains.fromEnvironment(env).ifPresent(builder::brain);
        System.out.println(LlmBrains.describe(env));   // LLM brain: openai gpt-4o-mini at https://api.openai.com/v1
        try (InterviewEngine engine = builder.build()) {
            // engine.start(...), engine.answer(...)
        }
        // endregion environment
        assertThat(LlmBrains.describe(env)).isEqualTo("LLM brain: openai gpt-4o-mini at https://api.openai.com/v1");
    }

    @Test
    void should_build_a_configured_brain_as_the_docs_show() {
        // region builder
        LlmBrain brain = LlmBrain.builder()
                .provider(LlmBrain.Provider.OPENAI)
                .apiKey("sk-example")                          // e.g. System.getenv("OPENAI_API_KEY")
                .baseUrl("http://localhost:11434/v1")          // Ollama; omit for api.openai.com
                .modelName("llama3.1")
                .outputMode(OutputMode.JSON_OBJECT)   // the server has no json_schema support
                .temperature(0.3)
                .maxTokens(600)
                .callTimeout(Duration.ofSeconds(15))
                .turnTimeout(Duration.ofSeconds(25))           // below the engine's brainTimeout (30 s)
                .maxRetries(2)
                .contextTokens(8000)
                .streaming(true)
                .build();
        InterviewEngine engine = InterviewEngine.builder().brain(brain).build();
        // endregion builder
        engine.close();
        assertThat(brain.description()).isEqualTo("openai llama3.1 at http://localhost:11434/v1");
    }
}
