package dev.interviewagent.core.channel;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.i18n.Messages;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Respondent-facing texts that tell how to act on a channel, built from its {@link ChannelControls} in English or
 * Russian: the help text, the reply to an unknown command, the name of one control. A text names only the
 * channel's own commands, buttons and keys; for a channel that names none it says, neutrally, that the respondent
 * can just say so. The strings come from {@link Messages} ({@code command.help}, {@code help.*},
 * {@code control.*}, {@code command.unknown*}). Stateless and thread-safe.
 */
public final class ControlTexts {

    private ControlTexts() {
    }

    /**
     * The control as a respondent reads it: {@code /complete}, {@code the “End interview” button}
     * ({@code кнопка «Завершить интервью»}), {@code Ctrl-D}; empty for a control that is not named
     * ({@link ChannelControl#named()}).
     */
    public static Optional<String> name(ChannelControl control, Language language) {
        Objects.requireNonNull(control, "control");
        if (!control.named()) {
            return Optional.empty();
        }
        return Optional.of(Messages.forLanguage(language).get("control." + control.kind().name()
                .toLowerCase(Locale.ROOT), control.label(language)));
    }

    /**
     * The help text: one sentence on how the interview works, then one line per named control (status, finish
     * early, pause, repeat the question, report, help), or a neutral line when the channel names none.
     */
    public static String help(ChannelControls controls, Language language) {
        Objects.requireNonNull(controls, "controls");
        Messages messages = Messages.forLanguage(language);
        StringBuilder lines = new StringBuilder();
        line(lines, messages, "help.status", controls.status(), language);
        line(lines, messages, "help.finish_early", controls.finishEarly(), language);
        line(lines, messages, "help.pause", controls.pause(), language);
        line(lines, messages, "help.repeat", controls.repeat(), language);
        line(lines, messages, "help.report", controls.report(), language);
        line(lines, messages, "help.help", controls.help(), language);
        return messages.get("command.help") + "\n\n"
                + (lines.isEmpty() ? messages.get("help.none") : lines.toString().stripTrailing());
    }

    /** The reply to a command the channel does not know; it names the channel's help control, if any. */
    public static String unknownCommand(ChannelControls controls, Language language) {
        Objects.requireNonNull(controls, "controls");
        Messages messages = Messages.forLanguage(language);
        return name(controls.help(), language)
                .map(help -> messages.get("command.unknown.help", help))
                .orElseGet(() -> messages.get("command.unknown"));
    }

    private static void line(StringBuilder lines, Messages messages, String key, ChannelControl control,
                             Language language) {
        name(control, language).ifPresent(name -> {
            String line = messages.get(key, name);   // "the “Report” button — …" starts a line: capitalised
            lines.append(line.substring(0, 1).toUpperCase(language.locale())).append(line.substring(1)).append('\n');
        });
    }
}
