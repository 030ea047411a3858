package dev.interviewagent.samples.rest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The sample's own settings ({@code rest.*}), beside the SDK's {@code interview.*} ones. They belong to this
 * application, not to the SDK's registry.
 *
 * @param adminToken    the operator API's bearer token ({@code INTERVIEW_ADMIN_TOKEN}); blank: the operator API is off
 * @param maxJsonBytes  the largest JSON request body; larger ones get 413
 * @param maxAudioBytes the largest recording; larger ones get 413 (the WebSocket sample's limit)
 * @param rateLimit     requests per client
 */
@ConfigurationProperties("rest")
public record RestSettings(
        String adminToken,
        @DefaultValue("64KB") DataSize maxJsonBytes,
        @DefaultValue("25MB") DataSize maxAudioBytes,
        @DefaultValue RateLimit rateLimit) {

    /** The shortest admin token accepted: a short one could be guessed. */
    public static final int MIN_ADMIN_TOKEN_LENGTH = 16;

    public RestSettings {
        adminToken = adminToken == null ? "" : adminToken.strip();
        if (!adminToken.isEmpty() && adminToken.length() < MIN_ADMIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("INTERVIEW_ADMIN_TOKEN (rest.admin-token) must be at least "
                    + MIN_ADMIN_TOKEN_LENGTH + " characters (e.g. openssl rand -base64 32), was "
                    + adminToken.length());
        }
        if (maxJsonBytes.toBytes() < 1024 || maxAudioBytes.toBytes() < 1024) {
            throw new IllegalArgumentException("rest.max-json-bytes and rest.max-audio-bytes must be at least 1KB");
        }
    }

    /** Whether the operator API is on. */
    public boolean adminEnabled() {
        return !adminToken.isEmpty();
    }

    /**
     * Requests a client may make: {@code requests} per {@code period} for each bearer token (or, without one, each
     * client address), and {@code addressRequests} per period for each client address whatever the token, so that
     * made-up tokens buy no extra requests.
     *
     * @param requests        requests per period for one token (or one address without a token)
     * @param addressRequests requests per period for one client address
     * @param period          the refresh period
     */
    public record RateLimit(@DefaultValue("60") int requests, @DefaultValue("600") int addressRequests,
                            @DefaultValue("10s") Duration period) {

        public RateLimit {
            if (requests < 1 || addressRequests < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("rest.rate-limit.* must be positive");
            }
        }
    }
}
