package dev.interviewagent.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewMemory;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Profile;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.internal.text.QuestionSentences;
import dev.interviewagent.core.spi.MoveType;
import dev.interviewagent.core.spi.testkit.TestInterviews;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The decision layer follows what the expert said: stories are probed, "you just know" is unpacked, and so on. */
class ListeningTest {

    private static final String STORY = "Last October a whole batch of tommes started to swell on the third day. "
            + "My assistant Jonas called me at six in the morning; forty wheels had split rinds. I smelled the vat "
            + "and it was sweet and yeasty, not milky. We pulled the batch, cleaned the starter line and wrote off "
            + "400 kg, but the next make came out clean.";
    private static final String RU_STORY = "Прошлой осенью партия вздулась на третий день. Технолог Нина позвонила "
            + "мне в шесть утра: на сорока головках треснула корка. Я понюхала чан — запах был сладкий, дрожжевой, а "
            + "не молочный. Мы сняли партию, промыли линию закваски и списали 400 кг, зато следующая варка вышла "
            + "чистой.";

    private final InterviewEngine engine = InterviewEngine.builder().build();
    private final AtomicInteger ids = new AtomicInteger();

    @AfterEach
    void close() {
        engine.close();
    }

    private Reply start(Language language) {
        return engine.start(StartRequest.builder().language(language).style("master")
                .profile(new Profile("Marta", "Head cheesemaker", "Hollow Creek Dairy", "Dairy", 18, null)).build());
    }

    private Reply say(Reply reply, String text) {
        return engine.answer(reply.interviewId(), Answer.text("m-" + ids.incrementAndGet(), text));
    }

    @Test
    void a_question_the_expert_answered_ahead_is_not_asked() {
        Reply reply = say(start(Language.ENGLISH), "I fell for it as a student, on a farm in the Alps.");
        assertThat(reply.message().text()).contains("proudest");
        reply = say(reply, "Cutting our scrap from 9 to 3 percent. What sets me apart from colleagues with the same "
                + "title is that I taste every batch myself.");

        for (int i = 0; i < 4 && reply.message().stage() == Stage.PROFILING; i++) {
            assertThat(reply.message().text()).as("asked again what sets them apart")
                    .doesNotContainIgnoringCase("apart");
            reply = say(reply, "That's about it, really.");
        }
        assertThat(reply.message().text()).doesNotContainIgnoringCase("apart");
    }

    @Test
    void a_known_fact_from_the_profile_is_never_asked_for_again() {
        Reply reply = say(start(Language.ENGLISH), "I fell for it as a student, on a farm in the Alps.");
        assertThat(reply.message().stage()).isEqualTo(Stage.PROFILING);
        assertThat(reply.message().text().toLowerCase(Locale.ROOT)).doesNotContain("how long");
        assertThat(TestInterviews.whole(reply.interview()).memory().knows(InterviewMemory.YEARS)).isTrue();
    }

    @Test
    void a_story_is_probed_on_its_own_words_never_with_a_request_for_an_example() {
        for (Language language : Language.builtIn()) {
            Reply reply = say(start(language), language == Language.RUSSIAN ? RU_STORY : STORY);

            assertThat(reply.message().move()).as(reply.message().text()).isIn(MoveType.PROBE_CUE.code(),
                    MoveType.PROBE_DECISION.code());
            InterviewMemory.Episode story = TestInterviews.whole(reply.interview()).memory().latestEpisode();
            assertThat(story).isNotNull();
            assertThat(reply.message().text()).contains(story.anchor());
            // Thanked as a story ("That's a vivid example."), but the question itself asks about this one.
            assertThat(String.join(" ", QuestionSentences.of(reply.message().text())))
                    .doesNotContainIgnoringCase("example").doesNotContain("пример");
        }
    }

    @Test
    void the_probes_of_one_story_ask_different_things_and_quote_it_once() {
        Reply reply = say(start(Language.ENGLISH), "I fell for it as a student, on a farm in the Alps.");
        assertThat(reply.message().stage()).isEqualTo(Stage.PROFILING);
        reply = say(reply, STORY);
        String first = reply.message().move();
        assertThat(first).isIn(MoveType.PROBE_CUE.code(), MoveType.PROBE_DECISION.code());
        Reply second = say(reply, "The first thing was the smell, sweet where it should have been milky.");
        assertThat(second.message().move()).isIn(MoveType.PROBE_CUE.code(), MoveType.PROBE_DECISION.code(),
                MoveType.PROBE_BASIS.code(), MoveType.PROBE_COUNTERFACTUAL.code()).isNotEqualTo(first);
        String anchor = TestInterviews.whole(second.interview()).memory().latestEpisode().anchor();
        assertThat(second.message().text()).doesNotContain(anchor);
    }

