package dev.interviewagent.core.internal.report;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.MemberCheck;
import dev.interviewagent.core.StageProgress;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.internal.text.MemberCheckAnswers;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import dev.interviewagent.core.report.KnowledgeReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the {@link KnowledgeReport} of an interview from its state and turn log. Pure; runs in linear time in the
 * number of turns and items. Member-check corrections win over the extracted insights they correct.
 */
public final class ReportBuilder {

    private static final Pattern INDEX = Pattern.compile(
            "^\\s*(?:#|№)?\\s*([1-9])\\s*[.)\\-:—]|(?:point|item|number|insight|пункт|номер|вывод)\\s*(?:#|№)?\\s*([1-9])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private ReportBuilder() {
    }

    public static KnowledgeReport build(Interview interview, List<Turn> turns, Instant now) {
        List<KnowledgeItem> items = interview.knowledge();
        Instant end = interview.endedAt() != null ? interview.endedAt() : now;
        double minutes = Math.round(Duration.between(interview.createdAt(), end).toSeconds() / 6.0) / 10.0;

        List<KnowledgeReport.StageSummary> stages = new ArrayList<>();
        int vague = 0;
        for (StageProgress p : interview.stages()) {
            vague += p.vagueChallenged();
            stages.add(new KnowledgeReport.StageSummary(p.stage().code(), p.stage().index(), p.status().code(),
                    p.completeness(), p.examples(), p.questions(), p.answers(), p.maxDepth(), p.vagueChallenged(),
                    p.endReason() == null ? null : p.endReason().code()));
        }

        List<KnowledgeReport.Example> examples = new ArrayList<>();
        List<KnowledgeReport.Process> processes = new ArrayList<>();
        List<KnowledgeReport.FailureMode> failures = new ArrayList<>();
        List<KnowledgeReport.Milestone> milestones = new ArrayList<>();
        List<KnowledgeReport.Metric> metrics = new ArrayList<>();
        java.util.Set<String> seenMetrics = new java.util.HashSet<>();
        List<KnowledgeReport.Gap> gaps = new ArrayList<>();
        List<String> novice = new ArrayList<>();
        List<String> intermediate = new ArrayList<>();
        List<String> expert = new ArrayList<>();
        Set<Integer> turnsWithSteps = new HashSet<>();
        int fixes = 0;
        for (KnowledgeItem item : items) {
            String stage = item.stage().code();
            switch (item.kind()) {
                case EXAMPLE -> examples.add(new KnowledgeReport.Example(item.text(), stage, item.turn(),
                        blankToNull(item.attribute("when")), blankToNull(item.attribute("result"))));
                case PROCESS -> {
                    processes.add(new KnowledgeReport.Process(item.text(), item.steps(), stage, item.turn()));
                    turnsWithSteps.add(item.turn());
                }
                case FAILURE_MODE -> {
                    String fix = blankToNull(item.attribute("fix"));
                    if (fix != null) {
                        fixes++;
                    }
                    failures.add(new KnowledgeReport.FailureMode(item.text(),
                            blankToNull(item.attribute("warning_signs")), blankToNull(item.attribute("consequences")),
                            fix, stage, item.turn()));
                }
                case MILESTONE -> milestones.add(new KnowledgeReport.Milestone(item.text(),
                        blankToNull(item.attribute("when")), stage, item.turn()));
                case METRIC -> {
                    // the same figure said twice is one figure
                    String key = (item.attribute("value") + " " + item.attribute("unit")).strip()
                            .toLowerCase(java.util.Locale.ROOT);
                    if (key.isEmpty() || seenMetrics.add(key)) {
                        metrics.add(new KnowledgeReport.Metric(item.text(), blankToNull(item.attribute("value")),
                                blankToNull(item.attribute("unit")), stage, item.turn()));
                    }
                }
                case GAP -> gaps.add(new KnowledgeReport.Gap(item.text(), stage, item.turn()));
                case COMPETENCY -> {
                    switch (item.attribute("level")) {
                        case "novice" -> novice.add(item.text());
                        case "expert" -> expert.add(item.text());
                        default -> intermediate.add(item.text());
                    }
                }
                case INSIGHT -> {
                    // collected below, together with the member check
                }
            }
        }

        int answers = 0;
        int questions = 0;
        int depthSum = 0;
        int fallbacks = 0;
        List<KnowledgeReport.TranscriptEntry> transcript = new ArrayList<>(turns.size());
        for (Turn turn : turns) {
            if (turn.isRespondent() && turn.kind() == Turn.Kind.ANSWER) {
                answers++;
            }
            if (turn.isInterviewer() && turn.kind() == Turn.Kind.QUESTION) {
                questions++;
                depthSum += turn.depth();
            }
            if (turn.fallback()) {
                fallbacks++;
            }
            transcript.add(new KnowledgeReport.TranscriptEntry(turn.number(), turn.role().code(), turn.kind().code(),
                    turn.stage().code(), turn.text(), turn.at(), turn.modality().code(), turn.confidence()));
        }
        double stepsShare = answers == 0 ? 0 : Math.round(1000.0 * turnsWithSteps.size() / answers) / 1000.0;
        double averageDepth = questions == 0 ? 0 : Math.round(100.0 * depthSum / questions) / 100.0;

        MemberCheck check = interview.memberCheck();
        KnowledgeReport.Quality quality = new KnowledgeReport.Quality(examples.size(), processes.size(),
                failures.size(), fixes, metrics.size(), answers, stepsShare, averageDepth, vague, gaps.size(),
                fallbacks);
        return new KnowledgeReport(KnowledgeReport.SCHEMA_VERSION, interview.id().value(), !interview.isActive(),
                interview.status().code(), interview.closeReason() == null ? null : interview.closeReason().code(),
                interview.language().code(), interview.style(), interview.guideId() + "/" + interview.guideRevision(),
                KnowledgeReport.ProfileSection.of(interview.profile()) , interview.createdAt(), interview.endedAt(),
                minutes, stages, keyInsights(interview), examples, processes, failures,
                new KnowledgeReport.CompetencyMap(novice, intermediate, expert), milestones, metrics, gaps,
                new KnowledgeReport.MemberCheckSection(check.status().code(), check.presented(), check.rating(),
                        check.corrections()),
                quality, transcript);
    }

