package dev.interviewagent.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewagent.core.internal.errors.ScrubbedException;
import dev.interviewagent.llm.internal.LlmSettings.OutputMode;
import dev.interviewagent.llm.spi.ChatModelProvider;
import dev.interviewagent.llm.spi.ChatModelProviders;
import dev.interviewagent.llm.spi.ChatModelSettings;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The only class that talks to LangChain4j: has the provider module build the chat model (blocking or streaming) and
 * maps its exceptions to {@link ModelCallException}. LangChain4j's own retries are off; {@link ResilientCaller}
 * retries, because it must honour Retry-After and the turn deadline.
 */
final class LangChainModelClient implements ModelClient {

    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper ERROR_JSON = new ObjectMapper();
    private static final Pattern PROVIDER_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final LlmSettings settings;
    private final RetryAfterProbe probe;
    private final @Nullable ChatModel chatModel;
    private final @Nullable StreamingChatModel streamingModel;
    private final @Nullable ResponseFormat responseFormat;

    LangChainModelClient(LlmSettings settings, RetryAfterProbe probe) {
        this.settings = settings;
        this.probe = probe;
        ChatModelProvider provider = ChatModelProviders.require(settings.provider());
        this.responseFormat = responseFormat(settings.outputMode());
        if (settings.streaming()) {
            this.chatModel = null;
            this.streamingModel = provider.streamingChatModel(modelSettings());
        } else {
            this.chatModel = provider.chatModel(modelSettings());
            this.streamingModel = null;
        }
    }

    @Override
    public boolean streams() {
        return streamingModel != null;
    }

    @Override
    public Output complete(ModelPrompt prompt, Consumer<String> chunks) {
        ChatRequest.Builder request = ChatRequest.builder().messages(messages(prompt));
        if (responseFormat != null) {
            request.responseFormat(responseFormat);
        }
        AtomicReference<@Nullable Duration> retryAfter = probe.open();
        try {
            if (streamingModel != null) {
                return stream(request.build(), chunks, retryAfter);
            }
            ChatResponse response = chatModel.chat(request.build());
            return outputOf(response);
        } catch (ModelCallException e) {
            throw e;
        } catch (RuntimeException e) {
            throw classify(e, retryAfter.get());
        } finally {
            probe.close();
        }
    }