    @Test
    void you_just_know_gets_the_cue_behind_it() {
        for (Language language : Language.builtIn()) {
            Reply reply = say(start(language), language == Language.RUSSIAN ? RU_STORY : STORY);
            reply = say(reply, language == Language.RUSSIAN ? "Честно говоря, это просто чувствуешь."
                    : "Honestly, you just kind of know.");
            assertThat(reply.message().move()).as(reply.message().text()).isEqualTo(MoveType.PROBE_CUE.code());
        }
    }

    @Test
    void two_nothing_more_answers_in_a_row_end_the_stage() {
        Reply reply = say(start(Language.ENGLISH), "I fell for it as a student, on a farm in the Alps.");
        Stage stage = reply.message().stage();
        reply = say(reply, "Nothing more to add, honestly.");
        assertThat(reply.message().stage()).isEqualTo(stage);
        assertThat(reply.message().move()).isEqualTo(MoveType.NEW_TOPIC.code());
        reply = say(reply, "That's all I can say on that.");
        assertThat(reply.message().stage()).isNotEqualTo(stage);
    }

    @Test
    void as_i_said_is_acknowledged_and_the_interview_moves_on() {
        Reply reply = say(start(Language.ENGLISH), "I fell for it as a student, on a farm in the Alps.");
        reply = say(reply, STORY);
        reply = say(reply, "As I said, it was the smell of the vat.");
        assertThat(reply.message().move()).isEqualTo(MoveType.NEW_TOPIC.code());
        assertThat(TestInterviews.whole(reply.interview()).memory().fatigueInRow()).isEqualTo(1);
        int retold = reply.interview().turnCount() - 1;
        assertThat(engine.report(reply.interviewId()).examples()).extracting(e -> e.turn()).doesNotContain(retold);
    }

    @Test
    void a_confused_respondent_gets_the_question_again_more_simply() {
        Reply reply = say(start(Language.RUSSIAN), "Не понял вопрос, если честно.");
        assertThat(reply.message().move()).isEqualTo(MoveType.REPHRASE.code());
    }

    @Test
    void a_tired_respondent_is_offered_a_pause_once() {
        Reply reply = say(start(Language.ENGLISH), "I'm tired, to be honest.");
        assertThat(reply.message().move()).isEqualTo(MoveType.OFFER_PAUSE.code());
        assertThat(TestInterviews.whole(reply.interview()).memory().pauseOffered()).isTrue();
    }

    @Test
    void a_greeting_is_never_quoted_back_nor_kept_as_knowledge() {
        Reply reply = say(start(Language.RUSSIAN), "Здравствуйте! Рада помочь. " + RU_STORY);
        for (int i = 0; i < 6 && !reply.completed(); i++) {
            reply = say(reply, "Больше нечего добавить.");
        }
        List<Turn> turns = engine.transcript(reply.interviewId());
        assertThat(turns).filteredOn(t -> t.isInterviewer() && t.number() > 1).extracting(Turn::text)
                .noneMatch(t -> t.contains("Здравствуйте")).noneMatch(t -> t.contains("Больше нечего"));
        assertThat(engine.report(reply.interviewId()).examples()).extracting(e -> e.text())
                .noneMatch(t -> t.contains("Здравствуйте"));
    }

    @Test
    void take_your_time_follows_hesitation_and_only_hesitation() {
        Reply reply = say(start(Language.ENGLISH), "I fell for it as a student, on a farm in the Alps.");
        reply = say(reply, "Hmm, let me think... probably the smell of the cave in the morning.");
        assertThat(reply.message().text()).containsAnyOf("Take your time", "No rush", "There’s no hurry");
        for (int i = 0; i < 12 && !reply.completed(); i++) {
            reply = say(reply, "We check the cave at six, turn the wheels by hand and log the humidity every day.");
        }
        assertThat(engine.transcript(reply.interviewId())).filteredOn(t -> t.isInterviewer() && t.number() > 6)
                .extracting(Turn::text).noneMatch(t -> t.contains("Take your time") || t.contains("No rush"));
    }

    @Test
    void the_failure_stage_says_when_mistakes_already_came_up_and_asks_for_new_ones() {
        Reply reply = start(Language.ENGLISH);
        String mistake = "The mistake every new cellar hand makes is over-wetting the brine cloth; you catch it by "
                + "the shiny patch on the rind the next morning.";
        while (!reply.completed() && reply.message().stage() != Stage.FAILURE_MODES) {
            reply = say(reply, mistake);
        }
        assertThat(reply.message().stage()).isEqualTo(Stage.FAILURE_MODES);
        assertThat(reply.message().text()).containsAnyOf("already told me about a few mistakes",
                "Some mistakes already came up", "Besides the mistakes");
    }

