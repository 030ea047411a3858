package dev.interviewagent.testkit.lang;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.guide.InterviewGuide;
import dev.interviewagent.core.guide.InterviewStyles;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.internal.analysis.RuleBasedAnswerAnalyzer;
import dev.interviewagent.core.internal.guard.OneQuestionGuard;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A third language added as data only: the test resources hold a German pack ({@code dev/interviewagent/core/lang/de/})
 * and name it in {@code META-INF/interview-agent/languages}; no Java knows German.
 */
class LanguagePackTest {

    private static final Language GERMAN = Language.of("de");

    @Test
    void should_list_a_pack_found_on_the_classpath_after_the_built_in_languages() {
        assertThat(Language.available()).containsExactly(Language.ENGLISH, Language.RUSSIAN, GERMAN);
        assertThat(Language.builtIn()).containsExactly(Language.ENGLISH, Language.RUSSIAN);
        assertThat(GERMAN.isBuiltIn()).isFalse();
        assertThat(GERMAN.locale()).isEqualTo(Locale.GERMAN);
        assertThat(Language.fromCode("de-AT")).containsSame(GERMAN);
        assertThat(Language.fromCode("fr")).isEmpty();
    }

    @Test
    void should_read_and_write_a_pack_language_by_its_code() throws Exception {
        ObjectMapper json = new ObjectMapper();

        assertThat(json.writeValueAsString(GERMAN)).isEqualTo("\"de\"");
        assertThat(json.readValue("\"de\"", Language.class)).isSameAs(GERMAN);
    }

    @Test
    void should_flag_vague_german_answers_with_the_pack_lexicon() {
        RuleBasedAnswerAnalyzer analyzer = new RuleBasedAnswerAnalyzer();

        AnswerAnalysis vague = analyzer.analyze("Naja, wie immer, ganz normal eben.", GERMAN);
        AnswerAnalysis concrete = analyzer.analyze(
                "Letzte Woche hat ein Kunde angerufen, zuerst haben wir die Protokolle geprüft, dann den Server.",
                GERMAN);

        assertThat(vague.evasivePhrases()).containsExactly("wie immer", "ganz normal");
        assertThat(concrete.evasivePhrases()).isEmpty();
        assertThat(concrete.hasExample()).isTrue();
        assertThat(vague.detectedLanguage()).isSameAs(GERMAN);
    }

    @Test
    void should_keep_english_and_russian_analysis_free_of_the_pack_lexicon() {
        RuleBasedAnswerAnalyzer analyzer = new RuleBasedAnswerAnalyzer();

        assertThat(analyzer.analyze("Naja, wie immer, ganz normal eben.", Language.ENGLISH).evasivePhrases())
                .isEmpty();
        assertThat(analyzer.analyze("As usual, nothing special.", Language.ENGLISH).evasivePhrases())
                .containsExactly("As usual", "nothing special");
    }

    @Test
    void should_count_and_repair_german_questions_with_the_pack_guard_patterns() {
        OneQuestionGuard guard = OneQuestionGuard.create();

        assertThat(guard.countQuestions("Erzählen Sie mir von Ihrem letzten Auftrag.", GERMAN)).isEqualTo(1);
        assertThat(guard.countQuestions("Was haben Sie zuerst gemacht? Und wer hat Ihnen geholfen?", GERMAN))
                .isEqualTo(2);
        assertThat(guard.repair("Was haben Sie zuerst gemacht? Und wer hat Ihnen geholfen?", GERMAN))
                .isEqualTo("Was haben Sie zuerst gemacht?");
    }

    @Test
    void should_add_the_pack_stage_texts_to_the_built_in_guide_and_styles() {
        InterviewGuide guide = InterviewGuide.expertise();
        InterviewStyles styles = InterviewStyles.builtIn();

        assertThat(guide.stage(Stage.OPERATIONS).seeds(GERMAN))
                .containsExactly("Wie läuft ein typischer Auftrag bei Ihnen ab, Schritt für Schritt?");
        assertThat(guide.stage(Stage.WRAP_UP).goal(GERMAN)).isEqualTo("Das Gesagte gemeinsam prüfen und abschließen.");
        assertThat(guide.stage(Stage.OPERATIONS).seeds(Language.ENGLISH)).isNotEmpty()
                .allMatch(seed -> seed.endsWith("?"));
        assertThat(styles.get("master").name(GERMAN)).isEqualTo("Meister-Interviewer");
        assertThat(styles.get("telegram").name(GERMAN)).as("a style the pack leaves out reads in English")
                .isEqualTo(styles.get("telegram").name(Language.ENGLISH));
    }
}
