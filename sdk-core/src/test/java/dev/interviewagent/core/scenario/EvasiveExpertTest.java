package dev.interviewagent.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewStatus;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StageProgress;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.spi.MoveType;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EvasiveExpertTest {

    private final InterviewEngine engine = InterviewEngine.builder().build();

    @AfterEach
    void close() {
        engine.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void should_challenge_vague_answers_then_move_on_at_the_turn_cap(Language language) {
        List<String> answers = ScriptedExperts.evasiveAnswers(language);
        Reply last = InterviewDriver.run(engine, StartRequest.builder().language(language).build(), answers);

        assertThat(last.interview().status()).isEqualTo(InterviewStatus.COMPLETED);
        List<Turn> turns = engine.transcript(last.interviewId());
        for (Stage stage : List.of(Stage.PROFILING, Stage.ESSENCE, Stage.OPERATIONS, Stage.EXPERTISE_MAP,
                Stage.FAILURE_MODES, Stage.MASTERY, Stage.GROWTH_PATH)) {
            StageProgress progress = last.interview().progress(stage);
            assertThat(progress.endReason()).as(stage.code()).isEqualTo(StageProgress.EndReason.TURN_CAP);
            assertThat(progress.vagueChallenged()).as(stage.code()).isPositive();
            assertThat(progress.examples()).as(stage.code()).isZero();
        }
        // every challenge that quotes, quotes the respondent's own vague words; no words are quoted twice
        java.util.Set<String> quoted = new java.util.HashSet<>();
        int quoting = 0;
        for (int i = 1; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            java.util.regex.Matcher quote = java.util.regex.Pattern.compile("“([^”]+)”|«([^»]+)»").matcher(turn.text());
            boolean quotes = false;
            while (turn.isInterviewer() && quote.find()) {
                String words = (quote.group(1) != null ? quote.group(1) : quote.group(2)).toLowerCase(Locale.ROOT);
                if (answers.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).contains(words))) {
                    assertThat(quoted.add(words)).as("quoted twice: %s", words).isTrue();
                    quotes = true;
                }
            }
            if (MoveType.CLARIFY_VAGUE.code().equals(turn.move()) && quotes) {
                quoting++;
                String answer = turns.get(i - 1).text().toLowerCase(Locale.ROOT);
                String question = turn.text().toLowerCase(Locale.ROOT);
                boolean quotesAnswer = answers.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(answer))
                        && containsAnyPhraseOf(question, answer);
                assertThat(quotesAnswer).as("turn %d quotes the vague phrase of '%s': %s", turn.number(), answer,
                        turn.text()).isTrue();
            }
        }
        assertThat(turns).filteredOn(t -> MoveType.CLARIFY_VAGUE.code().equals(t.move())).hasSizeGreaterThan(7);
        assertThat(quoting).as("challenges that quote the vague words").isGreaterThanOrEqualTo(3);
        assertThat(turns).filteredOn(t -> t.depth() >= 2).isNotEmpty();
    }

    /** Whether the question contains a run of at least one whole word sequence of the answer (its vague phrase). */
    private static boolean containsAnyPhraseOf(String question, String answer) {
        String[] words = answer.replaceAll("[^\\p{L}\\s-]", " ").trim().split("\\s+");
        for (int length = words.length; length >= 1; length--) {
            for (int start = 0; start + length <= words.length; start++) {
                String phrase = String.join(" ", java.util.Arrays.copyOfRange(words, start, start + length));
                if (phrase.length() >= 5 && question.contains(phrase)) {
                    return true;
                }
            }
        }
        return false;
    }
}
