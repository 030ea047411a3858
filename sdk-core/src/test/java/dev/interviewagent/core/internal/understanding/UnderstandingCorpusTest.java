package dev.interviewagent.core.internal.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Language;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scores the reader against the labelled corpora in {@code src/test/resources/understanding/answers.*.tsv} and
 * prints a precision/recall table per label.
 *
 * <p>Labelling rules (the rows were labelled by these definitions before the reader's rules were written):
 * <ul>
 *   <li>EPISODE — one specific past occurrence (usually anchored in time, told in the past, with an outcome); a
 *       habit, a hypothetical or "I've done this for 18 years" is not one. A failure told as a one-off story is an
 *       episode too.
 *   <li>STEPS — at least two actions in an explicit order (sequence words or numbering); the plot of a story is not.
 *   <li>FAILURE — a mistake or failure in the practice (the expert, the team, a trainee) presented as such, with a
 *       warning sign, a consequence or a fix; equipment breakdowns and third parties' errors alone are not.
 *   <li>PRINCIPLE — a rule (also a lesson stated as a rule: "always wet the core", "so don't skip it", "X is the
 *       key"), or a general explanation of why something works; a reason for one past event is not.
 *   <li>TACIT — the expert says the knowledge is felt, seen at a glance, hard to put into words or comes with
 *       experience.
 *   <li>FATIGUE — nothing more to add, a request to stop, or tired now.
 *   <li>META — points back at the conversation ("as I said", "you asked that") or asks about the question; a
 *       pleasantry such as "good question" is not.
 *   <li>FACT — states the speaker's own years of experience, role or organisation.
 * </ul>
 */
class UnderstandingCorpusTest {

    private static final double MIN_PRECISION = 0.9;
    private static final double MIN_RECALL = 0.9;
    private static final int MIN_ROWS = 420;
    private static final int MIN_POSITIVES = 40;

    private static final AnswerReader READER = new AnswerReader();

    record Row(int line, Set<ContentLabel> labels, String answer) {}

    static List<Row> corpus(Language language) throws IOException {
        String resource = "/understanding/answers." + language.code() + ".tsv";
        try (InputStream in = UnderstandingCorpusTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                assertThat(parts).as("line %d has a label column and an answer", i + 1).hasSize(2);
                Set<ContentLabel> labels = EnumSet.noneOf(ContentLabel.class);
                if (!parts[0].equals("-")) {
                    for (String label : parts[0].split(",")) {
                        labels.add(ContentLabel.valueOf(label.trim()));
                    }
                }
                rows.add(new Row(i + 1, labels, parts[1]));
            }
            return rows;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void corpusIsBigEnoughAndWellFormed(Language language) throws IOException {
        List<Row> rows = corpus(language);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(MIN_ROWS);
        Map<ContentLabel, Integer> positives = new EnumMap<>(ContentLabel.class);
        for (Row row : rows) {
            int words = row.answer().trim().split("\\s+").length;
            assertThat(words).as("line %d word count", row.line()).isBetween(1, 120);
            row.labels().forEach(label -> positives.merge(label, 1, Integer::sum));
        }
        for (ContentLabel label : ContentLabel.values()) {
            assertThat(positives.getOrDefault(label, 0)).as("%s positives in %s", label, language)
                    .isGreaterThanOrEqualTo(MIN_POSITIVES);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void everyLabelHasPrecisionAndRecallOfAtLeastNinetyPercent(Language language) throws IOException {
        List<Row> rows = corpus(language);
        Map<ContentLabel, int[]> counts = new EnumMap<>(ContentLabel.class);
        for (ContentLabel label : ContentLabel.values()) {
            counts.put(label, new int[3]);
        }
        StringBuilder misses = new StringBuilder();
        for (Row row : rows) {
            Set<ContentLabel> found = READER.read(row.answer(), language).labels();
            for (ContentLabel label : ContentLabel.values()) {
                boolean expected = row.labels().contains(label);
                boolean actual = found.contains(label);
                int[] c = counts.get(label);
                if (expected && actual) {
                    c[0]++;
                } else if (actual) {
                    c[1]++;
                    misses.append(String.format("  FP %-9s line %3d: %s%n", label, row.line(), clip(row.answer())));
                } else if (expected) {
                    c[2]++;
                    misses.append(String.format("  FN %-9s line %3d: %s%n", label, row.line(), clip(row.answer())));
                }
            }
        }
        StringBuilder table = new StringBuilder(String.format("%nanswer understanding, %s, %d answers%n",
                language, rows.size()));
        table.append(String.format("%-10s %5s %4s %4s %4s %9s %7s%n", "label", "gold", "tp", "fp", "fn",
                "precision", "recall"));
        List<String> failures = new ArrayList<>();
        for (ContentLabel label : ContentLabel.values()) {
            int[] c = counts.get(label);
            double precision = c[0] + c[1] == 0 ? 1 : c[0] / (double) (c[0] + c[1]);
            double recall = c[0] + c[2] == 0 ? 1 : c[0] / (double) (c[0] + c[2]);
            table.append(String.format("%-10s %5d %4d %4d %4d %9.3f %7.3f%n", label, c[0] + c[2], c[0], c[1], c[2],
                    precision, recall));
            if (precision < MIN_PRECISION || recall < MIN_RECALL) {
                failures.add(String.format("%s P=%.3f R=%.3f", label, precision, recall));
            }
        }
        System.out.print(table);
        System.out.print(misses);
        assertThat(failures).as("labels under %.2f precision or recall in %s", MIN_PRECISION, language).isEmpty();
    }

    private static String clip(String answer) {
        return answer.length() <= 110 ? answer : answer.substring(0, 107) + "...";
    }
}
