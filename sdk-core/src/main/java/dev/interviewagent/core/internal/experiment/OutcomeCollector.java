package dev.interviewagent.core.internal.experiment;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.experiment.Figure;
import dev.interviewagent.core.experiment.OutcomeReport.Comparison;
import dev.interviewagent.core.experiment.OutcomeReport.Estimate;
import dev.interviewagent.core.experiment.OutcomeReport.Group;
import dev.interviewagent.core.experiment.OutcomeReport;
import dev.interviewagent.core.experiment.StyleAssignment;
import dev.interviewagent.core.experiment.Verdict;
import dev.interviewagent.core.guide.InterviewStyles;
import dev.interviewagent.core.internal.analysis.AnswerAnalyzer;
import dev.interviewagent.core.spi.InterviewPage;
import dev.interviewagent.core.spi.InterviewQuery;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.core.spi.InterviewSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * Reads a store into an {@link OutcomeReport}: pages through the query, keeps the finished interviews (of the
 * experiment, when one is set), groups their outcomes by language and style, estimates every figure with its 95 %
 * interval and compares every pair of styles.
 */
public final class OutcomeCollector {

    private final AnswerAnalyzer analyzer;
    private final int minimumPerGroup;

    public OutcomeCollector(AnswerAnalyzer analyzer, int minimumPerGroup) {
        this.analyzer = analyzer;
        this.minimumPerGroup = minimumPerGroup;
    }

    /** Reads the store and builds the report. */
    public OutcomeReport collect(InterviewStore store, InterviewQuery query, @Nullable String experiment,
                                 List<String> styleOrder, Instant now) {
        int read = 0;
        int inProgress = 0;
        int outside = 0;
        List<InterviewOutcome> outcomes = new ArrayList<>();
        InterviewPage page = store.list(query);
        while (true) {
            for (InterviewSummary summary : page.items()) {
                read++;
                if (summary.status().isActive()) {
                    inProgress++;
                    continue;
                }
                Optional<Interview> loaded = store.load(summary.id());
                if (loaded.isEmpty()) {
                    continue;                          // deleted since it was listed
                }
                Interview interview = loaded.get();
                if (interview.isActive()) {
                    inProgress++;
                } else if (experiment != null && !StyleAssignment.recordedOn(interview)
                        .map(a -> a.experiment().equals(experiment)).orElse(false)) {
                    outside++;
                } else {
                    outcomes.add(InterviewOutcome.of(interview, store.turns(interview.id()), analyzer));
                }
            }
            if (page.nextCursor().isEmpty()) {
                break;
            }
            page = store.list(query.after(page.nextCursor().get()));
        }
        return report(outcomes, experiment, styleOrder, now, read, inProgress, outside);
    }

    /** The report over outcomes already read. */
    OutcomeReport report(List<InterviewOutcome> outcomes, @Nullable String experiment, List<String> styleOrder,
                         Instant now, int read, int inProgress, int outside) {
        List<String> styles = outcomes.stream().map(InterviewOutcome::style).distinct()
                .sorted(styleOrder(styleOrder)).toList();
        List<Language> languages = outcomes.stream().map(InterviewOutcome::language).distinct().sorted().toList();
        Map<String, Predicate<InterviewOutcome>> scopes = new LinkedHashMap<>();
        if (languages.size() > 1) {
            scopes.put(OutcomeReport.ALL_LANGUAGES, o -> true);
        }
        for (Language language : languages) {
            scopes.put(language.code(), o -> o.language() == language);
        }
        List<Group> groups = new ArrayList<>();
        List<Comparison> comparisons = new ArrayList<>();
        OutcomeText english = OutcomeText.of(Language.ENGLISH);
        for (Map.Entry<String, Predicate<InterviewOutcome>> scope : scopes.entrySet()) {
            List<Group> inScope = new ArrayList<>();
            for (String style : styles) {
                List<InterviewOutcome> of = outcomes.stream().filter(scope.getValue())
                        .filter(o -> o.style().equals(style)).toList();
                if (!of.isEmpty()) {
                    inScope.add(group(scope.getKey(), style, of));
                }
            }
            groups.addAll(inScope);
            for (int i = 0; i < inScope.size(); i++) {
                for (int j = i + 1; j < inScope.size(); j++) {
                    for (Figure figure : Figure.values()) {
                        comparisons.add(compare(scope.getKey(), figure, inScope.get(i), inScope.get(j), english));
                    }
                }
            }
        }
        return new OutcomeReport(OutcomeReport.SCHEMA_VERSION, experiment, now, 0.95, minimumPerGroup, read,
                inProgress, outside, groups, comparisons);
    }

    /** The experiment's arms first, then the built-in styles in their order, then any other by code. */
    private static Comparator<String> styleOrder(List<String> first) {
        return Comparator.<String>comparingInt(style -> rank(first, style))
                .thenComparingInt(style -> rank(InterviewStyles.BUILT_IN_CODES, style))
                .thenComparing(Comparator.naturalOrder());
    }

