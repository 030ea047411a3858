package dev.interviewagent.voice.provider;

import java.time.Duration;
import java.util.Objects;

/** The argument checks the provider builders share; each names the setting in its message. */
public final class Checks {

    private Checks() {
    }

    /** {@code value} stripped; it must not be null or blank. */
    public static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value.strip();
    }

    /** {@code value}; it must be longer than zero. */
    public static Duration requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
        return value;
    }

    /** An http(s) base URL without a trailing slash. */
    public static String requireBaseUrl(String baseUrl) {
        String url = requireText(baseUrl, "baseUrl");
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL, was " + url);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
