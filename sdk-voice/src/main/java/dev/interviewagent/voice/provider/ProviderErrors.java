package dev.interviewagent.voice.provider;

import dev.interviewagent.voice.SpeechException;
import dev.interviewagent.voice.SpeechException.Reason;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;

/**
 * Maps provider failures to {@link SpeechException}s. Messages carry the provider, the operation and the status code
 * only: response bodies may echo request content, so they never go into messages or logs.
 */
public final class ProviderErrors {

    private ProviderErrors() {
    }

    /** The reason for an HTTP status code of a failed call. */
    public static Reason reasonForStatus(int status) {
        if (status == 401 || status == 403) {
            return Reason.AUTH;
        }
        if (status == 429) {
            return Reason.RATE_LIMITED;
        }
        if (status == 408 || status == 504) {
            return Reason.TIMEOUT;
        }
        if (status >= 500) {
            return Reason.PROVIDER_ERROR;
        }
        return Reason.REJECTED;
    }

    /** An exception for a failed HTTP status. */
    public static SpeechException forStatus(String provider, String operation, int status, Throwable cause) {
        return new SpeechException(reasonForStatus(status),
                provider + " " + operation + " failed with HTTP " + status, cause);
    }

    /** An exception for an I/O failure (connection refused, reset, timed out). */
    public static SpeechException forIo(String provider, String operation, Throwable cause) {
        Reason reason = isTimeout(cause) ? Reason.TIMEOUT : Reason.PROVIDER_ERROR;
        return new SpeechException(reason, provider + " " + operation + " failed: "
                + (reason == Reason.TIMEOUT ? "timed out" : "I/O error " + cause.getClass().getSimpleName()), cause);
    }

    /** Whether the cause chain contains an I/O exception. */
    public static boolean isIo(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTimeout(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException
                    || (t instanceof InterruptedIOException && !(t.getCause() instanceof InterruptedException))) {
                return true;
            }
        }
        return false;
    }

    /** Masks a secret for {@code toString()}: never shows it, only whether it is set. */
    public static String mask(String secret) {
        return secret.isEmpty() ? "<unset>" : "<masked>";
    }
}
