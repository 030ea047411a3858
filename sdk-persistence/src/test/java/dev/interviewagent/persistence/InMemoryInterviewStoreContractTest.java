package dev.interviewagent.persistence;

import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.core.spi.testkit.InterviewStoreContract;
import dev.interviewagent.core.store.InMemoryInterviewStore;

/** The reference store runs the same kit here, so the whole matrix (memory, embedded, PostgreSQL, Redis) is in one report. */
class InMemoryInterviewStoreContractTest extends InterviewStoreContract {

    @Override
    protected InterviewStore newStore() {
        return new InMemoryInterviewStore();
    }
}
