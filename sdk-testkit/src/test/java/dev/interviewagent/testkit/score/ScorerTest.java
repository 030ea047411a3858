package dev.interviewagent.testkit.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.testkit.persona.Persona;
import dev.interviewagent.testkit.persona.Personas;
import dev.interviewagent.testkit.respondent.AnswerKind;
import org.junit.jupiter.api.Test;

/** Each metric of the scorecard can fail: deliberately bad interviewers fail exactly the metrics they break. */
class ScorerTest {

    private final Persona cheesemaker = Personas.builtIn("en/cheesemaker");
    private final String story = cheesemaker.episodes().get(0).story();

    @Test
    void an_interviewer_that_asks_the_same_question_forever_fails_repeats_and_example_requests() {
        BadInterviews log = new BadInterviews(cheesemaker);
        for (int i = 0; i < 4; i++) {
            log.ask(Stage.ESSENCE, "Could you give me one specific example?", AnswerKind.EPISODE, story,
                    "episode:e" + i);
        }
        InterviewScore score = Scorer.score(log.build());

        assertThat(score.exactRepeats()).isEqualTo(3);
        assertThat(score.sentencesOverTwice()).isEqualTo(1);
        assertThat(score.exampleAfterExample()).isEqualTo(3);
        assertThat(score.misses(Thresholds.DEFAULT)).anyMatch(m -> m.startsWith("exact_repeats"))
                .anyMatch(m -> m.startsWith("sentences_over_twice"))
                .anyMatch(m -> m.startsWith("example_after_example"))
                .anyMatch(m -> m.startsWith("episode_recall"));
        assertThat(score.reAsks()).isZero();
    }

    @Test
    void asking_for_another_case_after_a_story_is_fine() {
        InterviewScore score = Scorer.score(new BadInterviews(cheesemaker)
                .ask(Stage.ESSENCE, "What drew you in?", AnswerKind.EPISODE, story, "episode:e1")
                .ask(Stage.ESSENCE, "Is there another time that went differently?", AnswerKind.EPISODE, story,
                        "episode:e2")
                .build());
        assertThat(score.exampleAfterExample()).isZero();
    }

    @Test
    void asking_for_years_the_profile_gave_is_a_re_ask() {
        InterviewScore score = Scorer.score(new BadInterviews(cheesemaker)
                .ask(Stage.PROFILING, "How long have you been doing this work, and in which roles?",
                        AnswerKind.BACKGROUND, cheesemaker.background().answer())
                .build());
        assertThat(score.reAsks()).isEqualTo(1);
        assertThat(score.misses(Thresholds.DEFAULT)).contains("re_asks=1");
    }

    @Test
    void quoting_a_greeting_a_fatigue_answer_or_the_same_words_twice_fails_the_quote_metrics() {
        InterviewScore score = Scorer.score(new BadInterviews(cheesemaker)
                .greetingFirst(Stage.GREETING, "What drew you in?", "Hello! Happy to help, ask away.",
                        cheesemaker.motivation().get(0))
                .ask(Stage.PROFILING, "You said “Hello! Happy to help”. What do you mean?", AnswerKind.NOTHING_MORE,
                        "That's all I can add on that.")
                .ask(Stage.PROFILING, "You said “That's all I can add on that”. Why?", AnswerKind.PRINCIPLE,
                        cheesemaker.principles().get(0))
                .ask(Stage.ESSENCE, "You said “That's all I can add on that”. Really?", AnswerKind.PRINCIPLE,
                        cheesemaker.principles().get(1))
                .build());
        assertThat(score.badQuotes()).isEqualTo(3);
        assertThat(score.repeatedQuotes()).isEqualTo(1);
    }

    @Test
    void a_tacit_answer_not_followed_by_a_cue_probe_is_counted_and_a_probe_is_credited() {
        InterviewScore ignored = Scorer.score(new BadInterviews(cheesemaker)
                .ask(Stage.MASTERY, "How do you know the curd is ready?", AnswerKind.TACIT, "You just know.")
                .ask(Stage.MASTERY, "Why does that work?", AnswerKind.PRINCIPLE, cheesemaker.principles().get(0))
                .build());
        InterviewScore probed = Scorer.score(new BadInterviews(cheesemaker)
                .ask(Stage.MASTERY, "How do you know the curd is ready?", AnswerKind.TACIT, "You just know.")
                .ask(Stage.MASTERY, "When you get that feeling, what exactly are you noticing?",
                        AnswerKind.TACIT_EXPLICIT, cheesemaker.tacit().explicit())
                .build());
        assertThat(ignored.tacitProbeShare()).isZero();
        assertThat(ignored.misses(Thresholds.DEFAULT)).contains("tacit_probe_share=0%");
        assertThat(probed.tacitProbeShare()).isEqualTo(1.0);
    }

    @Test
    void questions_after_two_nothing_more_answers_in_a_stage_count_as_fatigue_ignored() {
        InterviewScore score = Scorer.score(new BadInterviews(cheesemaker)
                .ask(Stage.MASTERY, "What do you do automatically now?", AnswerKind.NOTHING_MORE, "Nothing more.")
                .ask(Stage.MASTERY, "What else?", AnswerKind.NOTHING_MORE, "That's all, honestly.")
                .ask(Stage.MASTERY, "And anything else?", AnswerKind.NOTHING_MORE, "No.")
                .ask(Stage.GROWTH_PATH, "What separates fast from slow growers?", AnswerKind.GROWTH,
                        cheesemaker.growth().get(0))
                .build());
        assertThat(score.fatigueIgnored()).isEqualTo(1);
    }

    @Test
    void a_stage_out_of_order_and_a_stage_over_the_cap_fail_their_metrics() {
        BadInterviews log = new BadInterviews(cheesemaker);
        for (int i = 0; i < 11; i++) {
            log.ask(Stage.OPERATIONS, "Step " + i + ": what comes next?", AnswerKind.PROCESS, "Then I salt.");
        }
        log.ask(Stage.GREETING, "What drew you in?", AnswerKind.MOTIVATION, cheesemaker.motivation().get(0));
        InterviewScore score = Scorer.score(log.build());
        assertThat(score.maxStageQuestions()).isEqualTo(11);
        assertThat(score.stagesInOrder()).isFalse();
        assertThat(score.misses(Thresholds.DEFAULT)).contains("max_stage_questions=11")
                .anyMatch(m -> m.startsWith("stages_in_order"));
    }

    @Test
    void stories_mistakes_and_processes_missing_from_the_report_lower_its_recall() {
        InterviewScore score = Scorer.score(new BadInterviews(cheesemaker)
                .ask(Stage.FAILURE_MODES, "Which mistake?", AnswerKind.FAILURE, cheesemaker.failures().get(0).error(),
                        "failure:f1")
                .ask(Stage.OPERATIONS, "Walk me through it.", AnswerKind.PROCESS, "First I test. Then I cut.",
                        "process:p1")
                .build());
        assertThat(score.failureRecall()).isZero();
        assertThat(score.processRecall()).isZero();
        assertThat(score.misses(Thresholds.DEFAULT)).contains("failure_recall=0%", "process_recall=0%");
    }
}
