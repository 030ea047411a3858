package dev.interviewagent.testkit.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewStatus;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.brain.MethodologyBrain;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.report.KnowledgeReport;
import dev.interviewagent.core.report.ReportFormat;
import dev.interviewagent.core.spi.MoveType;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A whole interview in German, a language that exists only as the test resources' pack: the offline
 * {@link MethodologyBrain} phrases from the pack's templates, the analyzer reads vague answers with the pack's
 * lexicon, and the guide's German seeds open the stages.
 */
class GermanInterviewTest {

    private static final Language GERMAN = Language.of("de");
    private static final int MAX_ANSWERS = 200;

    /** A small respondent: a vague answer, then concrete ones with an example, steps, numbers and a mistake. */
    private static final List<String> ANSWERS = List.of(
            "Naja, wie immer.",
            "Letzte Woche hat ein Kunde angerufen, weil die Anlage stand. Zuerst habe ich die Protokolle geprüft, "
                    + "dann den Sensor getauscht, danach lief alles wieder nach 40 Minuten.",
            "Das ist ganz normal, kommt darauf an.",
            "Vor 3 Jahren habe ich einen Fehler gemacht: ich habe die Warnung übersehen und die Pumpe ist kaputt "
                    + "gegangen. Seitdem prüfe ich jeden Morgen den Druck, das dauert 5 Minuten.");

    private static final Pattern ENGLISH_WORDS = Pattern.compile("\\b(the|you|your|what|could|thank)\\b");
    private static final Pattern GERMAN_WORDS = Pattern.compile("\\b(sie|ihr|ihre|ihnen|was|wie|welche|welcher"
            + "|danke|wir|das|der|die|ich)\\b");

    private final InterviewEngine engine = InterviewEngine.builder().brain(MethodologyBrain.create()).build();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void should_run_a_whole_interview_in_a_pack_language() {
        Reply reply = engine.start(StartRequest.builder().language(GERMAN).build());
        int n = 0;
        while (!reply.completed()) {
            assertThat(n).as("answers before the interview ends").isLessThan(MAX_ANSWERS);
            reply = engine.answer(reply.interviewId(), Answer.text("a-" + n, ANSWERS.get(n % ANSWERS.size())));
            n++;
        }

        assertThat(reply.interview().status()).isEqualTo(InterviewStatus.COMPLETED);
        assertThat(reply.interview().language()).isSameAs(GERMAN);
        List<Turn> turns = engine.transcript(reply.interviewId());
        List<Turn> questions = turns.stream().filter(Turn::isInterviewer).toList();
        assertThat(questions).hasSizeGreaterThan(10);
        for (Turn turn : questions) {
            String text = turn.text().toLowerCase(Locale.ROOT);
            assertThat(ENGLISH_WORDS.matcher(text).find()).as("English in turn %d: %s", turn.number(), turn.text())
                    .isFalse();
            assertThat(GERMAN_WORDS.matcher(text).find()).as("German in turn %d: %s", turn.number(), turn.text())
                    .isTrue();
            long marks = turn.text().chars().filter(c -> c == '?').count();
            if (MoveType.CLOSE.code().equals(turn.move())) {
                assertThat(marks).as("the close asks nothing: %s", turn.text()).isZero();
            } else {
                assertThat(marks).as("one question in turn %d: %s", turn.number(), turn.text()).isEqualTo(1);
            }
        }

        // a vague answer is followed by a question that digs into it, quoting the vague words
        List<Turn> afterVague = followingQuestions(turns, "Naja, wie immer.");
        assertThat(afterVague).isNotEmpty();
        assertThat(afterVague).anyMatch(turn -> MoveType.CLARIFY_VAGUE.code().equals(turn.move())
                && turn.text().contains("„wie immer“"));
        assertThat(turns).filteredOn(turn -> MoveType.CLARIFY_VAGUE.code().equals(turn.move())).hasSizeGreaterThan(2);

        // the stages advance through the guide, opened by the pack's German seeds
        Set<Stage> reached = EnumSet.noneOf(Stage.class);
        questions.forEach(turn -> reached.add(turn.stage()));
        assertThat(reached).contains(Stage.GREETING, Stage.OPERATIONS, Stage.FAILURE_MODES, Stage.WRAP_UP);
        assertThat(questions).anyMatch(turn -> turn.text().contains(
                "Wie läuft ein typischer Auftrag bei Ihnen ab, Schritt für Schritt?"));

        KnowledgeReport report = engine.report(reply.interviewId());
        assertThat(report.language()).isEqualTo("de");
        assertThat(report.isFinal()).isTrue();
        assertThat(report.examples()).isNotEmpty();
        assertThat(report.stages()).isNotEmpty();
        assertThat(engine.report(reply.interviewId(), ReportFormat.MARKDOWN)).contains("Wie die Arbeit abläuft");
    }

    private static List<Turn> followingQuestions(List<Turn> turns, String answer) {
        return java.util.stream.IntStream.range(1, turns.size())
                .filter(i -> turns.get(i).isInterviewer() && turns.get(i - 1).isRespondent()
                        && turns.get(i - 1).text().equals(answer))
                .mapToObj(turns::get).toList();
    }
}
