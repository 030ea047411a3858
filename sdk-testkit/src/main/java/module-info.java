/** Simulated respondents, personas and scores for testing interviews offline. */
module dev.interviewagent.testkit {
    requires transitive dev.interviewagent.core;
    requires org.slf4j;
    requires static transitive org.jspecify;

    exports dev.interviewagent.testkit;
    exports dev.interviewagent.testkit.intent;
    exports dev.interviewagent.testkit.persona;
    exports dev.interviewagent.testkit.respondent;
    exports dev.interviewagent.testkit.score;
    exports dev.interviewagent.testkit.simulator;

    opens dev.interviewagent.testkit.persona to com.fasterxml.jackson.databind;
}
