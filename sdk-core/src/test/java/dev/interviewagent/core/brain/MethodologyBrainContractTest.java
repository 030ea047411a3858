package dev.interviewagent.core.brain;

import dev.interviewagent.core.spi.InterviewerBrain;
import dev.interviewagent.core.spi.testkit.InterviewerBrainContract;

class MethodologyBrainContractTest extends InterviewerBrainContract {

    @Override
    protected InterviewerBrain newBrain() {
        return MethodologyBrain.create();
    }
}
