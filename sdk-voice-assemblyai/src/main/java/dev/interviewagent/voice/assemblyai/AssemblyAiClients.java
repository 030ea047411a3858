package dev.interviewagent.voice.assemblyai;

import com.assemblyai.api.AssemblyAI;
import com.assemblyai.api.core.ClientOptions;
import com.assemblyai.api.core.Environment;
import com.assemblyai.api.core.RetryInterceptor;
import java.lang.reflect.Field;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the official AssemblyAI client for our use. The SDK (1.2.x) always installs its own retry interceptor, which
 * sleeps up to seven seconds with {@code Thread.sleep} on 429/5xx and cannot be configured; retries belong to
 * {@code ResilientSpeechToText}, so the SDK's OkHttp client is replaced by a copy without that interceptor and with
 * our timeouts. The SDK offers no way to pass a client, hence the one reflective write; if it fails (a future SDK), the
 * SDK's own client stays and a warning says retries may multiply.
 */
final class AssemblyAiClients {

    private static final Logger log = LoggerFactory.getLogger(AssemblyAiClients.class);

    private AssemblyAiClients() {
    }

    /** The SDK client plus the HTTP client under it, so it can be closed. */
    record Handle(AssemblyAI api, ClientOptions options) {

        /** Releases the connection pool and dispatcher threads. */
        void close() {
            OkHttpClient http = options.httpClient();
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /** A client for the key and base URL (without {@code /v2}: the SDK appends it) with the given call timeout. */
    static Handle create(String apiKey, String baseUrl, Duration requestTimeout) {
        ClientOptions options = ClientOptions.builder()
                .environment(Environment.custom(baseUrl))
                .addHeader("Authorization", apiKey)
                .build();
        OkHttpClient.Builder http = options.httpClient().newBuilder()
                .connectTimeout(requestTimeout)
                .readTimeout(requestTimeout)
                .writeTimeout(requestTimeout)
                .callTimeout(requestTimeout);
        http.interceptors().removeIf(interceptor -> interceptor instanceof RetryInterceptor);
        try {
            Field field = ClientOptions.class.getDeclaredField("httpClient");
            field.setAccessible(true);
            field.set(options, http.build());
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("assemblyai: could not replace the SDK's HTTP client ({}); its built-in retries stay on",
                    e.getClass().getSimpleName());
        }
        return new Handle(new AssemblyAI(options), options);
    }
}
