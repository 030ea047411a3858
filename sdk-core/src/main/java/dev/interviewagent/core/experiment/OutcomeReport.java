package dev.interviewagent.core.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.interviewagent.core.internal.analysis.AnswerAnalyzer;
import dev.interviewagent.core.internal.experiment.OutcomeCollector;
import dev.interviewagent.core.spi.InterviewQuery;
import dev.interviewagent.core.spi.InterviewStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How interview styles compare on their outcomes: for every style and language, figures over the finished interviews
 * of a store (completion rate, stages reached, answers, duration, examples, processes and failure modes per
 * interview, the share of vague answers challenged, the member-check rating), each with its count and 95 %
 * confidence interval, and a plain verdict for every pair of styles on every figure.
 *
 * <pre>{@code
 * OutcomeReport report = OutcomeReport.builder(store)
 *         .experiment(experiment)                        // only the interviews it assigned
 *         .query(InterviewQuery.builder().startedFrom(launch).build())
 *         .build();                                       // reads the store
 * String markdown = new OutcomeReportRenderer().markdown(report, Language.ENGLISH);
 * }</pre>
 *
 * <p><b>What is counted.</b> The interviews the query lists, page by page, each loaded with its turns. Active
 * interviews are still running: they are counted in {@link #inProgress()} and left out of every figure. With an
 * experiment set, interviews that it did not assign are counted in {@link #outsideExperiment()} and left out too.
 * Without one, every interview counts by the style it ran in, and differences may come from who got which style
 * rather than from the style itself: only random assignment ({@link StyleExperiment}) makes them the style's.
 *
 * <p><b>Intervals and tests.</b> Proportions get the Wilson score interval and are compared by the two-proportion
 * z-test, or Fisher's exact test when an expected count is below 5; means get Student's t interval and are compared by
 * Welch's t-test. Each comparison is two-sided at the 5 % level; with many comparisons about one in twenty may come
 * out "different" by chance alone. A group with fewer than {@link #minimumPerGroup()} values gets no verdict.
 *
 * <p>Rendered as JSON and Markdown by {@link OutcomeReportRenderer}. Immutable; lists are in style order (the
 * experiment's arms, else the built-in styles, then others by code) and language order ({@value #ALL_LANGUAGES}
 * first when there are several).
 *
 * @param schemaVersion     the version of this JSON shape, {@value #SCHEMA_VERSION}
 * @param experiment        the experiment the report is restricted to; null for all interviews
 * @param generatedAt       when the store was read
 * @param confidenceLevel   the level of every interval, 0.95
 * @param minimumPerGroup   the fewest values a group needs for a verdict
 * @param interviewsRead    interviews listed by the query
 * @param inProgress        of those, active interviews (left out)
 * @param outsideExperiment of those, finished interviews the experiment did not assign (left out)
 * @param groups            one per language (and {@value #ALL_LANGUAGES}) and style with finished interviews
 * @param comparisons       every pair of styles within a language, on every figure
 */
@JsonPropertyOrder(alphabetic = false)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OutcomeReport(
        @JsonProperty("schema_version") String schemaVersion,
        @JsonProperty("experiment") @Nullable String experiment,
        @JsonProperty("generated_at") Instant generatedAt,
        @JsonProperty("confidence_level") double confidenceLevel,
        @JsonProperty("minimum_per_group") int minimumPerGroup,
        @JsonProperty("interviews_read") int interviewsRead,
        @JsonProperty("in_progress") int inProgress,
        @JsonProperty("outside_experiment") int outsideExperiment,
        @JsonProperty("groups") List<Group> groups,
        @JsonProperty("comparisons") List<Comparison> comparisons) {

    /** The version of the JSON shape. */
    public static final String SCHEMA_VERSION = "1.0";
    /** The language of the groups and comparisons over every language. */
    public static final String ALL_LANGUAGES = "all";
    /** The fewest values per group for a verdict unless set otherwise. */
    public static final int DEFAULT_MINIMUM_PER_GROUP = 5;

    public OutcomeReport {
        Objects.requireNonNull(schemaVersion, "schemaVersion");
        Objects.requireNonNull(generatedAt, "generatedAt");
        groups = List.copyOf(groups);
        comparisons = List.copyOf(comparisons);
    }

    /** The report over every interview of {@code store} that {@code query} lists. Reads the store. */
    public static OutcomeReport of(InterviewStore store, InterviewQuery query) {
        return builder(store).query(query).build();
    }

    /** A builder reading {@code store}: every interview, no experiment, the built-in answer analyzer. */
    public static Builder builder(InterviewStore store) {
        return new Builder(store);
    }

    /** The interviews counted in the figures: finished, and in the experiment when one is set. */
    public int interviewsCounted() {
        List<String> languages = languages();
        return languages.isEmpty() ? 0 : groups.stream().filter(g -> g.language().equals(languages.get(0)))
                .mapToInt(Group::interviews).sum();
    }

    /** The languages of the groups, in report order: {@value #ALL_LANGUAGES} first when there are several. */
    public List<String> languages() {
        return groups.stream().map(Group::language).distinct().toList();
    }

    /** The styles of the groups of one language, in report order. */
    public List<String> styles(String language) {
        return groups.stream().filter(g -> g.language().equals(language)).map(Group::style).toList();
    }

    /** The group of one language (or {@value #ALL_LANGUAGES}) and style, if it has finished interviews. */
    public Optional<Group> group(String language, String style) {
        return groups.stream().filter(g -> g.language().equals(language) && g.style().equals(style)).findFirst();
    }

    /** The comparisons within one language (or {@value #ALL_LANGUAGES}). */
    public List<Comparison> comparisons(String language) {
        return comparisons.stream().filter(c -> c.language().equals(language)).toList();
    }

    /** The comparison of two styles on one figure within one language, in either order of the styles. */
    public Optional<Comparison> comparison(String language, Figure figure, String style1, String style2) {
        return comparisons.stream().filter(c -> c.language().equals(language) && c.figure() == figure
                && ((c.styleA().equals(style1) && c.styleB().equals(style2))
                || (c.styleA().equals(style2) && c.styleB().equals(style1)))).findFirst();
    }

    /**
     * The finished interviews of one style in one language (or in {@value #ALL_LANGUAGES}) and their figures.
     *
     * @param language   a language code, or {@value #ALL_LANGUAGES}
     * @param style      the style code
     * @param interviews finished interviews counted
     * @param estimates  one per {@link Figure}, in figure order
     */
    @JsonPropertyOrder(alphabetic = false)
    public record Group(
            @JsonProperty("language") String language,
            @JsonProperty("style") String style,
            @JsonProperty("interviews") int interviews,
            @JsonProperty("estimates") List<Estimate> estimates) {

        public Group {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(style, "style");
            estimates = List.copyOf(estimates);
        }

        /**
         * The estimate of one figure.
         *
         * @throws IllegalArgumentException if the group has none for it (never for a report this SDK built)
         */
        public Estimate estimate(Figure figure) {
            return estimates.stream().filter(e -> e.figure() == figure).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no estimate of " + figure.code()));
        }
    }

    /**
     * One figure of a group: its count, value and 95 % interval.
     *
     * @param figure    what is estimated
     * @param n         how many values: interviews, vague answers (for {@link Figure#VAGUE_CHALLENGED}) or ratings
     *                  (for {@link Figure#MEMBER_CHECK_RATING})
     * @param successes for a proportion, how many of the n count; null for a mean
     * @param value     the proportion (0–1) or mean; null when n is 0
     * @param sd        for a mean, the sample standard deviation; null for a proportion or n below 2
     * @param low       the interval's lower end; null when n is 0, or below 2 for a mean. A mean's interval is cut
     *                  to the values the figure can take (no count below 0, no rating outside 1–4)
     * @param high      the interval's upper end; null like {@code low}
     */
    @JsonPropertyOrder(alphabetic = false)
    public record Estimate(
            @JsonProperty("figure") Figure figure,
            @JsonProperty("n") int n,
            @JsonProperty("successes") @Nullable Integer successes,
            @JsonProperty("value") @Nullable Double value,
            @JsonProperty("sd") @Nullable Double sd,
            @JsonProperty("low") @Nullable Double low,
            @JsonProperty("high") @Nullable Double high) {

        public Estimate {
            Objects.requireNonNull(figure, "figure");
            if (n < 0) {
                throw new IllegalArgumentException("n must be >= 0, was " + n);
            }
        }

        /** Whether the interval contains {@code x}; false without an interval. */
        public boolean intervalContains(double x) {
            return low != null && high != null && low <= x && x <= high;
        }
    }

    /**
     * Two styles compared on one figure within one language.
     *
     * @param language         a language code, or {@value #ALL_LANGUAGES}
     * @param figure           the figure compared
     * @param styleA           the first style, in report order
     * @param styleB           the second style
     * @param verdict          different, not significant, or too few to say
     * @param higher           the style with the higher value when they differ significantly; else null
     * @param better           {@code higher} when a higher value of the figure is better; else null
     * @param test             the test used; null when too few
     * @param statistic        z or t; null for an exact test, too few, or no spread in either group
     * @param pValue           the two-sided p-value; null when too few
     * @param intervalsOverlap whether the two 95 % intervals overlap; null without both intervals
     * @param summary          the verdict in plain English, e.g. "conversational is better on completion rate: …"
     */
    @JsonPropertyOrder(alphabetic = false)
    public record Comparison(
            @JsonProperty("language") String language,
            @JsonProperty("figure") Figure figure,
            @JsonProperty("style_a") String styleA,
            @JsonProperty("style_b") String styleB,
            @JsonProperty("verdict") Verdict verdict,
            @JsonProperty("higher") @Nullable String higher,
            @JsonProperty("better") @Nullable String better,
            @JsonProperty("test") @Nullable String test,
            @JsonProperty("statistic") @Nullable Double statistic,
            @JsonProperty("p_value") @Nullable Double pValue,
            @JsonProperty("intervals_overlap") @Nullable Boolean intervalsOverlap,
            @JsonProperty("summary") String summary) {

        public Comparison {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(figure, "figure");
            Objects.requireNonNull(styleA, "styleA");
            Objects.requireNonNull(styleB, "styleB");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(summary, "summary");
        }
    }

    /**
     * Reads a store into an {@link OutcomeReport}. One {@link InterviewStore#list} call per page, then one
     * {@code load} and one {@code turns} per listed interview: for a large store, narrow the query (a start-time
     * range, a language) or run it off the request path. Not thread-safe.
     */
    public static final class Builder {
        private final InterviewStore store;
        private InterviewQuery query = InterviewQuery.builder().pageSize(InterviewQuery.MAX_PAGE_SIZE).build();
        private @Nullable String experiment;
        private List<String> styleOrder = List.of();
        private int minimumPerGroup = DEFAULT_MINIMUM_PER_GROUP;
        private Clock clock = Clock.systemUTC();

        private Builder(InterviewStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /** Which interviews to read (filters and page size; its cursor is ignored). Default: all, 500 a page. */
        public Builder query(InterviewQuery query) {
            this.query = Objects.requireNonNull(query, "query");
            return this;
        }

        /** Only interviews this experiment assigned, styles in the order of its arms. Default: all interviews. */
        public Builder experiment(StyleExperiment experiment) {
            Objects.requireNonNull(experiment, "experiment");
            this.experiment = experiment.name();
            this.styleOrder = experiment.styles();
            return this;
        }

        /** Only interviews assigned by the experiment of this name. Default: all interviews. */
        public Builder experiment(String name) {
            this.experiment = Objects.requireNonNull(name, "name");
            return this;
        }


        /** The fewest values each group needs for a verdict; at least 2. Default {@value #DEFAULT_MINIMUM_PER_GROUP}. */
        public Builder minimumPerGroup(int minimumPerGroup) {
            if (minimumPerGroup < 2) {
                throw new IllegalArgumentException("minimumPerGroup must be >= 2, was " + minimumPerGroup);
            }
            this.minimumPerGroup = minimumPerGroup;
            return this;
        }

        /** The clock for {@link OutcomeReport#generatedAt()}. Default: the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Reads the store and builds the report.
         *
         * @throws dev.interviewagent.core.exception.StoreException if the store cannot be read (retriable)
         */
        public OutcomeReport build() {
            return new OutcomeCollector(AnswerAnalyzer.standard(), minimumPerGroup)
                    .collect(store, query.toBuilder().after(null).build(), experiment, styleOrder, clock.instant());
        }
    }
}
