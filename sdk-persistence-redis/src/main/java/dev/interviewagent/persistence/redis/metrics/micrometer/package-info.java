/**
 * Micrometer meters for the Redis components ({@link dev.interviewagent.persistence.redis.metrics.micrometer.RedisMetrics}).
 * Micrometer ({@code io.micrometer:micrometer-core}) is an optional dependency of sdk-persistence: add it to use this
 * package; no class outside it refers to Micrometer. The latency of store writes, whatever the store, is measured by
 * the engine ({@code dev.interviewagent.core.metrics.micrometer.InterviewEngineMetrics}); connection-pool metrics
 * come from HikariCP's own Micrometer support.
 */
@NullMarked
package dev.interviewagent.persistence.redis.metrics.micrometer;

import org.jspecify.annotations.NullMarked;