    private static int rank(List<String> order, String style) {
        int index = order.indexOf(style);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private static Group group(String language, String style, List<InterviewOutcome> outcomes) {
        List<Estimate> estimates = new ArrayList<>();
        estimates.add(proportion(Figure.COMPLETION_RATE,
                (int) outcomes.stream().filter(InterviewOutcome::completed).count(), outcomes.size()));
        estimates.add(mean(Figure.STAGES_REACHED, values(outcomes, InterviewOutcome::stagesReached)));
        estimates.add(mean(Figure.ANSWERS, values(outcomes, InterviewOutcome::answers)));
        estimates.add(mean(Figure.DURATION_MINUTES, values(outcomes, InterviewOutcome::durationMinutes)));
        estimates.add(mean(Figure.EXAMPLES, values(outcomes, InterviewOutcome::examples)));
        estimates.add(mean(Figure.PROCESSES, values(outcomes, InterviewOutcome::processes)));
        estimates.add(mean(Figure.FAILURE_MODES, values(outcomes, InterviewOutcome::failureModes)));
        estimates.add(proportion(Figure.VAGUE_CHALLENGED,
                outcomes.stream().mapToInt(InterviewOutcome::vagueChallenged).sum(),
                outcomes.stream().mapToInt(InterviewOutcome::vagueAnswers).sum()));
        estimates.add(mean(Figure.MEMBER_CHECK_RATING, outcomes.stream().map(InterviewOutcome::rating)
                .filter(r -> r != null).mapToDouble(Integer::doubleValue).toArray()));
        return new Group(language, style, outcomes.size(), estimates);
    }

    private static double[] values(List<InterviewOutcome> outcomes, ToDoubleFunction<InterviewOutcome> figure) {
        return outcomes.stream().mapToDouble(figure).toArray();
    }

    static Estimate proportion(Figure figure, int successes, int n) {
        if (n == 0) {
            return new Estimate(figure, 0, 0, null, null, null, null);
        }
        Statistics.Interval interval = Statistics.wilson(successes, n);
        return new Estimate(figure, n, successes, (double) successes / n, null, interval.low(), interval.high());
    }

    static Estimate mean(Figure figure, double[] values) {
        int n = values.length;
        if (n == 0) {
            return new Estimate(figure, 0, null, null, null, null, null);
        }
        double mean = Statistics.mean(values);
        if (n == 1) {
            return new Estimate(figure, 1, null, mean, null, null, null);
        }
        double sd = Statistics.sd(values);
        Statistics.Interval interval = Statistics.meanInterval(mean, sd, n);
        // The t interval is symmetric; a count cannot be below 0 nor a rating outside 1-4, so it is cut to the range.
        double[] range = range(figure);
        return new Estimate(figure, n, null, mean, sd, Math.max(range[0], interval.low()),
                Math.min(range[1], interval.high()));
    }

    /** The values a mean figure can take. */
    private static double[] range(Figure figure) {
        return switch (figure) {
            case MEMBER_CHECK_RATING -> new double[] {1, 4};
            case STAGES_REACHED -> new double[] {0, 9};
            default -> new double[] {0, Double.MAX_VALUE};
        };
    }

    private Comparison compare(String language, Figure figure, Group groupA, Group groupB, OutcomeText text) {
        Estimate a = groupA.estimate(figure);
        Estimate b = groupB.estimate(figure);
        Verdict verdict = Verdict.TOO_FEW;
        Statistics.TestResult test = null;
        if (a.n() >= minimumPerGroup && b.n() >= minimumPerGroup) {
            test = figure.kind() == Figure.Kind.PROPORTION
                    ? Statistics.compareProportions(count(a.successes()), a.n(), count(b.successes()), b.n())
                    : Statistics.welch(number(a.value()), number(a.sd()), a.n(), number(b.value()),
                    number(b.sd()), b.n());
            verdict = test.pValue() < Statistics.ALPHA ? Verdict.DIFFERENT : Verdict.NOT_SIGNIFICANT;
        }
        String higher = verdict != Verdict.DIFFERENT ? null
                : number(a.value()) > number(b.value()) ? groupA.style() : groupB.style();
        Boolean overlap = a.low() == null || a.high() == null || b.low() == null || b.high() == null ? null
                : a.low() <= b.high() && b.low() <= a.high();
        Comparison draft = new Comparison(language, figure, groupA.style(), groupB.style(), verdict, higher,
                figure.higherIsBetter() ? higher : null, test == null ? null : test.test(),
                test == null ? null : test.statistic(), test == null ? null : test.pValue(), overlap, "");
        String summary = text.summary(draft, a, b, groupA.style(), groupB.style(), minimumPerGroup);
        return new Comparison(language, figure, groupA.style(), groupB.style(), verdict, higher, draft.better(),
                draft.test(), draft.statistic(), draft.pValue(), overlap, summary);
    }

    private static int count(@Nullable Integer value) {
        return value == null ? 0 : value;
    }

    private static double number(@Nullable Double value) {
        return value == null ? 0 : value;
    }
}