    @Test
    void a_respondent_who_drifts_off_topic_is_steered_back_without_credit() {
        Reply reply = say(start(Language.ENGLISH), "I fell for it as a student, on a farm in the Alps.");
        reply = say(reply, "By the way, did you watch the match last night?");
        assertThat(reply.message().move()).isEqualTo(MoveType.REDIRECT.code());
        Reply ru = say(start(Language.RUSSIAN), "Меня привела бабушка, она держала коз.");
        ru = say(ru, "Кстати, не по теме: у вас тоже дождь?");
        assertThat(ru.message().move()).isEqualTo(MoveType.REDIRECT.code());
    }

    @Test
    void a_stated_rule_is_asked_for_an_instance_in_the_experts_words_and_a_career_summary_is_not_quoted() {
        for (Language language : Language.builtIn()) {
            boolean ru = language == Language.RUSSIAN;
            Reply reply = say(start(language), ru ? "Я пришла в сыроварение студенткой, на ферме в Альпах."
                    : "I fell for it as a student, on a farm in the Alps.");
            reply = say(reply, ru ? "Я двадцать лет варю сыр, последние восемь — главным технологом."
                    : "I have made cheese for twenty years, the last eight as head cheesemaker.");
            assertThat(reply.message().text()).as(reply.message().text())
                    .doesNotContain(ru ? "двадцать лет варю" : "made cheese for twenty years");

            String rule = ru ? "Никогда не торопите закваску: сыр прощает холод, но не спешку."
                    : "Never rush the starter: a cheese forgives a cold room but never haste.";
            Reply asked = say(reply, rule);
            assertThat(asked.message().move()).as(asked.message().text()).isEqualTo(MoveType.DEEPEN_EXAMPLE.code());
            assertThat(asked.message().text()).as(asked.message().text())
                    .contains(ru ? "Никогда не торопите закваску" : "Never rush the starter");
        }
    }

    @Test
    void a_story_watched_as_a_child_is_heard_as_how_it_began_never_probed_for_decisions() {
        String en = "I grew up on a farm, and one winter night I watched the vet save a calf in a blizzard. I was "
                + "eleven. She turned it inside the cow, calm as anything, and after that I never wanted to do "
                + "anything else.";
        String ru = "Я выросла на ферме. В детстве, зимней ночью, я смотрела, как ветеринар спасла телёнка в метель: "
                + "она развернула его прямо в корове, совершенно спокойно. После этого я и не думала о другой "
                + "профессии.";
        for (Language language : Language.builtIn()) {
            Reply reply = say(start(language), language == Language.RUSSIAN ? ru : en);

            assertThat(reply.message().move()).as(reply.message().text())
                    .isNotIn(MoveType.PROBE_CUE.code(), MoveType.PROBE_DECISION.code(), MoveType.PROBE_BASIS.code(),
                            MoveType.PROBE_COUNTERFACTUAL.code());
            assertThat(reply.message().stage()).as(reply.message().text()).isEqualTo(Stage.PROFILING);
        }
    }

    @Test
    void the_experts_own_story_of_how_it_began_is_still_probed() {
        Reply reply = say(start(Language.ENGLISH), "My first week at the dairy, in 2006, the cave cooler failed on a "
                + "Saturday night. I noticed the rinds sweating, moved forty wheels to the old cellar myself and saved "
                + "the batch. The owner hired me for good on Monday.");

        assertThat(reply.message().move()).as(reply.message().text()).isIn(MoveType.PROBE_CUE.code(),
                MoveType.PROBE_DECISION.code());
    }

    @Test
    void a_story_that_gives_its_readings_is_not_asked_what_was_noticed_first() {
        String en = "Last Tuesday a seven-year-old mare came in with colic: heart rate 64, reflux through the tube, "
                + "and on ultrasound distended loops of small intestine. We took her to surgery within forty minutes and "
                + "found a strangulating lipoma; she went home a week later.";
        String ru = "В прошлый вторник привезли кобылу с коликами: пульс 64, рефлюкс через зонд, на УЗИ растянутые "
                + "петли тонкого кишечника. Через сорок минут мы уже оперировали и нашли странгулирующую липому; "
                + "через неделю она уехала домой.";
        for (Language language : Language.builtIn()) {
            Reply reply = say(start(language), language == Language.RUSSIAN ? ru : en);

            assertThat(reply.message().move()).as(reply.message().text()).isEqualTo(MoveType.PROBE_DECISION.code());
            assertThat(TestInterviews.whole(reply.interview()).memory().latestEpisode().cues()).isNotEmpty();
        }
    }