    private Output stream(ChatRequest request, Consumer<String> chunks,
                          AtomicReference<@Nullable Duration> retryAfter) {
        CompletableFuture<Output> done = new CompletableFuture<>();
        AtomicBoolean open = new AtomicBoolean(true);
        streamingModel.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                if (open.get() && partial != null && !partial.isEmpty()) {
                    chunks.accept(partial);
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(outputOf(response));
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        try {
            return done.get(settings.callTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ModelCallException(ModelCallException.Kind.TIMEOUT, 0, null,
                    "stream did not finish within " + settings.callTimeout(), ScrubbedException.of(e));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw classify(cause, retryAfter.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelCallException(ModelCallException.Kind.TIMEOUT, 0, null, "interrupted",
                    ScrubbedException.of(e));
        } finally {
            open.set(false);
        }
    }

    private static Output outputOf(ChatResponse response) {
        AiMessage message = response == null ? null : response.aiMessage();
        String text = message == null ? null : message.text();
        TokenUsage usage = response == null ? null : response.tokenUsage();
        return new Output(text == null ? "" : text, usage == null ? null : usage.inputTokenCount(),
                usage == null ? null : usage.outputTokenCount());
    }

    private static List<ChatMessage> messages(ModelPrompt prompt) {
        List<ChatMessage> out = new ArrayList<>();
        out.add(SystemMessage.from(prompt.system()));
        for (ModelPrompt.Message message : prompt.messages()) {
            out.add(message.assistant() ? AiMessage.from(message.text()) : UserMessage.from(message.text()));
        }
        return out;
    }

    /**
     * Maps LangChain4j's and the JDK's exceptions. The message names the class, the status and the provider's
     * error code ({@code content_filter}, {@code rate_limit_error} …) only; the cause is scrubbed
     * ({@link ScrubbedException}), because response bodies, URLs and proxy pages can carry the base URL, a key
     * (OpenAI's 401 quotes part of it) or text of the request.
     */
    static ModelCallException classify(Throwable error, @Nullable Duration retryAfter) {
        int status = 0;
        String providerCode = null;
        ModelCallException.Kind kind = null;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http) {
                status = http.statusCode();
                kind = kindOf(status);
                providerCode = providerErrorCode(http.getMessage());
                break;
            }
            if (kind == null) {
                if (t instanceof RateLimitException) {
                    kind = ModelCallException.Kind.RATE_LIMITED;
                } else if (t instanceof InternalServerException) {
                    kind = ModelCallException.Kind.SERVER;
                } else if (t instanceof TimeoutException || t instanceof HttpTimeoutException) {
                    kind = ModelCallException.Kind.TIMEOUT;
                } else if (t instanceof AuthenticationException) {
                    kind = ModelCallException.Kind.AUTHENTICATION;
                } else if (t instanceof UnresolvedModelServerException || t instanceof IOException) {
                    kind = ModelCallException.Kind.NETWORK;
                }
            }
        }
        if (kind == null) {
            kind = ModelCallException.Kind.CLIENT;
        }
        String what = status > 0 ? "HTTP " + status : error.getClass().getSimpleName();
        if (providerCode != null) {
            what += " (" + providerCode + ")";
        }
        return new ModelCallException(kind, status, retryAfter, "model call failed: " + what,
                ScrubbedException.of(error));
    }

    /** The {@code error.code} or {@code error.type} of an OpenAI or Anthropic error body, if it is an identifier. */
    static @Nullable String providerErrorCode(@Nullable String body) {
        if (body == null || body.isBlank() || body.length() > 65_536) {
            return null;
        }
        try {
            JsonNode error = ERROR_JSON.readTree(body).path("error");
            for (String field : List.of("code", "type")) {
                String value = error.path(field).isTextual() ? error.path(field).asText() : null;
                if (value != null && PROVIDER_CODE.matcher(value).matches()) {
                    return value;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;     // not JSON (a proxy's HTML page): nothing to tell
        }
        return null;
    }

    private static ModelCallException.Kind kindOf(int status) {
        if (status == 429) {
            return ModelCallException.Kind.RATE_LIMITED;
        }
        if (status == 408 || status >= 500) {
            return status == 408 ? ModelCallException.Kind.TIMEOUT : ModelCallException.Kind.SERVER;
        }
        if (status == 401 || status == 403) {
            return ModelCallException.Kind.AUTHENTICATION;
        }
        return ModelCallException.Kind.CLIENT;
    }

    // ------------------------------------------------------------------------------------------------ models

    private JdkHttpClientBuilder http() {
        Duration connect = settings.callTimeout().compareTo(MAX_CONNECT_TIMEOUT) < 0 ? settings.callTimeout()
                : MAX_CONNECT_TIMEOUT;
        return JdkHttpClient.builder()
                .httpClientBuilder(probe.builder())
                .connectTimeout(connect)
                .readTimeout(settings.callTimeout());
    }

    private ChatModelSettings modelSettings() {
        return new ChatModelSettings(settings.baseUrl(), settings.apiKey(), settings.modelName(),
                settings.temperature(), settings.maxTokens(), settings.callTimeout(),
                settings.outputMode() == OutputMode.JSON_SCHEMA, http());
    }

    // ------------------------------------------------------------------------------------------------ contract

    private static @Nullable ResponseFormat responseFormat(OutputMode mode) {
        return switch (mode) {
            case JSON_SCHEMA -> ResponseFormat.builder().type(ResponseFormatType.JSON)
                    .jsonSchema(contractSchema()).build();
            case JSON_OBJECT -> ResponseFormat.JSON;
            case PROMPT_ONLY -> null;
        };
    }

    /**
     * The brain contract of METHODOLOGY.md as a strict JSON schema. Ranges are not expressed here (strict mode
     * ignores them); {@link ReplyValidator} checks them.
     */
    static JsonSchema contractSchema() {
        JsonObjectSchema item = JsonObjectSchema.builder()
                .addEnumProperty("kind", ContractReply.KNOWLEDGE_KINDS)
                .addStringProperty("text")
                .addEnumProperty("stage", ContractReply.STAGE_CODES)
                .required("kind", "text", "stage")
                .additionalProperties(false)
                .build();
        JsonObjectSchema root = JsonObjectSchema.builder()
                .addEnumProperty("stage", ContractReply.STAGE_CODES)
                .addStringProperty("message")
                .addIntegerProperty("question_depth")
                .addIntegerProperty("completeness")
                .addEnumProperty("engagement", List.of("high", "medium", "low"))
                .addProperty("knowledge", JsonArraySchema.builder().items(item).build())
                .addBooleanProperty("transition_ready")
                .addBooleanProperty("end_requested")
                .required("stage", "message", "question_depth", "completeness", "engagement", "knowledge",
                        "transition_ready", "end_requested")
                .additionalProperties(false)
                .build();
        return JsonSchema.builder().name("interviewer_reply").rootElement(root).build();
    }
}
