package dev.interviewagent.core.experiment;

import dev.interviewagent.core.guide.InterviewStyle;
import dev.interviewagent.core.guide.InterviewStyles;
import dev.interviewagent.core.internal.experiment.Buckets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An experiment that gives new interviews one of several styles by weight, so that the styles can be compared on
 * their outcomes ({@link OutcomeReport}). The style a respondent gets depends only on the experiment's name, its arms
 * and the respondent's id: the same respondent always gets the same style, on any node, after any restart.
 *
 * <pre>{@code
 * StyleExperiment experiment = StyleExperiment.builder()
 *         .name("styles-2026")
 *         .weight("master", 1)
 *         .weight("conversational", 1)
 *         .build();
 * Reply first = engine.start(StartRequest.builder()
 *         .experiment(experiment, "telegram:12345")   // sets the style and records the arm
 *         .channelKey("telegram:12345")
 *         .build());
 * }</pre>
 *
 * <p><b>The hash.</b> A respondent's position is SHA-256 of the UTF-8 bytes of {@code <name>:<respondent id>}, its
 * first 8 bytes read as an unsigned big-endian 64-bit number, modulo the total weight. The arms, in the order they were
 * added, own consecutive ranges of positions as wide as their weights; an arm of weight 0 owns none and is never
 * assigned. Changing the weights, the order or the name moves respondents between arms, so start a new experiment
 * (a new name) rather than edit a running one; interviews already started keep the arm recorded on them.
 *
 * <p><b>Recorded on the interview.</b> {@link StyleAssignment#applyTo} sets the style and the attributes
 * {@value #NAME_ATTRIBUTE} and {@value #ARM_ATTRIBUTE} (the style code), which every store keeps with the interview;
 * {@link StyleAssignment#recordedOn} reads them back. Hosts should not set attributes starting with
 * {@code experiment.} themselves.
 *
 * <p>Immutable and thread-safe.
 */
public final class StyleExperiment {

    /** The interview attribute that holds the experiment's name. */
    public static final String NAME_ATTRIBUTE = "experiment.name";
    /** The interview attribute that holds the arm the interview was assigned to: its style code. */
    public static final String ARM_ATTRIBUTE = "experiment.arm";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_RESPONDENT_ID_CHARS = 512;

    private final String name;
    private final List<Arm> arms;
    private final long totalWeight;

    private StyleExperiment(String name, List<Arm> arms) {
        this.name = name;
        this.arms = List.copyOf(arms);
        this.totalWeight = arms.stream().mapToLong(Arm::weight).sum();
    }

    /**
     * One arm: a style and its weight. The share of respondents an arm gets is its weight over the total.
     *
     * @param style  the style code
     * @param weight 0 or more; 0 keeps the arm in reports but assigns nobody to it
     */
    public record Arm(String style, int weight) {
        public Arm {
            Objects.requireNonNull(style, "style");
            if (style.isBlank() || style.length() > 256 || style.indexOf(',') >= 0 || style.indexOf(':') >= 0) {
                throw new IllegalArgumentException("a style code is 1-256 characters without ',' or ':', was '"
                        + style + "'");
            }
            if (weight < 0) {
                throw new IllegalArgumentException("weight of " + style + " must be >= 0, was " + weight);
            }
        }
    }

    /** A builder: no name, no arms. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * An experiment from its name and the text form of its arms, {@code style:weight} separated by commas, as a
     * setting or a command-line option holds it: {@code master:1,conversational:1}. White space around the parts
     * is ignored.
     *
     * @throws IllegalArgumentException naming the bad part, for a bad name, a part without {@code :}, a weight that
     *                                  is not a whole number, a style named twice, or weights that are all 0
     */
    public static StyleExperiment parse(String name, String arms) {
        Objects.requireNonNull(arms, "arms");
        Builder builder = builder().name(name);
        if (arms.isBlank()) {
            throw new IllegalArgumentException("a style experiment needs arms such as master:1,conversational:1");
        }
        for (String part : arms.split(",", -1)) {
            int colon = part.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("each arm is style:weight, was '" + part.strip() + "' in '"
                        + arms + "'");
            }
            String style = part.substring(0, colon).strip();
            String weight = part.substring(colon + 1).strip();
            try {
                builder.weight(style, Integer.parseInt(weight));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the weight of " + style + " must be a whole number, was '"
                        + weight + "'", e);
            }
        }
        try {
            return builder.build();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The experiment's name, recorded on every interview it assigns. */
    public String name() {
        return name;
    }

    /** The arms in the order they were added. */
    public List<Arm> arms() {
        return arms;
    }

    /** The style codes of the arms, in order (including arms of weight 0). */
    public List<String> styles() {
        return arms.stream().map(Arm::style).toList();
    }

    /**
     * The arm of a respondent: deterministic, see the class description for the hash.
     *
     * @param respondentId a stable id of the respondent, e.g. the channel key {@code telegram:12345}; 1–512
     *                     characters. It is hashed and never stored.
     * @throws IllegalArgumentException for a blank or too long id
     */
    public StyleAssignment assign(String respondentId) {
        Objects.requireNonNull(respondentId, "respondentId");
        if (respondentId.isBlank() || respondentId.length() > MAX_RESPONDENT_ID_CHARS) {
            throw new IllegalArgumentException("respondentId must be 1-" + MAX_RESPONDENT_ID_CHARS
                    + " characters and not blank");
        }
        long position = Buckets.position(name, respondentId, totalWeight);
        long end = 0;
        for (Arm arm : arms) {
            end += arm.weight();
            if (position < end) {
                return new StyleAssignment(name, arm.style());
            }
        }
        throw new IllegalStateException("position " + position + " is past the total weight " + totalWeight);
    }

    /**
     * Checks that every arm's style exists in {@code styles} (usually {@code engine.styles()}), so that a typo fails
     * at start-up rather than at the first interview.
     *
     * @return this experiment
     * @throws IllegalArgumentException naming the unknown styles and the known ones
     */
    public StyleExperiment requireKnownStyles(InterviewStyles styles) {
        Objects.requireNonNull(styles, "styles");
        List<String> unknown = styles().stream().filter(code -> styles.find(code).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("style experiment " + name + " names unknown styles " + unknown
                    + "; known: " + styles.codes());
        }
        return this;
    }

    /** The text form {@link #parse} reads: {@code master:1,conversational:1}. */
    public String armsText() {
        return String.join(",", arms.stream().map(a -> a.style() + ":" + a.weight()).toList());
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof StyleExperiment e && e.name.equals(name) && e.arms.equals(arms);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, arms);
    }

    @Override
    public String toString() {
        return "StyleExperiment{" + name + ": " + armsText() + "}";
    }

    /** Builds a {@link StyleExperiment}. Not thread-safe. */
    public static final class Builder {
        private @Nullable String name;
        private final List<Arm> arms = new ArrayList<>();

        private Builder() {
        }

        /**
         * The experiment's name: 1–64 letters, digits, {@code .}, {@code _} or {@code -}, starting with a letter or
         * digit. It seeds the hash, so two experiments split the same respondents independently.
         */
        public Builder name(String name) {
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("an experiment name is 1-64 letters, digits, '.', '_' or '-', "
                        + "starting with a letter or digit, was '" + name + "'");
            }
            this.name = name;
            return this;
        }

        /** Adds an arm: the style with this code gets {@code weight} shares of respondents. */
        public Builder weight(String style, int weight) {
            Arm arm = new Arm(style, weight);
            if (arms.stream().anyMatch(a -> a.style().equals(style))) {
                throw new IllegalArgumentException("style " + style + " is already an arm of the experiment");
            }
            arms.add(arm);
            return this;
        }

        /** Adds an arm for a style of the engine's catalog. */
        public Builder weight(InterviewStyle style, int weight) {
            return weight(Objects.requireNonNull(style, "style").code(), weight);
        }

        /**
         * The experiment.
         *
         * @throws IllegalStateException if the name is missing, or there is no arm with a weight above 0
         */
        public StyleExperiment build() {
            if (name == null) {
                throw new IllegalStateException("a style experiment needs a name");
            }
            Set<String> assignable = new LinkedHashSet<>();
            arms.stream().filter(a -> a.weight() > 0).forEach(a -> assignable.add(a.style()));
            if (assignable.isEmpty()) {
                throw new IllegalStateException("style experiment " + name + " needs at least one arm with a weight "
                        + "above 0");
            }
            return new StyleExperiment(name, arms);
        }
    }
}
