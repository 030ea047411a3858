package dev.interviewagent.telegram.internal;

import dev.interviewagent.core.channel.MessageSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telegram's MarkdownV2: escaping of dynamic text, a light conversion of the report's Markdown, and splitting into
 * messages whose formatted length stays within Telegram's limit.
 */
public final class MarkdownV2 {

    /** The characters MarkdownV2 reserves; each must be preceded by a backslash in plain text. */
    public static final String RESERVED = "_*[]()~`>#+-=|{}.!\\";

    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*)$");
    private static final Pattern BULLET = Pattern.compile("^(\\s*)[-*]\\s+(.*)$");

    private MarkdownV2() {
    }

    /** Escapes every reserved character of {@code text} (model or user text) so Telegram shows it literally. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (RESERVED.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Bold, with the content escaped. */
    public static String bold(String text) {
        return "*" + escape(text) + "*";
    }

    /** Italic, with the content escaped. */
    public static String italic(String text) {
        return "_" + escape(text) + "_";
    }

    /**
     * Converts the report's Markdown (headings, bullets, {@code **bold**}) to MarkdownV2; everything else is
     * escaped, so no model text can break the message.
     */
    public static String fromMarkdown(String markdown) {
        StringBuilder out = new StringBuilder(markdown.length() + 64);
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher heading = HEADING.matcher(line);
            Matcher bullet = BULLET.matcher(line);
            if (heading.matches()) {
                out.append(bold(heading.group(1).replace("**", "")));
            } else if (bullet.matches()) {
                out.append(bullet.group(1)).append("• ").append(inline(bullet.group(2)));
            } else {
                out.append(inline(line));
            }
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String inline(String line) {
        Matcher m = BOLD.matcher(line);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(escape(line.substring(last, m.start()))).append(bold(m.group(1)));
            last = m.end();
        }
        return out.append(escape(line.substring(last))).toString();
    }

    /**
     * Splits {@code source} at paragraph, line, sentence or word boundaries so each part, once formatted with
     * {@code format}, is at most {@code maxLength} characters long.
     */
    public static List<String> split(String source, int maxLength, UnaryOperator<String> format) {
        List<String> out = new ArrayList<>();
        // plan the cut points on the plain text, scaled by how much formatting lengthens this text
        String whole = format.apply(source.strip());
        int budget = maxLength;
        if (whole.length() > maxLength && !source.isBlank()) {
            budget = Math.max(2, (int) ((long) maxLength * source.strip().length() / whole.length()) - 16);
        }
        for (String part : MessageSplitter.split(source, budget)) {
            addFitting(part, maxLength, format, out);
        }
        return out;
    }

    private static void addFitting(String part, int maxLength, UnaryOperator<String> format, List<String> out) {
        String formatted = format.apply(part);
        if (formatted.length() <= maxLength) {
            out.add(formatted);
            return;
        }
        int limit = Math.max(2, (int) ((long) part.length() * maxLength / formatted.length()) - 8);
        if (limit >= part.length()) {
            limit = part.length() - 1;
        }
        for (String smaller : MessageSplitter.split(part, limit)) {
            addFitting(smaller, maxLength, format, out);
        }
    }
}
