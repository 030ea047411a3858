package dev.interviewagent.persistence.redis;

import dev.interviewagent.core.InterviewId;
import dev.interviewagent.persistence.InterviewEvents;
import dev.interviewagent.persistence.redis.internal.RedisUnavailable;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * {@link InterviewEvents} over Redis pub/sub: {@link #publish} sends to the channel {@code <prefix>:events}, and one
 * background subscriber per notifier delivers every message to this node's listeners. While Redis is unavailable,
 * events reach this node's listeners only (counted in {@link #localOnly()}), and the subscriber reconnects by itself.
 *
 * <p>Thread-safe. Listeners run on the subscriber thread (or on the publisher's during an outage); keep them short.
 */
public final class RedisInterviewNotifier implements InterviewEvents {

    private static final Logger log = LoggerFactory.getLogger(RedisInterviewNotifier.class);

    private final RedisConnection redis;
    private final String channel;
    private final InterviewEvents local = InterviewEvents.local();
    private final ExecutorService executor;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong localOnly = new AtomicLong();
    private final CountDownLatch firstSubscribed = new CountDownLatch(1);
    private volatile boolean closed;
    private volatile @Nullable JedisPubSub subscriber;

    /**
     * Starts the subscriber on a daemon thread of its own.
     *
     * @param redis the connection (its key prefix names the channel)
     */
    public RedisInterviewNotifier(RedisConnection redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.channel = redis.key("events", "all");
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "interview-events-subscriber");
            t.setDaemon(true);
            return t;
        });
        executor.execute(this::subscribeLoop);
    }

    /**
     * Waits until the subscriber is connected (useful before a test or a first publish).
     *
     * @return whether it connected within the timeout
     */
    public boolean awaitSubscribed(java.time.Duration timeout) throws InterruptedException {
        return firstSubscribed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Events sent through Redis. */
    public long published() {
        return published.get();
    }

    /** Events received from Redis. */
    public long received() {
        return received.get();
    }

    /** Events delivered to this node only because Redis was unavailable. */
    public long localOnly() {
        return localOnly.get();
    }

    @Override
    public void publish(InterviewId id, String json) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(json, "json");
        if (redis.usable()) {
            try {
                redis.run(j -> j.publish(channel, id.value() + "\n" + json));
                published.incrementAndGet();
                return;
            } catch (RedisUnavailable e) {
                // fall through
            }
        }
        localOnly.incrementAndGet();
        local.publish(id, json);
    }

    @Override
    public Subscription subscribe(Listener listener) {
        return local.subscribe(listener);
    }

    private void subscribeLoop() {
        while (!closed) {
            try (Jedis jedis = redis.dedicated()) {
                JedisPubSub pubSub = new JedisPubSub() {
                    @Override
                    public void onMessage(String ch, String message) {
                        int nl = message.indexOf('\n');
                        if (nl <= 0) {
                            return;
                        }
                        InterviewId id;
                        try {
                            id = InterviewId.of(message.substring(0, nl));
                        } catch (IllegalArgumentException e) {
                            return;
                        }
                        received.incrementAndGet();
                        local.publish(id, message.substring(nl + 1));
                    }

                    @Override
                    public void onSubscribe(String ch, int subscribedChannels) {
                        firstSubscribed.countDown();
                        log.debug("subscribed to interview events");
                    }
                };
                subscriber = pubSub;
                if (closed) {
                    return;
                }
                jedis.subscribe(pubSub, channel);
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                redis.recordFailure(e);
                LockSupportPause.pause(redis.retryInterval());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        JedisPubSub pubSub = subscriber;
        if (pubSub != null) {
            try {
                pubSub.unsubscribe();
            } catch (RuntimeException e) {
                log.debug("unsubscribe failed: {}", e.getClass().getSimpleName());
            }
        }
        executor.shutdownNow();
        local.close();
    }

    /** Waits between reconnection attempts without busy-looping. */
    private static final class LockSupportPause {
        static void pause(java.time.Duration d) {
            java.util.concurrent.locks.LockSupport.parkNanos(Math.max(d.toNanos(), 50_000_000L));
        }
    }
}
