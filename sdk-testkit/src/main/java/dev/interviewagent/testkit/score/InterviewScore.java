package dev.interviewagent.testkit.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The quality figures of one simulated interview, read as the expert would: did the interviewer listen?
 *
 * @param persona              the persona's id
 * @param language             {@code en} or {@code ru}
 * @param style                the style code
 * @param questions            interviewer messages that asked a question
 * @param answers              answers the respondent gave
 * @param reAsks               questions that asked for a fact already known (years, roles, organisation)
 * @param exampleAfterExample  requests for an example right after the expert told one ("another" is fine)
 * @param badQuotes            quotes of a greeting, pleasantry, meta or fatigue answer
 * @param repeatedQuotes       fragments quoted a second (third …) time
 * @param exactRepeats         messages sent word for word a second time
 * @param sentencesOverTwice   question sentences used more than twice
 * @param tacitAnswers         tacit answers ("you just kind of know") given
 * @param tacitProbed          of those, followed by a probe of the cue behind them in the same stage
 * @param fatigueIgnored       questions in the same stage after two "nothing more" answers in a row
 * @param maxStageQuestions    the most questions asked in one stage
 * @param stagesReached        stage codes in the order the interview reached them
 * @param stagesInOrder        whether every stage was reached, in the guide's order
 * @param stageEnds            how each stage ended (stage code → end reason code)
 * @param episodesTold         episodes the expert told
 * @param episodesInReport     of those, found in the report's examples
 * @param processesTold        processes the expert told
 * @param processesInReport    of those, found in the report's processes
 * @param failuresTold         mistakes the expert told
 * @param failuresInReport     of those, found in the report's failure modes
 * @param falseItems           report items made of a meta answer, greeting or pleasantry
 * @param misfiledItems        report items of a kind the answer did not carry (a job description as a failure mode)
 * @param findings             what went wrong, turn by turn, to read
 */
public record InterviewScore(
        String persona,
        String language,
        String style,
        int questions,
        int answers,
        int reAsks,
        int exampleAfterExample,
        int badQuotes,
        int repeatedQuotes,
        int exactRepeats,
        int sentencesOverTwice,
        int tacitAnswers,
        int tacitProbed,
        int fatigueIgnored,
        int maxStageQuestions,
        List<String> stagesReached,
        boolean stagesInOrder,
        Map<String, String> stageEnds,
        int episodesTold,
        int episodesInReport,
        int processesTold,
        int processesInReport,
        int failuresTold,
        int failuresInReport,
        int falseItems,
        int misfiledItems,
        List<Finding> findings) {

    public InterviewScore {
        Objects.requireNonNull(persona, "persona");
        stagesReached = List.copyOf(stagesReached);
        stageEnds = Map.copyOf(stageEnds);
        findings = List.copyOf(findings);
    }

    /** One thing that went wrong, where. */
    public record Finding(String metric, int turn, String detail) {
    }

    /** The share of tacit answers that got a cue probe; 1 when there were none. */
    public double tacitProbeShare() {
        return tacitAnswers == 0 ? 1.0 : (double) tacitProbed / tacitAnswers;
    }

    /** Report recall of episodes; 1 when none were told. */
    public double episodeRecall() {
        return share(episodesInReport, episodesTold);
    }

    /** Report recall of processes; 1 when none were told. */
    public double processRecall() {
        return share(processesInReport, processesTold);
    }

    /** Report recall of failure modes; 1 when none were told. */
    public double failureRecall() {
        return share(failuresInReport, failuresTold);
    }

    private static double share(int found, int told) {
        return told == 0 ? 1.0 : (double) found / told;
    }

    /** The thresholds this interview misses, as {@code metric=value} (empty when it passes them all). */
    public List<String> misses(Thresholds t) {
        List<String> misses = new ArrayList<>();
        over(misses, "re_asks", reAsks, t.maxReAsks());
        over(misses, "example_after_example", exampleAfterExample, t.maxExampleAfterExample());
        over(misses, "bad_quotes", badQuotes, t.maxBadQuotes());
        over(misses, "repeated_quotes", repeatedQuotes, t.maxRepeatedQuotes());
        over(misses, "exact_repeats", exactRepeats, t.maxExactRepeats());
        over(misses, "sentences_over_twice", sentencesOverTwice, t.maxSentencesOverTwice());
        if (tacitProbeShare() < t.minTacitProbeShare()) {
            misses.add("tacit_probe_share=" + percent(tacitProbeShare()));
        }
        over(misses, "fatigue_ignored", fatigueIgnored, t.maxFatigueIgnored());
        over(misses, "max_stage_questions", maxStageQuestions, t.maxStageQuestions());
        if (t.requireStagesInOrder() && !stagesInOrder) {
            misses.add("stages_in_order=" + String.join(">", stagesReached));
        }
        if (episodeRecall() < t.minRecall()) {
            misses.add("episode_recall=" + percent(episodeRecall()));
        }
        if (processRecall() < t.minRecall()) {
            misses.add("process_recall=" + percent(processRecall()));
        }
        if (failureRecall() < t.minRecall()) {
            misses.add("failure_recall=" + percent(failureRecall()));
        }
        over(misses, "false_items", falseItems, t.maxFalseItems());
        return misses;
    }

    private static void over(List<String> misses, String metric, int value, int max) {
        if (value > max) {
            misses.add(metric + "=" + value);
        }
    }

    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}
