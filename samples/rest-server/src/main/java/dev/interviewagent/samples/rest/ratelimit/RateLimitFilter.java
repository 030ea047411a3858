package dev.interviewagent.samples.rest.ratelimit;

import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.samples.rest.RestSettings;
import dev.interviewagent.samples.rest.access.AccessTokens;
import dev.interviewagent.samples.rest.access.Bearer;
import dev.interviewagent.samples.rest.problem.Problems;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests per client, with Resilience4j rate limiters (fixed windows of {@code rest.rate-limit.period}): each bearer
 * token may make {@code requests} per period (a request without a token counts against its client address instead),
 * and each client address {@code address-requests} per period whatever the tokens, so made-up tokens buy nothing. A
 * request over a limit gets 429 with {@code Retry-After} and is not handled. The limiters of the most recently seen
 * clients are kept (at most {@link #MAX_CLIENTS}); behind a reverse proxy set {@code server.forward-headers-strategy}
 * so the client address is the client's.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    /** How many clients' limiters are kept; the least recently seen are dropped first. */
    static final int MAX_CLIENTS = 100_000;

    private final RestSettings.RateLimit settings;
    private final RateLimiterConfig perClient;
    private final RateLimiterConfig perAddress;
    private final Map<String, RateLimiter> limiters = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    public RateLimitFilter(RestSettings.RateLimit settings) {
        this.settings = settings;
        this.perClient = config(settings.requests(), settings.period());
        this.perAddress = config(settings.addressRequests(), settings.period());
    }

    private static RateLimiterConfig config(int requests, Duration period) {
        return RateLimiterConfig.custom().limitForPeriod(requests).limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO).build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        Optional<String> token = Bearer.find(request);
        RateLimiter client = token.isPresent()
                ? limiter("token:" + AccessTokens.sha256(token.get()), perClient)
                : limiter("address:" + address, perClient);
        RateLimiter all = token.isPresent() ? limiter("all:" + address, perAddress) : null;
        if (!client.acquirePermission()) {
            refuse(response, client, token.isPresent() ? "each token" : "each client without a token",
                    settings.requests());
            return;
        }
        if (all != null && !all.acquirePermission()) {
            refuse(response, all, "each client address", settings.addressRequests());
            return;
        }
        chain.doFilter(request, response);
    }

    private synchronized RateLimiter limiter(String key, RateLimiterConfig config) {
        return limiters.computeIfAbsent(key, k -> RateLimiter.of("rest", config));
    }

    private void refuse(HttpServletResponse response, RateLimiter limiter, String whom, int requests)
            throws IOException {
        Duration wait = limiter instanceof AtomicRateLimiter atomic
                ? Duration.ofNanos(Math.max(0, atomic.getDetailedMetrics().getNanosToWait()))
                : settings.period();
        if (wait.isZero()) {
            wait = settings.period();
        }
        Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, ErrorCode.RATE_LIMITED, "too many requests: at most "
                + requests + " every " + settings.period().toSeconds() + " s for " + whom + "; retry after "
                + Problems.retryAfterSeconds(wait) + " s", wait);
    }
}
