package dev.interviewagent.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Profile;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.scenario.InterviewDriver;
import dev.interviewagent.core.scenario.ScriptedExperts;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile text in answers and profile fields reaches the Markdown report as the characters written: rendered the
 * way an operator's viewer renders it (CommonMark with GitHub's tables and strikethrough), it adds no image, link,
 * HTML, heading, quote, list, code or emphasis. The JSON report keeps the raw text.
 */
class ReportEscapingTest {

    /** Markdown and HTML that would load, link, run or restructure something if it were not escaped. */
    static final List<String> PAYLOADS = List.of(
            "![](http://beacon.example/p.png?id=1)",
            "[click here](javascript:alert(1))",
            "<img src=http://beacon.example/x.png>",
            "<script>alert(1)</script>",
            "<http://beacon.example/auto>",
            "<javascript:alert(1)>",
            "[ref]: http://beacon.example/definition",
            "see [x][ref] and [ref]",
            "# Not a heading",
            "> not a quote",
            "- not a list",
            "2. not a list either",
            "| not | a table |",
            "`not code`",
            "**not bold** and _not em_ and ~~not struck~~",
            "&lt;img src=x&gt; &#60;b&#62; &amp;",
            "<a href=\"http://beacon.example/\">x</a>",
            "![alt][beacon] with [beacon]: http://beacon.example/b.png",
            "\\![](http://beacon.example/escaped.png)",
            "<!-- a comment -->",
            "***",
            "```java",
            "+ plus",
            "text\u202Ehidden\u202C and zero\u200Bwidth");

    private static final Parser PARSER = Parser.builder()
            .extensions(List.<Extension>of(TablesExtension.create(), StrikethroughExtension.create())).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder()
            .extensions(List.<Extension>of(TablesExtension.create(), StrikethroughExtension.create())).build();
    private static final Pattern TAG = Pattern.compile("<(/?[a-zA-Z][a-zA-Z0-9]*)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InterviewEngine engine = InterviewEngine.builder().build();
    private final ReportRenderer renderer = new ReportRenderer();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void should_render_hostile_answers_and_profile_fields_as_plain_text_when_the_report_is_markdown()
            throws Exception {
        StartRequest start = StartRequest.builder().language(Language.ENGLISH)
                .profile(new Profile("![](http://beacon.example/name.png)", "<img src=http://beacon.example/r>",
                        "[Acme](javascript:alert(1))", "<http://beacon.example/industry>", 12,
                        "# training\u202E"))
                .build();
        List<String> answers = new ArrayList<>();
        for (String payload : PAYLOADS) {
            answers.add("Last week at 9am the pump failed " + payload + " and first I checked the valve, then I"
                    + " replaced the seal within 2 hours. The key is to watch the pressure " + payload + ".");
        }
        Reply last = InterviewDriver.run(engine, start, answers);

        String markdown = engine.report(last.interviewId(), ReportFormat.MARKDOWN);
        Node document = PARSER.parse(markdown);
        String html = HTML.render(document);
        String text = TextContentRenderer.builder().build().render(document);

        assertThat(html).doesNotContain("<img", "<a ", "<script", "<code", "<pre", "<blockquote", "<del",
                "<!--");
        assertThat(html).doesNotContainPattern("<[a-z0-9]+\\s[^>]*=");
        assertThat(text).contains("![](http://beacon.example/name.png)", "<img src=http://beacon.example/r>",
                "[Acme](javascript:alert(1))", "<http://beacon.example/industry>", "# training");
        for (String payload : PAYLOADS.subList(0, PAYLOADS.size() - 1)) {
            assertThat(text).as("the report shows %s as written", payload).contains(payload);
        }
        assertThat(markdown).doesNotContain("\u202E", "\u200B");

        JsonNode json = JSON.readTree(engine.report(last.interviewId(), ReportFormat.JSON));
        assertThat(json.path("profile").path("expert_name").asText()).isEqualTo("![](http://beacon.example/name.png)");
        List<String> respondent = new ArrayList<>();
        json.path("transcript").forEach(t -> {
            if ("respondent".equals(t.path("role").asText())) {
                respondent.add(t.path("text").asText());
            }
        });
        assertThat(respondent).contains(answers.get(0), answers.get(1), answers.get(2), answers.get(3));
    }

    @Test
    void should_add_no_element_to_the_rendered_report_whatever_text_any_field_holds() throws Exception {
        Reply last = InterviewDriver.run(engine, ScriptedExperts.siteReliabilityEngineer(), "master");
        JsonNode original = JSON.readTree(engine.report(last.interviewId(), ReportFormat.JSON));
        AtomicInteger next = new AtomicInteger();

        String benign = render(replaceTexts(original, field -> "plain words " + next.incrementAndGet()));
        next.set(0);
        String hostile = render(replaceTexts(original, field -> PAYLOADS.get(next.getAndIncrement() % PAYLOADS.size())));

        assertThat(tags(hostile)).as("hostile text changes no element of the document").isEqualTo(tags(benign));
        assertThat(tags(benign)).contains("h2", "table", "ol", "ul");

        // viewers that also linkify bare URLs show the address itself as the link's text, never a hidden target
        Parser linkifying = Parser.builder().extensions(List.<Extension>of(TablesExtension.create(),
                AutolinkExtension.create())).build();
        String linked = HtmlRenderer.builder().build().render(linkifying.parse(
                renderer.markdown(renderer.parse(replaceTexts(original, field -> PAYLOADS.get(
                        next.getAndIncrement() % PAYLOADS.size())).toString()))));
        Matcher link = Pattern.compile("<a href=\"([^\"]*)\">([^<]*)</a>").matcher(linked);
        while (link.find()) {
            assertThat(link.group(1)).startsWith("http").isEqualTo(link.group(2).replace("&amp;", "&"));
        }
        assertThat(linked).doesNotContain("<img", "javascript:alert(1)\"");
    }

    private String render(JsonNode report) throws Exception {
        return HTML.render(PARSER.parse(renderer.markdown(renderer.parse(report.toString()))));
    }

    /** The report with every text value (not times or ids) replaced. */
    private static JsonNode replaceTexts(JsonNode original, Function<String, String> replacement) {
        JsonNode copy = original.deepCopy();
        replace(copy, replacement);
        return copy;
    }

    private static void replace(JsonNode node, Function<String, String> replacement) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<String> texts = new ArrayList<>();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual() && !field.getKey().endsWith("_at") && !field.getKey().equals("at")
                        && !List.of("schema_version", "interview_id", "language", "role").contains(field.getKey())) {
                    texts.add(field.getKey());
                } else {
                    replace(field.getValue(), replacement);
                }
            }
            texts.forEach(key -> object.set(key, TextNode.valueOf(replacement.apply(key))));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(replacement.apply("item")));
                } else {
                    replace(array.get(i), replacement);
                }
            }
        }
    }

    private static List<String> tags(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = TAG.matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
