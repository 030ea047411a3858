package dev.interviewagent.voice.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.Timeout;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import dev.interviewagent.voice.SpeechException;
import dev.interviewagent.voice.SpeechException.Reason;
import dev.interviewagent.voice.provider.ProviderErrors;
import java.time.Duration;
import java.util.function.Supplier;

/** Builds the official OpenAI client without its own retries, and maps its exceptions. */
final class OpenAiClients {

    private OpenAiClients() {
    }

    /** A client for the key and base URL (including {@code /v1}); retries are off, they belong to the decorator. */
    static OpenAIClient create(String apiKey, String baseUrl, Duration requestTimeout) {
        return OpenAIOkHttpClient.builder()
                .apiKey(apiKey)
                .baseUrl(baseUrl)
                .maxRetries(0)
                .timeout(Timeout.builder().connect(requestTimeout).read(requestTimeout).write(requestTimeout)
                        .request(requestTimeout).build())
                .build();
    }

    /** Runs an SDK call and maps its failures to {@link SpeechException}s. */
    static <T> T call(String provider, String operation, Supplier<T> action) {
        try {
            return action.get();
        } catch (OpenAIServiceException e) {
            throw ProviderErrors.forStatus(provider, operation, e.statusCode(), e);
        } catch (OpenAIIoException e) {
            throw ProviderErrors.forIo(provider, operation, e);
        } catch (OpenAIInvalidDataException e) {
            throw new SpeechException(Reason.PROVIDER_ERROR, provider + " " + operation
                    + " returned an unreadable response", e);
        } catch (SpeechException e) {
            throw e;
        } catch (RuntimeException e) {
            if (ProviderErrors.isIo(e)) {
                throw ProviderErrors.forIo(provider, operation, e);
            }
            throw new SpeechException(Reason.PROVIDER_ERROR, provider + " " + operation
                    + " failed: unexpected " + e.getClass().getSimpleName(), e);
        }
    }
}
