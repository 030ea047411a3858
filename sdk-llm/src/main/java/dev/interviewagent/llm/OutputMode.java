package dev.interviewagent.llm;

/** How the LLM brain requests the reply contract from the model ({@link LlmBrain.Builder#outputMode}). */
public enum OutputMode {
    /** {@code response_format: json_schema} with the contract's strict schema (OpenAI; the default there). */
    JSON_SCHEMA,
    /** {@code response_format: json_object} for OpenAI-compatible servers without schema support. */
    JSON_OBJECT,
    /** The prompt alone asks for JSON (Anthropic; servers without {@code response_format}). */
    PROMPT_ONLY
}
