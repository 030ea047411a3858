package dev.interviewagent.spring.boot;

import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.exception.InterviewException;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.core.spi.InterviewerBrain;
import dev.interviewagent.persistence.InterviewStorage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code interview} health of Spring Boot Actuator: whether the store answers (one look-up of an id that does
 * not exist, by primary key), whether Redis answers a {@code PING} when the store stack uses it, and, as details, the
 * brain in use with the LLM brain's circuit state and counters.
 *
 * <p>{@code DOWN} when the store or a configured Redis does not answer (the SDK keeps serving through a Redis
 * outage on the database and in-process locks, but the cluster-wide lock is gone); an open LLM circuit leaves it
 * {@code UP}, since the offline brain answers meanwhile. Details never hold keys, passwords or URLs: failures are
 * shown by exception type and SDK error code only.
 *
 * <pre>{@code
 * "interview": {"status": "UP", "details": {
 *     "store": {"status": "UP", "database": "postgresql"},
 *     "redis": {"status": "UP"},
 *     "brain": {"id": "llm", "model": "openai gpt-4o-mini at https://api.openai.com/v1", "circuit": "closed",
 *               "turns": 12, "calls": 13, "retries": 1, "fallbacks": 0, "refusedWhileOpen": 0}}}
 * }</pre>
 */
public final class InterviewHealthIndicator implements HealthIndicator {

    private final InterviewStore store;
    private final @Nullable InterviewStorage storage;
    private final @Nullable InterviewerBrain brain;
    private final Function<InterviewerBrain, Map<String, Object>> brainDetails;

    /**
     * @param store   the engine's store, probed when there is no storage
     * @param storage the store stack, when the auto-configuration opened one: its database and Redis are probed
     *                separately
     * @param brain   the engine's brain, for details; null to leave them out
     */
    public InterviewHealthIndicator(InterviewStore store, @Nullable InterviewStorage storage,
                                    @Nullable InterviewerBrain brain) {
        this(store, storage, brain, InterviewHealthIndicator::brainId);
    }

    /**
     * @param store        the engine's store, probed when there is no storage
     * @param storage      the store stack, when the auto-configuration opened one
     * @param brain        the engine's brain, for details; null to leave them out
     * @param brainDetails the details of a brain (with sdk-llm, the LLM brain's circuit state and counters)
     */
    public InterviewHealthIndicator(InterviewStore store, @Nullable InterviewStorage storage,
                                    @Nullable InterviewerBrain brain,
                                    Function<InterviewerBrain, Map<String, Object>> brainDetails) {
        this.store = Objects.requireNonNull(store, "store");
        this.storage = storage;
        this.brain = brain;
        this.brainDetails = Objects.requireNonNull(brainDetails, "brainDetails");
    }

    @Override
    public Health health() {
        Map<String, Object> storeDetails = probeStore();
        boolean up = "UP".equals(storeDetails.get("status"));
        Health.Builder health = Health.unknown().withDetail("store", storeDetails);
        if (storage != null && storage.usesRedis()) {
            boolean redisUp = storage.pingRedis();
            up &= redisUp;
            health.withDetail("redis", Map.of("status", redisUp ? "UP" : "DOWN"));
        }
        if (brain != null) {
            health.withDetail("brain", brainDetails.apply(brain));
        }
        return (up ? health.up() : health.down()).build();
    }

    private Map<String, Object> probeStore() {
        Map<String, Object> details = new LinkedHashMap<>();
        InterviewStore probe = storage != null ? storage.database() : store;
        try {
            probe.load(InterviewId.random());
            details.put("status", "UP");
        } catch (RuntimeException e) {
            details.put("status", "DOWN");
            details.put("error", e.getClass().getSimpleName()
                    + (e instanceof InterviewException failure ? " (" + failure.code().wireValue() + ")" : ""));
        }
        details.put("database", storage != null ? storage.database().databaseKind() : store.getClass().getSimpleName());
        return details;
    }

    /** The details of any brain: its id. */
    static Map<String, Object> brainId(InterviewerBrain brain) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", brain.id());
        return details;
    }
}