    /**
     * The key insights: what the member check presented, with the expert's corrections in place of the insights they
     * correct, then every other insight the interview found.
     */
    static List<KnowledgeReport.Insight> keyInsights(Interview interview) {
        MemberCheck check = interview.memberCheck();
        List<String> presented = new ArrayList<>(check.presented());
        boolean[] corrected = new boolean[presented.size()];
        List<String> unplaced = new ArrayList<>();
        for (String correction : check.corrections()) {
            int index = targetOf(correction, presented);
            if (index >= 0 && !corrected[index]) {
                presented.set(index, stripIndex(correction));
                corrected[index] = true;
            } else {
                unplaced.add(stripIndex(correction));
            }
        }
        List<KnowledgeReport.Insight> insights = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < presented.size(); i++) {
            String text = presented.get(i);
            if (seen.add(normalise(text))) {
                insights.add(new KnowledgeReport.Insight(text, "wrap_up", sourceTurn(interview, check.presented().get(i)),
                        corrected[i] ? KnowledgeItem.SOURCE_MEMBER_CHECK : KnowledgeItem.SOURCE_ANALYZER,
                        corrected[i]));
            }
        }
        for (String text : unplaced) {
            if (seen.add(normalise(text))) {
                insights.add(new KnowledgeReport.Insight(text, "wrap_up", 0, KnowledgeItem.SOURCE_MEMBER_CHECK, true));
            }
        }
        Set<String> replaced = new HashSet<>();
        for (int i = 0; i < corrected.length; i++) {
            if (corrected[i]) {
                replaced.add(normalise(check.presented().get(i)));
            }
        }
        for (KnowledgeItem item : interview.knowledge()) {
            if (item.kind() == KnowledgeKind.INSIGHT && !replaced.contains(normalise(item.text()))
                    && seen.add(normalise(item.text()))) {
                insights.add(new KnowledgeReport.Insight(item.text(), item.stage().code(), item.turn(), item.source(),
                        false));
            }
        }
        return insights;
    }

    private static int targetOf(String correction, List<String> presented) {
        if (presented.isEmpty()) {
            return -1;
        }
        Matcher m = INDEX.matcher(correction);
        if (m.find()) {
            int index = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)) - 1;
            return index < presented.size() ? index : -1;
        }
        if (presented.size() == 1) {
            return 0;
        }
        // No number given: the presented insight that shares the most words with the correction.
        Set<String> words = words(correction);
        int best = -1;
        double bestScore = 0.15;
        for (int i = 0; i < presented.size(); i++) {
            Set<String> other = words(presented.get(i));
            Set<String> common = new HashSet<>(other);
            common.retainAll(words);
            Set<String> union = new HashSet<>(other);
            union.addAll(words);
            double score = union.isEmpty() ? 0 : (double) common.size() / union.size();
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

    private static String stripIndex(String correction) {
        return MemberCheckAnswers.correctionText(correction);
    }

    private static int sourceTurn(Interview interview, String presentedText) {
        String key = normalise(presentedText).replace("…", "");
        for (KnowledgeItem item : interview.knowledge()) {
            if (normalise(item.text()).startsWith(key.length() > 40 ? key.substring(0, 40) : key)) {
                return item.turn();
            }
        }
        return 0;
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 3) {
                words.add(w);
            }
        }
        return words;
    }

    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