    @Test
    void a_career_summary_is_followed_by_the_next_background_question_not_by_a_request_for_any_case() {
        for (Language language : Language.builtIn()) {
            boolean ru = language == Language.RUSSIAN;
            Reply reply = say(start(language), ru ? "Я пришла в сыроварение студенткой, на ферме в Альпах."
                    : "I fell for it as a student, on a farm in the Alps.");
            reply = say(reply, ru ? "Двадцать два года. Восемь лет на семейной сыроварне, потом технолог на заводе, "
                    + "последние девять лет руковожу цехом выдержки." : "Twenty-two years. Eight years at a family "
                    + "dairy, then technologist at a plant, and for the last nine years I have run the ageing cellar.");

            assertThat(reply.message().move()).as(reply.message().text()).isEqualTo(MoveType.NEW_TOPIC.code());
            assertThat(reply.message().text()).as(reply.message().text())
                    .doesNotContainIgnoringCase("one time you remember").doesNotContainIgnoringCase("case you recall")
                    .doesNotContain("хотя бы один такой случай");
        }
    }

    @Test
    void turning_points_of_growth_are_asked_about_one_at_a_time_in_the_experts_words() {
        Reply reply = start(Language.ENGLISH);
        while (!reply.completed() && reply.message().stage() != Stage.GROWTH_PATH) {
            reply = say(reply, "Nothing more to add, honestly.");
        }
        assertThat(reply.message().stage()).isEqualTo(Stage.GROWTH_PATH);
        reply = say(reply, "Turning points: my first night shift alone in my second year, running the cellar after "
                + "five years, and rebuilding the brine room after eight.");

        assertThat(reply.message().move()).as(reply.message().text()).isEqualTo(MoveType.DEEPEN_EXAMPLE.code());
        assertThat(reply.message().text()).as(reply.message().text())
                .contains("my first night shift alone in my second year")
                .doesNotContainIgnoringCase("one time you remember");

        // the same list again: its first item was quoted, so it is asked without the quote, never left unphrased
        Reply again = say(reply, "Turning points: my first night shift alone in my second year, running the cellar "
                + "after five years, and rebuilding the brine room after eight.");
        assertThat(again.message().text()).isNotBlank().doesNotContain("my first night shift alone");
        assertThat(again.message().fallback()).isFalse();
    }

    @Test
    void a_statement_about_the_work_is_asked_for_an_instance_in_the_experts_words() {
        Reply reply = start(Language.ENGLISH);
        while (!reply.completed() && reply.message().stage() != Stage.ESSENCE) {
            reply = say(reply, "Nothing more to add, honestly.");
        }
        reply = say(reply, "Decision-maker under time pressure. The cutting is the easy part; deciding whether to "
                + "cut, and when, is the job.");

        assertThat(reply.message().move()).as(reply.message().text()).isEqualTo(MoveType.DEEPEN_EXAMPLE.code());
        assertThat(reply.message().text()).as(reply.message().text())
                .contains("deciding whether to cut, and when, is the job").doesNotContain("one small example");
    }

    @Test
    void what_was_noticed_is_not_asked_once_the_expert_has_said_it() {
        Reply reply = say(start(Language.ENGLISH), "I fell for it as a student, on a farm in the Alps.");
        reply = say(reply, "Two weeks ago a pony came in at 2 a.m., painful but with a normal heart rate. The "
                + "resident wanted to wait. We went in within the hour and she went home on Friday.");
        // the story gives its reading, so the first probe asks what they made of it
        assertThat(reply.message().move()).as(reply.message().text()).isEqualTo(MoveType.PROBE_DECISION.code());
        reply = say(reply, "Waiting with fluids or going straight to surgery. The tight band I felt rectally was the "
                + "decider.");

        assertThat(reply.message().move()).as(reply.message().text()).isNotEqualTo(MoveType.PROBE_CUE.code());
    }

    @Test
    void a_case_is_not_asked_for_twice_in_a_row_in_other_words() {
        Reply reply = start(Language.ENGLISH);
        while (!reply.completed() && reply.message().stage() != Stage.ESSENCE) {
            reply = say(reply, "Nothing more to add, honestly.");
        }
        int casesAsked = 0;
        for (int i = 0; i < 8 && !reply.completed() && reply.message().stage() == Stage.ESSENCE; i++) {
            String asked = reply.message().move();
            casesAsked += asked.equals(MoveType.DEEPEN_EXAMPLE.code()) ? 1 : 0;
            reply = say(reply, "Horses that go home and work again; we follow them up at three and six months and "
                    + "log it in a spreadsheet (" + i + ").");
            if (asked.equals(MoveType.DEEPEN_EXAMPLE.code())) {
                assertThat(reply.message().move()).as(reply.message().text())
                        .isNotEqualTo(MoveType.DEEPEN_EXAMPLE.code());
            }
        }
        assertThat(casesAsked).as("a case was asked for at all").isPositive();
    }
}
