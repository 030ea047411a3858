package dev.interviewagent.core.experiment;

import dev.interviewagent.core.InterviewSnapshot;
import dev.interviewagent.core.StartRequest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The arm a {@link StyleExperiment} gave a respondent: the experiment's name and the style. Applied to a start
 * request it sets the style and records both on the interview, as the attributes
 * {@value StyleExperiment#NAME_ATTRIBUTE} and {@value StyleExperiment#ARM_ATTRIBUTE}. Immutable.
 *
 * @param experiment the experiment's name
 * @param style      the style code of the arm
 */
public record StyleAssignment(String experiment, String style) {

    public StyleAssignment {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(style, "style");
    }

    /** The attributes that record this assignment on an interview. */
    public Map<String, String> attributes() {
        return Map.of(StyleExperiment.NAME_ATTRIBUTE, experiment, StyleExperiment.ARM_ATTRIBUTE, style);
    }

    /**
     * Sets the style and the recording attributes on {@code builder}; returns it for chaining. Setting another style
     * afterwards makes {@link StartRequest.Builder#build()} fail, so the recorded arm is always the style that ran.
     */
    public StartRequest.Builder applyTo(StartRequest.Builder builder) {
        Objects.requireNonNull(builder, "builder").style(style);
        attributes().forEach(builder::attribute);
        return builder;
    }

    /**
     * The assignment recorded on an interview, or empty for an interview started outside any experiment (including
     * every interview stored before experiments existed).
     */
    public static Optional<StyleAssignment> recordedOn(InterviewSnapshot interview) {
        Map<String, String> attributes = Objects.requireNonNull(interview, "interview").attributes();
        String experiment = attributes.get(StyleExperiment.NAME_ATTRIBUTE);
        String style = attributes.get(StyleExperiment.ARM_ATTRIBUTE);
        return experiment == null || style == null ? Optional.empty()
                : Optional.of(new StyleAssignment(experiment, style));
    }
}
