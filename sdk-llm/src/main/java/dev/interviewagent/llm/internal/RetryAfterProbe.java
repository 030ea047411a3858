package dev.interviewagent.llm.internal;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code Retry-After} header of failed responses, which LangChain4j's HTTP exceptions do not carry.
 *
 * <p>{@link #builder()} gives a JDK {@link HttpClient.Builder} whose clients delegate every call to a normal JDK
 * client and, for a non-2xx response, store its Retry-After in the slot the calling thread opened with
 * {@link #open()}. LangChain4j sends both blocking and streaming requests from the thread that calls the model, so
 * the slot belongs to exactly one model call; the header itself may be read on an HTTP thread, hence the atomic.
 */
final class RetryAfterProbe {

    private final ThreadLocal<AtomicReference<@Nullable Duration>> slot = new ThreadLocal<>();
    private final java.time.Clock clock;

    /** @param clock turns an HTTP-date Retry-After into a wait */
    RetryAfterProbe(java.time.Clock clock) {
        this.clock = clock;
    }

    /** Opens a fresh slot for the calling thread; read it after the call. */
    AtomicReference<@Nullable Duration> open() {
        AtomicReference<@Nullable Duration> fresh = new AtomicReference<>();
        slot.set(fresh);
        return fresh;
    }

    /** Closes the calling thread's slot. */
    void close() {
        slot.remove();
    }

    HttpClient.Builder builder() {
        return new ProbingBuilder(HttpClient.newBuilder());
    }

    /** Parses a Retry-After value: delta-seconds or an HTTP date; null if absent or unreadable. */
    static @Nullable Duration parse(@Nullable String value, java.time.Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            double seconds = Double.parseDouble(v);
            return seconds < 0 ? null : Duration.ofMillis((long) (seconds * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private void record(HttpResponse.ResponseInfo info, @Nullable AtomicReference<@Nullable Duration> target) {
        if (target == null || info.statusCode() < 400) {
            return;
        }
        HttpHeaders headers = info.headers();
        Optional<String> value = headers.firstValue("retry-after");
        if (value.isPresent()) {
            target.set(parse(value.get(), clock));
        }
    }

    private <T> HttpResponse.BodyHandler<T> wrap(HttpResponse.BodyHandler<T> handler) {
        AtomicReference<@Nullable Duration> target = slot.get();
        return info -> {
            record(info, target);
            return handler.apply(info);
        };
    }

    private final class ProbingBuilder implements HttpClient.Builder {
        private final HttpClient.Builder delegate;

        ProbingBuilder(HttpClient.Builder delegate) {
            this.delegate = delegate;
        }

        @Override
        public HttpClient.Builder cookieHandler(CookieHandler cookieHandler) {
            delegate.cookieHandler(cookieHandler);
            return this;
        }

        @Override
        public HttpClient.Builder connectTimeout(Duration duration) {
            delegate.connectTimeout(duration);
            return this;
        }

        @Override
        public HttpClient.Builder sslContext(SSLContext sslContext) {
            delegate.sslContext(sslContext);
            return this;
        }

        @Override
        public HttpClient.Builder sslParameters(SSLParameters sslParameters) {
            delegate.sslParameters(sslParameters);
            return this;
        }

        @Override
        public HttpClient.Builder executor(Executor executor) {
            delegate.executor(executor);
            return this;
        }

        @Override
        public HttpClient.Builder followRedirects(HttpClient.Redirect policy) {
            delegate.followRedirects(policy);
            return this;
        }

        @Override
        public HttpClient.Builder version(HttpClient.Version version) {
            delegate.version(version);
            return this;
        }

        @Override
        public HttpClient.Builder priority(int priority) {
            delegate.priority(priority);
            return this;
        }

        @Override
        public HttpClient.Builder proxy(ProxySelector proxySelector) {
            delegate.proxy(proxySelector);
            return this;
        }

        @Override
        public HttpClient.Builder authenticator(Authenticator authenticator) {
            delegate.authenticator(authenticator);
            return this;
        }

        @Override
        public HttpClient build() {
            return new ProbingClient(delegate.build());
        }
    }

    private final class ProbingClient extends HttpClient {
        private final HttpClient delegate;

        ProbingClient(HttpClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<CookieHandler> cookieHandler() {
            return delegate.cookieHandler();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return delegate.connectTimeout();
        }

        @Override
        public Redirect followRedirects() {
            return delegate.followRedirects();
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return delegate.proxy();
        }

        @Override
        public SSLContext sslContext() {
            return delegate.sslContext();
        }

        @Override
        public SSLParameters sslParameters() {
            return delegate.sslParameters();
        }

        @Override
        public Optional<Authenticator> authenticator() {
            return delegate.authenticator();
        }

        @Override
        public Version version() {
            return delegate.version();
        }

        @Override
        public Optional<Executor> executor() {
            return delegate.executor();
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
                throws IOException, InterruptedException {
            return delegate.send(request, wrap(handler));
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                                                                HttpResponse.BodyHandler<T> handler) {
            return delegate.sendAsync(request, wrap(handler));
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                                                                HttpResponse.BodyHandler<T> handler,
                                                                HttpResponse.PushPromiseHandler<T> push) {
            return delegate.sendAsync(request, wrap(handler), push);
        }
    }
}
