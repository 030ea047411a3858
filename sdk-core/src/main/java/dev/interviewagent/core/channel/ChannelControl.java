package dev.interviewagent.core.channel;

import dev.interviewagent.core.Language;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How a respondent performs one action (finish early, pause, …) on one channel: a command they type, a button they
 * press, a key, an endpoint that the host's own client calls, or nothing worth naming. Interviewer messages and help
 * texts name the control ({@code send /complete}, {@code the “End interview” button}), so each channel shows only
 * its own way of acting; a control of kind {@link Kind#NONE} or {@link Kind#ENDPOINT} gets neutral wording
 * ("you can finish early at any time"). Immutable.
 *
 * @param kind   what the respondent uses
 * @param labels what the respondent sees, per language: the command ({@code /complete}, the same in every
 *               language), the button's label, the key, or the endpoint; empty for {@link Kind#NONE}, else at least
 *               one label. {@link #label(Language)} falls back to English, then to any label.
 */
public record ChannelControl(Kind kind, Map<Language, String> labels) {

    /** The longest label: a button caption or a key, never a sentence. */
    public static final int MAX_LABEL_CHARS = 80;

    /** What a respondent uses to act. */
    public enum Kind {
        /** Nothing to name: the wording stays neutral and mentions no command, button or key. */
        NONE,
        /** A command typed into the conversation, such as {@code /complete} (Telegram, the console). */
        COMMAND,
        /** A button with a label on the respondent's screen, such as the web page's “End interview”. */
        BUTTON,
        /** A key or key combination, such as Ctrl-D in a terminal. */
        KEY,
        /**
         * An endpoint that the host's own client calls (a REST API). Respondents see the host's interface, not the
         * endpoint, so the wording stays neutral; the label documents the endpoint for the host.
         */
        ENDPOINT
    }

    /** No control: neutral wording. */
    public static final ChannelControl NONE = new ChannelControl(Kind.NONE, Map.of());

    private static final Pattern COMMAND = Pattern.compile("/[a-z0-9_]{1,32}");

    public ChannelControl {
        Objects.requireNonNull(kind, "kind");
        Map<Language, String> copy = new TreeMap<>();
        for (Map.Entry<Language, String> e : Objects.requireNonNull(labels, "labels").entrySet()) {
            String label = Objects.requireNonNull(e.getValue(), "label").strip();
            if (label.isEmpty() || label.length() > MAX_LABEL_CHARS || label.contains("\n")) {
                throw new IllegalArgumentException("a control label is one line of 1-" + MAX_LABEL_CHARS
                        + " characters, was \"" + label + "\"");
            }
            if (kind == Kind.COMMAND && !COMMAND.matcher(label).matches()) {
                throw new IllegalArgumentException("a command is a slash and 1-32 of [a-z0-9_], was " + label);
            }
            copy.put(Objects.requireNonNull(e.getKey(), "language"), label);
        }
        if (kind == Kind.NONE ? !copy.isEmpty() : copy.isEmpty()) {
            throw new IllegalArgumentException(kind == Kind.NONE ? "a NONE control has no labels"
                    : "a " + kind + " control needs a label");
        }
        labels = Map.copyOf(copy);
    }

    /** A command typed into the conversation, the same in every language, e.g. {@code /complete}. */
    public static ChannelControl command(String command) {
        return new ChannelControl(Kind.COMMAND, everyLanguage(command));
    }

    /** A button with the same label in every language. */
    public static ChannelControl button(String label) {
        return new ChannelControl(Kind.BUTTON, everyLanguage(label));
    }

    /** A button with its label per language, e.g. English "End interview", Russian "Завершить интервью". */
    public static ChannelControl button(Map<Language, String> labels) {
        return new ChannelControl(Kind.BUTTON, labels);
    }

    /** A key or key combination, e.g. {@code Ctrl-D}. */
    public static ChannelControl key(String key) {
        return new ChannelControl(Kind.KEY, everyLanguage(key));
    }

    /** An endpoint the host's client calls, e.g. {@code POST /interviews/{id}/complete}; worded neutrally. */
    public static ChannelControl endpoint(String endpoint) {
        return new ChannelControl(Kind.ENDPOINT, everyLanguage(endpoint));
    }

    /**
     * Whether messages to the respondent name this control: true for a command, a button or a key; false for
     * {@link Kind#NONE} and {@link Kind#ENDPOINT}, which get neutral wording.
     */
    public boolean named() {
        return kind == Kind.COMMAND || kind == Kind.BUTTON || kind == Kind.KEY;
    }

    /**
     * The label in {@code language}, else the English one, else any.
     *
     * @throws IllegalStateException for a {@link Kind#NONE} control, which has no label
     */
    public String label(Language language) {
        String label = labels.get(language);
        if (label == null) {
            label = labels.get(Language.ENGLISH);
        }
        if (label == null) {
            label = labels.values().stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("a NONE control has no label"));
        }
        return label;
    }

    private static Map<Language, String> everyLanguage(String label) {
        Objects.requireNonNull(label, "label");
        Map<Language, String> labels = new TreeMap<>();
        for (Language language : Language.available()) {
            labels.put(language, label);
        }
        return labels;
    }
}
