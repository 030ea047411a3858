package dev.interviewagent.testkit.score;

import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * The scores of a set of simulated interviews and their totals, printable as a Markdown table.
 *
 * @param interviews one score per persona × style
 */
public record Scorecard(List<InterviewScore> interviews) {

    public Scorecard {
        interviews = List.copyOf(interviews);
    }

    /** Interviews that miss at least one of {@code thresholds}. */
    public List<InterviewScore> failing(Thresholds thresholds) {
        return interviews.stream().filter(s -> !s.misses(thresholds).isEmpty()).toList();
    }

    /** The sum of an integer metric over all interviews. */
    public int total(ToIntFunction<InterviewScore> metric) {
        return interviews.stream().mapToInt(metric).sum();
    }

    /** The largest value of an integer metric over all interviews. */
    public int worst(ToIntFunction<InterviewScore> metric) {
        return interviews.stream().mapToInt(metric).max().orElse(0);
    }

    /** Tacit answers probed, over all interviews, 0–1. */
    public double tacitProbeShare() {
        int tacit = total(InterviewScore::tacitAnswers);
        return tacit == 0 ? 1.0 : (double) total(InterviewScore::tacitProbed) / tacit;
    }

    /** Episodes in the report over episodes told, 0–1. */
    public double episodeRecall() {
        return share(total(InterviewScore::episodesInReport), total(InterviewScore::episodesTold));
    }

    /** Processes in the report over processes told, 0–1. */
    public double processRecall() {
        return share(total(InterviewScore::processesInReport), total(InterviewScore::processesTold));
    }

    /** Failure modes in the report over mistakes told, 0–1. */
    public double failureRecall() {
        return share(total(InterviewScore::failuresInReport), total(InterviewScore::failuresTold));
    }

    private static double share(int found, int told) {
        return told == 0 ? 1.0 : (double) found / told;
    }

    /** The scorecard against the {@link Thresholds#DEFAULT default} thresholds. */
    public String toMarkdown() {
        return toMarkdown(Thresholds.DEFAULT);
    }

    /**
     * One row per interview and a totals section: the figures, and which thresholds each interview misses.
     */
    public String toMarkdown(Thresholds t) {
        StringBuilder out = new StringBuilder();
        out.append("| persona | style | Q | A | re-asks | ex→ex | bad quotes | quoted twice | repeats | sentence >2"
                + " | tacit probed | fatigue ignored | max Q/stage | stages | recall ex/proc/fail | false items"
                + " | misses |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---|\n");
        for (InterviewScore s : interviews) {
            out.append(String.format(Locale.ROOT,
                    "| %s/%s | %s | %d | %d | %d | %d | %d | %d | %d | %d | %d/%d | %d | %d | %s | %d/%d, %d/%d, %d/%d"
                            + " | %d | %s |%n",
                    s.language(), s.persona(), s.style(), s.questions(), s.answers(), s.reAsks(),
                    s.exampleAfterExample(), s.badQuotes(), s.repeatedQuotes(), s.exactRepeats(),
                    s.sentencesOverTwice(), s.tacitProbed(), s.tacitAnswers(), s.fatigueIgnored(),
                    s.maxStageQuestions(), s.stagesInOrder() ? "9 in order" : String.join(">", s.stagesReached()),
                    s.episodesInReport(), s.episodesTold(), s.processesInReport(), s.processesTold(),
                    s.failuresInReport(), s.failuresTold(), s.falseItems(),
                    s.misses(t).isEmpty() ? "—" : String.join(", ", s.misses(t))));
        }
        out.append('\n').append(totals(t));
        return out.toString();
    }

    /** The totals as a Markdown table: one row per metric, with the threshold and how many interviews miss it. */
    public String totals(Thresholds t) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d interviews, %d pass every threshold.%n%n", interviews.size(),
                interviews.size() - failing(t).size()));
        out.append("| metric | total | worst interview | threshold (per interview) |\n|---|---:|---:|---|\n");
        row(out, "re-asks of known facts", InterviewScore::reAsks, "≤ " + t.maxReAsks());
        row(out, "example request right after an example", InterviewScore::exampleAfterExample,
                "≤ " + t.maxExampleAfterExample());
        row(out, "greeting/meta/fatigue quoted", InterviewScore::badQuotes, "≤ " + t.maxBadQuotes());
        row(out, "fragment quoted twice", InterviewScore::repeatedQuotes, "≤ " + t.maxRepeatedQuotes());
        row(out, "exact repeated message", InterviewScore::exactRepeats, "≤ " + t.maxExactRepeats());
        row(out, "question sentence more than twice", InterviewScore::sentencesOverTwice,
                "≤ " + t.maxSentencesOverTwice());
        out.append(String.format(Locale.ROOT, "| tacit answers followed by a cue probe | %d/%d (%s) | | ≥ %s |%n",
                total(InterviewScore::tacitProbed), total(InterviewScore::tacitAnswers),
                InterviewScore.percent(tacitProbeShare()), InterviewScore.percent(t.minTacitProbeShare())));
        row(out, "questions after two \"nothing more\"", InterviewScore::fatigueIgnored,
                "≤ " + t.maxFatigueIgnored());
        row(out, "questions in one stage", InterviewScore::maxStageQuestions, "≤ " + t.maxStageQuestions());
        out.append(String.format(Locale.ROOT, "| interviews with every stage in order | %d/%d | | all |%n",
                interviews.stream().filter(InterviewScore::stagesInOrder).count(), interviews.size()));
        out.append(String.format(Locale.ROOT, "| answers per interview | %d | %d | |%n",
                total(InterviewScore::answers), worst(InterviewScore::answers)));
        out.append(String.format(Locale.ROOT, "| report recall: examples | %s (%d/%d) | | ≥ %s |%n",
                InterviewScore.percent(episodeRecall()), total(InterviewScore::episodesInReport),
                total(InterviewScore::episodesTold), InterviewScore.percent(t.minRecall())));
        out.append(String.format(Locale.ROOT, "| report recall: processes | %s (%d/%d) | | ≥ %s |%n",
                InterviewScore.percent(processRecall()), total(InterviewScore::processesInReport),
                total(InterviewScore::processesTold), InterviewScore.percent(t.minRecall())));
        out.append(String.format(Locale.ROOT, "| report recall: failure modes | %s (%d/%d) | | ≥ %s |%n",
                InterviewScore.percent(failureRecall()), total(InterviewScore::failuresInReport),
                total(InterviewScore::failuresTold), InterviewScore.percent(t.minRecall())));
        row(out, "meta/greeting items in the report", InterviewScore::falseItems, "≤ " + t.maxFalseItems());
        row(out, "misfiled report items", InterviewScore::misfiledItems, "(figure only)");
        return out.toString();
    }

    private void row(StringBuilder out, String name, ToIntFunction<InterviewScore> metric, String threshold) {
        out.append(String.format(Locale.ROOT, "| %s | %d | %d | %s |%n", name, total(metric), worst(metric),
                threshold));
    }
}
