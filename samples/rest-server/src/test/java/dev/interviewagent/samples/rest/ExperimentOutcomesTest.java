package dev.interviewagent.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.experiment.StyleAssignment;
import dev.interviewagent.core.experiment.StyleExperiment;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The operator's outcome report of a style experiment: per-style counts from the store, JSON or Markdown. */
class ExperimentOutcomesTest extends ApiTestBase {

    @Autowired
    InterviewEngine engine;

    @Test
    void should_report_each_style_of_an_experiment_from_the_stored_interviews() {
        String name = "rest-" + UUID.randomUUID().toString().substring(0, 8);
        StyleExperiment experiment = StyleExperiment.builder().name(name).weight("master", 1)
                .weight("conversational", 1).build();
        Map<String, Integer> started = new HashMap<>();
        Map<String, Integer> completed = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            String respondent = "respondent-" + i;
            StyleAssignment assignment = experiment.assign(respondent);
            InterviewId id = engine.start(StartRequest.builder().language(Language.ENGLISH)
                    .experiment(experiment, respondent).build()).interviewId();
            engine.answer(id, Answer.text("a-" + i, "I have run a bakery for twelve years and train the new bakers."));
            started.merge(assignment.style(), 1, Integer::sum);
            if (i % 3 != 0) {
                engine.complete(id, MessageId.of("c-" + i));
                completed.merge(assignment.style(), 1, Integer::sum);
            }
        }

        JsonNode report = admin("/api/admin/experiments/" + name + "/outcomes?language=en").json();
        assertThat(report.path("experiment").asText()).isEqualTo(name);
        int counted = 0;
        for (JsonNode group : report.path("groups")) {
            String style = group.path("style").asText();
            assertThat(started).containsKey(style);
            // every interview of the experiment has ended or is still open; only ended ones are counted
            assertThat(group.path("interviews").asInt()).as(style).isEqualTo(completed.getOrDefault(style, 0));
            counted += group.path("interviews").asInt();
        }
        assertThat(counted).isEqualTo(completed.values().stream().mapToInt(Integer::intValue).sum());
        assertThat(report.path("in_progress").asInt()).isEqualTo(12 - counted);

        ApiClient.Reply markdown = api.get("/api/admin/experiments/" + name + "/outcomes")
                .bearer(ADMIN_TOKEN).header("Accept", "text/markdown").send();
        assertThat(markdown.status()).isEqualTo(200);
        assertThat(markdown.contentType()).startsWith("text/markdown");
        assertThat(markdown.text()).contains(name).contains("master");
    }

    @Test
    void should_give_an_empty_report_for_an_unknown_experiment_and_problems_for_bad_input() {
        JsonNode empty = admin("/api/admin/experiments/never-run/outcomes").json();
        assertThat(empty.path("groups")).isEmpty();

        ApiClient.Reply noToken = api.get("/api/admin/experiments/never-run/outcomes").invalid().send();
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.problemCode()).isEqualTo("unauthorized");
        ApiClient.Reply badDate = api.get("/api/admin/experiments/never-run/outcomes?startedFrom=yesterday")
                .bearer(ADMIN_TOKEN).invalid().send();
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.problemCode()).isEqualTo("bad_request");
        ApiClient.Reply badName = api.get("/api/admin/experiments/-x/outcomes").bearer(ADMIN_TOKEN).invalid().send();
        assertThat(badName.status()).isEqualTo(400);
    }

    private ApiClient.Reply admin(String path) {
        ApiClient.Reply reply = api.get(path).bearer(ADMIN_TOKEN).send();
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply;
    }
}
