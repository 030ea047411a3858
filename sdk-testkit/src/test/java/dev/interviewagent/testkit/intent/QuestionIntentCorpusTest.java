package dev.interviewagent.testkit.intent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Language;
import dev.interviewagent.testkit.intent.LabelledQuestions.LabelledQuestion;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the classifier against the labelled corpus: every row on its own, and per language the accuracy and the
 * per-intent precision and recall (written to the test log, so a change to the rules shows what it cost).
 */
class QuestionIntentCorpusTest {

    private static final Logger LOG = LoggerFactory.getLogger(QuestionIntentCorpusTest.class);
    private static final int MIN_ROWS = 100;
    private static final int MIN_ROWS_PER_INTENT = 4;
    private static final double MIN_ACCURACY = 0.9;

    private final QuestionIntentClassifier classifier = QuestionIntentClassifier.create();

    static Stream<LabelledQuestion> rows() {
        return Language.builtIn().stream().flatMap(language -> LabelledQuestions.of(language).stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachRowIsClassifiedAsLabelled(LabelledQuestion row) {
        assertThat(classifier.classify(row.message(), row.language())).as(row.toString()).isEqualTo(row.intent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void corpusCoversEveryIntent(Language language) {
        List<LabelledQuestion> rows = LabelledQuestions.of(language);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(MIN_ROWS);
        Map<QuestionIntent, Integer> perIntent = new EnumMap<>(QuestionIntent.class);
        rows.forEach(row -> perIntent.merge(row.intent(), 1, Integer::sum));
        for (QuestionIntent intent : QuestionIntent.values()) {
            assertThat(perIntent.getOrDefault(intent, 0)).as("rows labelled %s", intent)
                    .isGreaterThanOrEqualTo(MIN_ROWS_PER_INTENT);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void accuracyAndPerIntentPrecisionAndRecall(Language language) {
        List<LabelledQuestion> rows = LabelledQuestions.of(language);
        Map<QuestionIntent, int[]> counts = new EnumMap<>(QuestionIntent.class); // {true pos, predicted, actual}
        for (QuestionIntent intent : QuestionIntent.values()) {
            counts.put(intent, new int[3]);
        }
        List<String> wrong = new ArrayList<>();
        for (LabelledQuestion row : rows) {
            QuestionIntent predicted = classifier.classify(row.message(), language);
            counts.get(predicted)[1]++;
            counts.get(row.intent())[2]++;
            if (predicted == row.intent()) {
                counts.get(predicted)[0]++;
            } else {
                wrong.add(row + " -> " + predicted);
            }
        }
        double accuracy = (rows.size() - wrong.size()) / (double) rows.size();
        LOG.info("{}", report(language, rows.size(), accuracy, counts, wrong));
        assertThat(accuracy).as("accuracy (%s); wrong: %s", language, wrong).isGreaterThanOrEqualTo(MIN_ACCURACY);
    }

    @Test
    void reportIsReadable() {
        Map<QuestionIntent, int[]> counts = new EnumMap<>(QuestionIntent.class);
        counts.put(QuestionIntent.CUE, new int[] {1, 2, 1});
        assertThat(report(Language.ENGLISH, 2, 0.5, counts, List.of("x")))
                .contains("accuracy 0.500").contains("CUE").contains("0.50").contains("x");
    }

    private static String report(Language language, int total, double accuracy, Map<QuestionIntent, int[]> counts,
                                 List<String> wrong) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%n%s: %d rows, accuracy %.3f%n",
                language, total, accuracy));
        out.append(String.format(Locale.ROOT, "%-14s %9s %7s %7s%n", "intent", "precision", "recall", "rows"));
        counts.forEach((intent, c) -> out.append(String.format(Locale.ROOT, "%-14s %9.2f %7.2f %7d%n", intent,
                c[1] == 0 ? 1.0 : c[0] / (double) c[1], c[2] == 0 ? 1.0 : c[0] / (double) c[2], c[2])));
        wrong.forEach(line -> out.append("  wrong: ").append(line).append('\n'));
        return out.toString();
    }
}
