/**
 * Durable {@link dev.interviewagent.core.spi.InterviewStore} implementations and their multi-node companions.
 *
 * <p>{@link dev.interviewagent.persistence.JdbcInterviewStore} keeps interviews in PostgreSQL or in an embedded H2
 * file database (schema by Flyway, pooling by HikariCP); {@link dev.interviewagent.persistence.InterviewStores#fromUrl}
 * picks one from a URL. For several nodes, the {@code sdk-persistence-redis} artifact adds, in this same package,
 * {@code RedisConnection}: a read-through cache ({@code RedisInterviewStore}), a distributed per-interview lock
 * ({@code RedisInterviewLock}), message de-duplication and cross-node events; when Redis is down they fall back to the
 * database and in-process equivalents. {@link dev.interviewagent.persistence.InterviewStorage} finds it through
 * {@link dev.interviewagent.persistence.ClusterStackProvider}. Privacy operations, encryption at rest, PII redaction
 * and retention live here too.
 */
@NullMarked
package dev.interviewagent.persistence;

import org.jspecify.annotations.NullMarked;
