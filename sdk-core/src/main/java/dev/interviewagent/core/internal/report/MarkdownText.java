package dev.interviewagent.core.internal.report;

import dev.interviewagent.core.internal.text.TextSanitizer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Escapes respondent-derived text for the Markdown report, so that it stays text in any CommonMark or GitHub
 * viewer an operator opens the report in: no image (a tracking beacon when the viewer loads it), no link with a
 * hidden target ({@code [x](javascript:…)}), no raw HTML ({@code <img src=…>}, {@code <script>}), no autolink
 * ({@code <http://…>}), no heading, quote, list, table cell or emphasis the expert did not write as plain words.
 *
 * <p>The text is put on one line; invisible characters are dropped ({@link TextSanitizer#stripInvisible});
 * {@code & < >} become entities; the other characters with a meaning inside a line are backslash-escaped
 * ({@code \ ` * _ [ ] | ~ #}); and a line start that would open a block ({@code -}, {@code +}, {@code 1.}) is
 * escaped. Bare URLs are left as they are: viewers that linkify them show the address as the link's text.
 * Pure and thread-safe.
 */
public final class MarkdownText {

    /** Codes the engine writes (stage, status, reason, style): shown as they are when they look like one. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]+(?:[_.-][A-Za-z0-9]+)*");
    private static final Pattern ORDERED_ITEM = Pattern.compile("^(\\d{1,9})([.)])(?=\\s|$)");

    private MarkdownText() {
    }

    /** Text for one line of the report (a list item, a table cell, a heading). */
    public static String inline(String text) {
        String visible = TextSanitizer.stripInvisible(text);
        StringBuilder out = new StringBuilder(visible.length() + 16);
        for (int i = 0; i < visible.length(); i++) {
            char c = visible.charAt(i);
            switch (c) {
                case '\r' -> { }
                case '\n', '\u000B', '\f', '\u2028', '\u2029' -> out.append(' ');
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\\', '`', '*', '_', '[', ']', '|', '~', '#' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        String line = out.toString().strip();
        if (line.startsWith("-") || line.startsWith("+") || line.startsWith("=")) {
            return "\\" + line;
        }
        var item = ORDERED_ITEM.matcher(line);
        if (item.find()) {
            return item.group(1) + "\\" + line.substring(item.group(1).length());
        }
        return line;
    }

    /** An engine code as it is ({@code expertise_map}); anything else, as from a report read back, escaped. */
    public static String code(@Nullable String value) {
        if (value == null) {
            return "";
        }
        return CODE.matcher(value).matches() ? value : inline(value);
    }
}
