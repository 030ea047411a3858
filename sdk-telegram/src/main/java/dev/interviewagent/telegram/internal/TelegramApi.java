package dev.interviewagent.telegram.internal;

import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.core.exception.InputTooLargeException;
import dev.interviewagent.core.exception.InterviewException;
import dev.interviewagent.core.exception.RateLimitedException;
import dev.interviewagent.core.resilience.RetryPolicy;
import dev.interviewagent.core.resilience.Sleeper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendVoice;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Calls the Bot API through telegrambots' client with the retry rules Telegram asks for ({@link #retry}): a 429
 * waits {@code retry_after} seconds, network errors and 5xx back off exponentially, other errors fail at once. The
 * blocking {@code execute} methods wait on the caller's thread (start-up calls, file downloads); chat messages go
 * through {@link ChatOutbox}, which schedules the waits instead. Downloads files from the configured server
 * (telegrambots' own download always goes to api.telegram.org).
 */
public final class TelegramApi {

    /** The Bot API's limit for files a bot may download. */
    public static final long MAX_DOWNLOAD_BYTES = 20L * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(TelegramApi.class);

    /** One attempt of a call. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws TelegramApiException;
    }

    private final TelegramClient client;
    private final OkHttpClient http;
    private final TelegramUrl url;
    private final String token;
    private final Sleeper sleeper;
    private final RetryPolicy policy;

    /**
     * @param sleeper how the blocking calls wait between attempts
     * @param policy  attempts and back-off for network errors and 5xx, and the longest {@code retry_after} of a 429
     *                honoured
     */
    public TelegramApi(TelegramClient client, OkHttpClient http, TelegramUrl url, String token, Sleeper sleeper,
                       RetryPolicy policy) {
        this.client = Objects.requireNonNull(client, "client");
        this.http = Objects.requireNonNull(http, "http");
        this.url = Objects.requireNonNull(url, "url");
        this.token = Objects.requireNonNull(token, "token");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Executes a JSON method with retries. */
    public <T extends Serializable, M extends BotApiMethod<T>> T execute(M method) {
        return retrying(method.getMethod(), () -> client.execute(method));
    }

    /** Sends a document (multipart) with retries. */
    public Message execute(SendDocument method) {
        return retrying("sendDocument", () -> client.execute(method));
    }

    /** Sends a voice message (multipart) with retries. */
    public Message execute(SendVoice method) {
        return retrying("sendVoice", () -> client.execute(method));
    }

    /**
     * Downloads a file by id: {@code getFile}, then {@code GET {base}/file/bot<token>/<file_path>}, refusing files
     * over {@link #MAX_DOWNLOAD_BYTES}.
     *
     * @throws InputTooLargeException if the file is over the limit
     */
    public byte[] download(String fileId) {
        File file = execute(GetFile.builder().fileId(fileId).build());
        if (file.getFileSize() != null && file.getFileSize() > MAX_DOWNLOAD_BYTES) {
            throw new InputTooLargeException("file is " + file.getFileSize() + " bytes, over the 20 MB Bot API limit");
        }
        if (file.getFilePath() == null) {
            throw new InterviewException(ErrorCode.UNAVAILABLE, "getFile returned no file_path");
        }
        HttpUrl.Builder target = new HttpUrl.Builder().scheme(url.getSchema()).host(url.getHost()).port(url.getPort())
                .addPathSegment("file").addPathSegment("bot" + token);
        for (String segment : file.getFilePath().split("/")) {
            if (!segment.isEmpty()) {
                target.addPathSegment(segment);
            }
        }
        Request request = new Request.Builder().url(target.build()).get().build();
        return retrying("downloadFile", () -> {
            try (Response response = http.newCall(request).execute()) {
                if (!response.isSuccessful() || response.body() == null) {
                    throw new TelegramApiException("file download failed with HTTP " + response.code());
                }
                return readLimited(response.body().byteStream());
            } catch (IOException e) {
                throw new TelegramApiException("file download failed", e);
            }
        });
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > MAX_DOWNLOAD_BYTES) {
                throw new InputTooLargeException("file is over the 20 MB Bot API limit");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private <T> T retrying(String method, Call<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.run();
            } catch (TelegramApiException e) {
                pause(retry(method, e, attempt));
            }
        }
    }

    /**
     * The rule for a failed attempt, by the {@link RetryPolicy}: a 429 waits at least its {@code retry_after}
     * (1 s when it names none); network errors and 5xx back off; other errors, the last attempt and a
     * {@code retry_after} over the policy's limit are final.
     *
     * @param attempt the attempt that failed, from 1
     * @return how long to wait before the next attempt
     * @throws InterviewException the failure to report when the call is not retried
     */
    public Duration retry(String method, TelegramApiException e, int attempt) {
        if (e instanceof TelegramApiRequestException request && request.getErrorCode() != null
                && request.getErrorCode() == 429) {
            Integer retryAfter = request.getParameters() == null ? null : request.getParameters().getRetryAfter();
            Duration asked = Duration.ofSeconds(retryAfter == null ? 1 : Math.max(0, retryAfter));
            Duration wait = policy.waitAfter(attempt, asked, ThreadLocalRandom.current()::nextDouble).orElseThrow(
                    () -> new RateLimitedException(method + " rate limited by Telegram (retry_after "
                            + asked.toSeconds() + " s)"));
            log.debug("{} got 429, retrying in {} ms (attempt {})", method, wait.toMillis(), attempt);
            return wait;
        }
        if (e instanceof TelegramApiRequestException request && request.getErrorCode() != null
                && request.getErrorCode() < 500) {
            throw new InterviewException(ErrorCode.BAD_REQUEST, method + " rejected by Telegram: "
                    + request.getErrorCode() + " " + request.getApiResponse(), e);
        }
        Duration wait = policy.waitAfter(attempt, null, ThreadLocalRandom.current()::nextDouble)
                .orElseThrow(() -> unavailable(method, e));
        log.debug("{} failed ({}), retrying in {} ms", method, e.getClass().getSimpleName(), wait.toMillis());
        return wait;
    }

    /** How failed calls are retried. */
    public RetryPolicy retryPolicy() {
        return policy;
    }

    /** One attempt of a JSON method, no retry: for callers that schedule their own retries with {@link #retry}. */
    public <T extends Serializable, M extends BotApiMethod<T>> T once(M method) throws TelegramApiException {
        return client.execute(method);
    }

    /** One attempt of a document upload, no retry. */
    public Message once(SendDocument method) throws TelegramApiException {
        return client.execute(method);
    }

    /** One attempt of a voice upload, no retry. */
    public Message once(SendVoice method) throws TelegramApiException {
        return client.execute(method);
    }

    private static InterviewException unavailable(String method, Exception e) {
        return new InterviewException(ErrorCode.UNAVAILABLE, method + " failed after retries", e);
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterviewException(ErrorCode.UNAVAILABLE, "interrupted while waiting to retry", e);
        }
    }
}
