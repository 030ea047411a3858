package dev.interviewagent.persistence.redis;

import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.persistence.AnswerEncryption;
import dev.interviewagent.persistence.ClusterStack;
import dev.interviewagent.persistence.ClusterStackProvider;
import dev.interviewagent.persistence.InterviewStorage;
import dev.interviewagent.persistence.JdbcInterviewStore;
import dev.interviewagent.persistence.PiiRedactor;
import java.time.Clock;
import java.util.Locale;

/**
 * Registers Redis with {@link InterviewStorage} (through {@link java.util.ServiceLoader}): with this module on the
 * classpath, {@code interview.redis.url=redis://…} puts a Redis cache and cluster-wide lock in front of the database.
 * Hosts never call it.
 */
public final class RedisStackProvider implements ClusterStackProvider {

    /** For {@link java.util.ServiceLoader}. */
    public RedisStackProvider() {
    }

    @Override
    public boolean supports(String url) {
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("redis://") || lower.startsWith("rediss://");
    }

    @Override
    public ClusterStack open(InterviewConfig config, JdbcInterviewStore database, AnswerEncryption encryption,
                             PiiRedactor redactor, Clock clock) {
        return RedisStack.open(config, database, encryption, redactor, clock);
    }
}
