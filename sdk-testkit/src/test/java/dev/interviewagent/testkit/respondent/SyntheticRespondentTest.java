package dev.interviewagent.testkit.respondent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.testkit.persona.Persona;
import dev.interviewagent.testkit.persona.Personas;
import org.junit.jupiter.api.Test;

/** The synthetic respondent answers the question it is asked, whatever the stage, with the persona's behaviours. */
class SyntheticRespondentTest {

    private final Persona cheesemaker = Personas.builtIn("en/cheesemaker");
    private final Persona dispatcher = Personas.builtIn("ru/railway-dispatcher");   // no tacit evasion

    @Test
    void answers_the_question_asked_not_the_stage() {
        SyntheticRespondent expert = SyntheticRespondent.of(cheesemaker, 1);
        Utterance steps = expert.answer("Could you walk me through it step by step?");
        Utterance story = expert.answer("Thanks. Could you give me one specific example — a particular time?");
        Utterance mistake = expert.answer("What is the most common mistake in your work?");

        assertThat(steps.kind()).isEqualTo(AnswerKind.PROCESS);
        assertThat(steps.text()).startsWith("First, I");
        assertThat(story.kind()).isEqualTo(AnswerKind.EPISODE);
        assertThat(story.told()).singleElement().asString().startsWith("episode:");
        assertThat(mistake.kind()).isEqualTo(AnswerKind.FAILURE);
    }

    @Test
    void a_probe_of_the_story_just_told_gets_that_story_s_cue_then_its_options() {
        SyntheticRespondent expert = SyntheticRespondent.of(dispatcher, 1);
        Utterance story = expert.answer("Вспомните конкретный случай из практики?");
        Utterance cue = expert.answer("Что вы заметили первым в той ситуации?");
        Utterance options = expert.answer("Какие варианты вы тогда взвешивали?");

        Persona.Episode told = dispatcher.episodes().stream()
                .filter(e -> story.told().contains("episode:" + e.id())).findFirst().orElseThrow();
        assertThat(cue.text()).isIn(told.cue(), SyntheticRespondent.firstSentence(told.cue()));
        assertThat(options.kind()).isEqualTo(AnswerKind.EPISODE_PROBE);
        assertThat(options.text()).isNotEqualTo(cue.text());
    }

    @Test
    void a_tired_expert_says_nothing_more_once_the_pool_is_used_up() {
        Persona fatigued = Personas.builtIn("en/emergency-dispatcher");     // fatigue on, corrector off
        assertThat(fatigued.behaviours().fatigue()).isTrue();
        SyntheticRespondent expert = SyntheticRespondent.of(fatigued, 1);
        Utterance last = null;
        for (int i = 0; i <= fatigued.advice().size(); i++) {
            last = expert.answer("What advice would you give your younger self?");
        }
        assertThat(last.kind()).isEqualTo(AnswerKind.NOTHING_MORE);
        assertThat(fatigued.nothingMore()).contains(last.text());
    }

    @Test
    void a_corrector_asked_again_for_known_facts_says_as_i_said() {
        SyntheticRespondent expert = SyntheticRespondent.of(cheesemaker, 1);
        expert.answer("How long have you been doing this work, and in which roles?");
        Utterance again = expert.answer("How many years have you worked in this field?");
        assertThat(again.kind()).isEqualTo(AnswerKind.AS_I_SAID);
        assertThat(again.text()).startsWith("As I said,");
    }

    @Test
    void a_tacit_evader_says_you_just_know_then_makes_the_cue_explicit_when_probed() {
        SyntheticRespondent expert = SyntheticRespondent.of(cheesemaker, 1);
        Utterance tacit = expert.answer("Why does that work — what's the principle behind it?");
        Utterance explicit = expert.answer("When you get that feeling, what exactly are you noticing?");
        assertThat(tacit.kind()).isEqualTo(AnswerKind.TACIT);
        assertThat(cheesemaker.tacit().phrases()).contains(tacit.text());
        assertThat(explicit.kind()).isEqualTo(AnswerKind.TACIT_EXPLICIT);
    }

    @Test
    void the_same_seed_gives_the_same_answers() {
        String[] questions = {"What first drew you into this line of work?", "Can you give me an example?",
                "What did you notice first?", "What options did you weigh?", "Why does that work?"};
        SyntheticRespondent a = SyntheticRespondent.of(cheesemaker, 7);
        SyntheticRespondent b = SyntheticRespondent.of(cheesemaker, 7);
        for (String q : questions) {
            assertThat(a.answer(q)).isEqualTo(b.answer(q));
        }
    }
}
