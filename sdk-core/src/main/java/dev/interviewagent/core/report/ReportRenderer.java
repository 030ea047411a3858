package dev.interviewagent.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.exception.InvalidInputException;
import dev.interviewagent.core.internal.report.MarkdownText;
import dev.interviewagent.core.internal.text.Bundles;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;

/**
 * Renders a {@link KnowledgeReport} as JSON (the documented schema, {@code docs/report-schema.json}) or as Markdown
 * readable as a first draft of training material, with headings in the report's language. Thread-safe.
 *
 * <p>The JSON is data: every text is exactly as stored. The Markdown escapes every text that came from the
 * respondent or a model (quotes, items, profile fields, titles, transcript), so that it renders as the words
 * written: an answer such as {@code ![](http://…)}, {@code [x](javascript:…)}, {@code <img src=…>} or
 * {@code <http://…>} shows as those characters, never as an image, a link, HTML or a heading.
 */
public final class ReportRenderer {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** Renders in the given format. */
    public String render(KnowledgeReport report, ReportFormat format) {
        return format == ReportFormat.JSON ? json(report) : markdown(report);
    }

    /** The report as pretty-printed JSON. */
    public String json(KnowledgeReport report) {
        try {
            return mapper.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report cannot be serialised", e);
        }
    }

    /**
     * Reads a report back from its JSON.
     *
     * @throws InvalidInputException if the JSON is not a report
     */
    public KnowledgeReport parse(String json) {
        try {
            return mapper.readValue(json, KnowledgeReport.class);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("not a knowledge report: " + e.getOriginalMessage(), e);
        }
    }

