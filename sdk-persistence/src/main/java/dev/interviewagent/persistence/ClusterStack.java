package dev.interviewagent.persistence;

import dev.interviewagent.core.spi.InterviewLock;
import dev.interviewagent.core.spi.InterviewStore;

/**
 * The cluster part of an {@link InterviewStorage}: a cache in front of the database and a cluster-wide turn lock,
 * opened by a {@link ClusterStackProvider}. It exposes only core and backend-neutral types, so the database module
 * never refers to a cluster backend's classes.
 */
public interface ClusterStack extends AutoCloseable {

    /** The store the engine should use: the cache in front of the database. */
    InterviewStore store();

    /** The cluster-wide turn lock. */
    InterviewLock lock();

    /** Export and deletion of a respondent's data, clearing the cache too. */
    PrivacyOperations privacy();

    /** The first filter for redelivered channel messages. */
    MessageDeduplicator deduplicator();

    /** Whether the backend answers now; never throws. */
    boolean ping();

    /** Where the backend is, without credentials, for {@link InterviewStorage#description()}. */
    String description();

    /** Closes the connection to the backend; the database is not closed. */
    @Override
    void close();
}
