/**
 * Style experiments: {@link dev.interviewagent.core.experiment.StyleExperiment} gives new interviews a style by
 * weight, deterministically per respondent, and records the arm on the interview;
 * {@link dev.interviewagent.core.experiment.OutcomeReport} compares the styles on the outcomes of the stored
 * interviews, with counts, 95 % intervals and plain verdicts, rendered by
 * {@link dev.interviewagent.core.experiment.OutcomeReportRenderer}. See {@code docs/experiments.md}.
 */
@NullMarked
package dev.interviewagent.core.experiment;

import org.jspecify.annotations.NullMarked;
