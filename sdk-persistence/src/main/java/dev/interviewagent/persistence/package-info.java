/**
 * Durable {@link dev.interviewagent.core.spi.InterviewStore} implementations and their multi-node companions.
 *
 * <p>{@link dev.interviewagent.persistence.JdbcInterviewStore} keeps interviews in PostgreSQL or in an embedded H2
 * file database (schema by Flyway, pooling by HikariCP); {@link dev.interviewagent.persistence.InterviewStores#fromUrl}
 * picks one from a URL. For several nodes, {@link dev.interviewagent.persistence.RedisConnection} adds a read-through
 * cache ({@link dev.interviewagent.persistence.RedisInterviewStore}), a distributed per-interview lock
 * ({@link dev.interviewagent.persistence.RedisInterviewLock}), message de-duplication and cross-node events; when
 * Redis is down they fall back to the database and in-process equivalents. Privacy operations, encryption at rest,
 * PII redaction and retention live here too.
 */
@NullMarked
package dev.interviewagent.persistence;

import org.jspecify.annotations.NullMarked;
