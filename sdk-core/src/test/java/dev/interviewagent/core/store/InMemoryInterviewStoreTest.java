package dev.interviewagent.core.store;

import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.core.spi.testkit.InterviewStoreContract;

class InMemoryInterviewStoreTest extends InterviewStoreContract {

    @Override
    protected InterviewStore newStore() {
        return new InMemoryInterviewStore();
    }
}
