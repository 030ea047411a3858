package dev.interviewagent.spring.boot.docs;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.config.StartDefaults;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Service;

/** The minimal application of docs/spring-boot.md; {@link SpringBootDocsExampleTest} runs it and keeps the page in step. */
// region app
@SpringBootApplication
public class InterviewApplication {

    public static void main(String[] args) {
        SpringApplication.run(InterviewApplication.class, args);
    }

    /** What a controller, a bot or a scheduled job calls: the engine does the interviewing. */
    @Service
    public static class Interviews {

        private final InterviewEngine engine;
        private final StartDefaults defaults;

        public Interviews(InterviewEngine engine, StartDefaults defaults) {
            this.engine = engine;                  // auto-configured from interview.* properties
            this.defaults = defaults;              // interview.start.language and .style
        }

        public Reply start(String respondent) {
            return engine.start(defaults.applyTo(StartRequest.builder()).channelKey(respondent).build());
        }

        public Reply answer(InterviewId id, String messageId, String text) {
            return engine.answer(id, Answer.text(messageId, text));    // a repeated messageId changes nothing
        }
    }
}
// endregion app