    /** The report as Markdown: headings per section, numbered steps, tables where they help. */
    public String markdown(KnowledgeReport r) {
        Language language = Language.fromCode(r.language()).orElse(Language.ENGLISH);
        ResourceBundle labels = Bundles.load("dev.interviewagent.core.report.labels", language.locale(),
                ReportRenderer.class.getClassLoader(), name -> ReportRenderer.class.getResourceAsStream(name));
        Md md = new Md(labels, language.locale());
        StringBuilder out = md.out;
        out.append("# ").append(md.l("title")).append("\n\n");
        if (!r.isFinal()) {
            out.append("> ").append(md.l("draft")).append("\n\n");
        }

        var p = r.profile();
        md.heading("profile");
        md.field("profile.name", p.expertName());
        md.field("profile.role", p.roleTitle());
        md.field("profile.company", p.company());
        md.field("profile.industry", p.industry());
        md.field("profile.years", p.yearsExperience() == null ? null : p.yearsExperience().toString());
        md.field("profile.goal", p.interviewGoal());
        out.append('\n');

        md.heading("overview");
        md.field("overview.status", r.status());
        md.field("overview.reason", r.closeReason());
        md.field("overview.duration", md.f("overview.minutes", r.durationMinutes()));
        md.field("overview.language", r.language());
        md.field("overview.style", r.style());
        out.append('\n');

        md.heading("stages");
        out.append("| # | ").append(md.l("stages.stage")).append(" | ").append(md.l("stages.status")).append(" | ")
                .append(md.l("stages.completeness")).append(" | ").append(md.l("stages.examples")).append(" | ")
                .append(md.l("stages.questions")).append(" | ").append(md.l("stages.depth")).append(" | ")
                .append(md.l("stages.end")).append(" |\n|---|---|---|---|---|---|---|---|\n");
        for (var s : r.stages()) {
            out.append("| ").append(s.index()).append(" | ").append(MarkdownText.code(s.code())).append(" | ")
                    .append(MarkdownText.code(s.status())).append(" | ").append(s.completeness()).append(" % | ")
                    .append(s.examples()).append(" | ").append(s.questions()).append(" | ").append(s.maxDepth())
                    .append(" | ").append(MarkdownText.code(s.endReason())).append(" |\n");
        }
        out.append('\n');

        md.heading("insights");
        if (r.keyInsights().isEmpty()) {
            md.none();
        }
        for (int i = 0; i < r.keyInsights().size(); i++) {
            var insight = r.keyInsights().get(i);
            out.append(i + 1).append(". ").append(md.inline(insight.text()));
            if (insight.corrected()) {
                out.append(" _(").append(md.l("insights.corrected")).append(")_");
            }
            out.append('\n');
        }
        out.append('\n');

        md.heading("examples");
        if (r.examples().isEmpty()) {
            md.none();
        }
        for (var e : r.examples()) {
            out.append("- ").append(md.inline(e.text())).append(" _(").append(MarkdownText.code(e.stage()))
                    .append(", #")
                    .append(e.turn()).append(")_\n");
            md.sub("examples.when", e.when());
            md.sub("examples.result", e.result());
        }
        out.append('\n');

        md.heading("processes");
        if (r.processes().isEmpty()) {
            md.none();
        }
        for (var process : r.processes()) {
            out.append("### ").append(md.inline(process.title())).append("\n\n");
            for (int i = 0; i < process.steps().size(); i++) {
                out.append(i + 1).append(". ").append(md.inline(process.steps().get(i))).append('\n');
            }
            out.append('\n');
        }
        if (r.processes().isEmpty()) {
            out.append('\n');
        }

        md.heading("failures");
        if (r.failureModes().isEmpty()) {
            md.none();
        }
        for (var f : r.failureModes()) {
            out.append("- **").append(md.inline(f.text())).append("**\n");
            md.sub("failures.warning", f.warningSigns());
            md.sub("failures.consequences", f.consequences());
            md.sub("failures.fix", f.fix());
        }
        out.append('\n');

        md.heading("competencies");
        var map = r.competencyMap();
        if (map.novice().isEmpty() && map.intermediate().isEmpty() && map.expert().isEmpty()) {
            md.none();
        } else {
            md.list("competencies.novice", map.novice());
            md.list("competencies.intermediate", map.intermediate());
            md.list("competencies.expert", map.expert());
        }
        out.append('\n');

        md.heading("timeline");
        if (r.timelineMilestones().isEmpty()) {
            md.none();
        }
        for (var m : r.timelineMilestones()) {
            out.append("- ").append(m.when() == null ? "" : "**" + md.inline(m.when()) + "** — ")
                    .append(md.inline(m.text())).append('\n');
        }
        out.append('\n');

        md.heading("metrics");
        if (r.metrics().isEmpty()) {
            md.none();
        }
        for (var m : r.metrics()) {
            out.append("- ").append(md.inline(m.text())).append('\n');
        }
        out.append('\n');

        md.heading("gaps");
        if (r.gaps().isEmpty()) {
            md.none();
        }
        for (var g : r.gaps()) {
            out.append("- ").append(md.inline(g.text())).append('\n');
        }
        out.append('\n');

        md.heading("member_check");
        md.field("member_check.rating", r.memberCheck().rating() == null ? null : r.memberCheck().rating() + " / 4");
        md.list("member_check.corrections", r.memberCheck().corrections());
        out.append('\n');

        var q = r.quality();
        md.heading("quality");
        out.append("| | |\n|---|---|\n");
        md.row("quality.examples", Integer.toString(q.examples()));
        md.row("quality.processes", Integer.toString(q.processes()));
        md.row("quality.failures", Integer.toString(q.failureModesWithFixes()));
        md.row("quality.steps", Math.round(q.answersWithStepsShare() * 100) + " %");
        md.row("quality.depth", String.format(Locale.ROOT, "%.2f", q.averageDepth()));
        md.row("quality.vague", Integer.toString(q.vagueAnswersChallenged()));
        md.row("quality.answers", Integer.toString(q.answers()));
        out.append('\n');

        md.heading("transcript");
        for (var t : r.transcript()) {
            String who = "interviewer".equals(t.role()) ? md.l("transcript.interviewer") : md.l("transcript.respondent");
            out.append("**").append(t.turn()).append(". ").append(who).append("** _(")
                    .append(MarkdownText.code(t.stage())).append(")_: ").append(md.inline(t.text())).append("\n\n");
        }
        return out.toString().stripTrailing() + "\n";
    }

    /** Markdown writing helpers bound to one report's labels. */
    private static final class Md {
        final StringBuilder out = new StringBuilder(16_384);
        final ResourceBundle labels;
        final Locale locale;

        Md(ResourceBundle labels, Locale locale) {
            this.labels = labels;
            this.locale = locale;
        }

        String l(String key) {
            return labels.getString(key);
        }

        String f(String key, Object arg) {
            return new MessageFormat(labels.getString(key), locale).format(new Object[] {arg});
        }

        void heading(String key) {
            out.append("## ").append(l(key)).append("\n\n");
        }

        void none() {
            out.append("_").append(l("none")).append("_\n");
        }

        void field(String key, @Nullable String value) {
            if (value != null && !value.isBlank()) {
                out.append("- **").append(l(key)).append(":** ").append(inline(value)).append('\n');
            }
        }

        void sub(String key, @Nullable String value) {
            if (value != null && !value.isBlank()) {
                out.append("  - ").append(l(key)).append(": ").append(inline(value)).append('\n');
            }
        }

        void row(String key, String value) {
            out.append("| ").append(l(key)).append(" | ").append(value).append(" |\n");
        }

        void list(String key, List<String> values) {
            if (values.isEmpty()) {
                return;
            }
            out.append("**").append(l(key)).append("**\n\n");
            for (String v : values) {
                out.append("- ").append(inline(v)).append('\n');
            }
            out.append('\n');
        }

        /** The expert's words on one line, escaped so that they stay words in any Markdown viewer. */
        String inline(String text) {
            return MarkdownText.inline(text);
        }
    }
}
