package dev.interviewagent.persistence;

import dev.interviewagent.core.config.InterviewConfig;
import java.time.Clock;

/**
 * Opens a {@link ClusterStack} for {@link InterviewStorage} when {@code interview.redis.url} is set. Found with
 * {@link java.util.ServiceLoader}, so the database module needs no cluster backend: {@code sdk-persistence-redis}
 * registers one for {@code redis://} and {@code rediss://} URLs.
 */
public interface ClusterStackProvider {

    /** Whether this provider opens stacks for {@code url} (by its scheme). */
    boolean supports(String url);

    /**
     * Wraps {@code database} in the cache and makes the cluster-wide lock.
     *
     * @param config     the settings, {@code interview.redis.*} among them
     * @param database   the store behind the cache; the stack never closes it
     * @param encryption what encrypts answers at rest, in the cache too
     * @param redactor   what masks PII before storage, in the cache too
     * @param clock      the clock of the stack
     * @throws dev.interviewagent.core.config.InvalidConfigurationException for a bad setting, naming it
     */
    ClusterStack open(InterviewConfig config, JdbcInterviewStore database, AnswerEncryption encryption,
                      PiiRedactor redactor, Clock clock);
}
