package dev.interviewagent.persistence;

import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.core.spi.testkit.InterviewStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on the real PostgreSQL server, in a schema of its own. */
class PostgresInterviewStoreTest extends InterviewStoreContract {

    private static String schema;
    private static JdbcInterviewStore shared;

    @BeforeAll
    static void open() {
        schema = TestServices.newSchema();
        shared = TestServices.postgres(schema).build();
    }

    @AfterAll
    static void close() {
        shared.close();
        TestServices.dropSchema(schema);
    }

    @Override
    protected InterviewStore newStore() {
        return shared;
    }
}
