package dev.interviewagent.persistence;

import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.core.spi.testkit.InterviewStoreContract;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on the embedded H2 file database. */
class EmbeddedInterviewStoreTest extends InterviewStoreContract {

    private static JdbcInterviewStore shared;

    @BeforeAll
    static void open() throws Exception {
        Path dir = Files.createTempDirectory("ia-embedded-");
        shared = JdbcInterviewStore.embedded(dir);
    }

    @AfterAll
    static void close() {
        shared.close();
    }

    @Override
    protected InterviewStore newStore() {
        return shared;
    }
}
