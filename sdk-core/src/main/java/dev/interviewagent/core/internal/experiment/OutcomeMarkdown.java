package dev.interviewagent.core.internal.experiment;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.experiment.Figure;
import dev.interviewagent.core.experiment.OutcomeReport;
import dev.interviewagent.core.experiment.OutcomeReport.Comparison;
import dev.interviewagent.core.experiment.OutcomeReport.Group;
import dev.interviewagent.core.experiment.Verdict;
import dev.interviewagent.core.internal.report.MarkdownText;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/** The Markdown form of an {@link OutcomeReport}: per language a table of figures by style, then the verdicts. */
public final class OutcomeMarkdown {

    private OutcomeMarkdown() {
    }

    /** Renders the report with labels in {@code language}. */
    public static String render(OutcomeReport report, Language language) {
        OutcomeText text = OutcomeText.of(language);
        StringBuilder out = new StringBuilder();
        String experiment = report.experiment();
        out.append("# ").append(experiment == null ? text.label("title")
                : text.label("title.experiment", MarkdownText.code(experiment))).append("\n\n");
        out.append(text.label("generated", report.generatedAt().truncatedTo(ChronoUnit.SECONDS).toString(), Integer.toString(report.interviewsRead()),
                Integer.toString(report.interviewsCounted()), Integer.toString(report.inProgress()),
                Integer.toString(report.outsideExperiment()))).append("\n\n");
        if (experiment == null) {
            out.append("> ").append(text.label("observational")).append("\n\n");
        }
        if (report.groups().isEmpty()) {
            out.append(text.label("empty")).append("\n\n");
        }
        for (String scope : report.languages()) {
            out.append("## ").append(text.label("language." + scope)).append("\n\n");
            table(out, report, scope, text);
            List<Comparison> comparisons = report.comparisons(scope).stream()
                    .sorted(Comparator.comparingInt(c -> c.verdict().ordinal())).toList();
            out.append("### ").append(text.label("verdicts")).append("\n\n");
            if (comparisons.isEmpty()) {
                out.append(text.label("single.style")).append("\n\n");
                continue;
            }
            for (Comparison c : comparisons) {
                Group a = report.group(scope, c.styleA()).orElseThrow();
                Group b = report.group(scope, c.styleB()).orElseThrow();
                out.append("- ").append(c.verdict() == Verdict.DIFFERENT ? "**" : "")
                        .append(text.summary(c, a.estimate(c.figure()), b.estimate(c.figure()),
                                MarkdownText.code(c.styleA()), MarkdownText.code(c.styleB()),
                                report.minimumPerGroup()))
                        .append(c.verdict() == Verdict.DIFFERENT ? "**" : "").append('\n');
            }
            out.append('\n');
        }
        out.append("---\n\n").append(text.label("method", Integer.toString(report.minimumPerGroup()))).append('\n');
        return out.toString();
    }

    private static void table(StringBuilder out, OutcomeReport report, String scope, OutcomeText text) {
        List<Group> groups = report.groups().stream().filter(g -> g.language().equals(scope)).toList();
        out.append("| ").append(text.label("column.figure"));
        groups.forEach(g -> out.append(" | ").append(MarkdownText.code(g.style())));
        out.append(" |\n|---");
        groups.forEach(g -> out.append("|---"));
        out.append("|\n| ").append(text.label("row.interviews"));
        groups.forEach(g -> out.append(" | ").append(g.interviews()));
        out.append(" |\n");
        for (Figure figure : Figure.values()) {
            out.append("| ").append(text.figure(figure));
            groups.forEach(g -> out.append(" | ").append(text.cell(g.estimate(figure))));
            out.append(" |\n");
        }
        out.append('\n');
    }
}
