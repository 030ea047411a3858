package dev.interviewagent.core.channel;

import dev.interviewagent.core.Language;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a respondent performs, on one channel, each action that interviewer messages and help texts may mention:
 * finish early, pause, see the status, get the report, get help, see the pending question again. A channel declares
 * them in {@link ChannelCapabilities#controls()}; the {@link ChannelBridge} passes them on with every interview it
 * starts ({@link dev.interviewagent.core.StartRequest#controls()}), the engine remembers them on the interview
 * ({@link dev.interviewagent.core.Interview#controls()}), and the brains word the greeting by them: a Telegram or
 * console respondent reads "send /complete to finish early", a web respondent "the “End interview” button finishes
 * the interview early", and a respondent of a host that said nothing reads neutral wording that names no command.
 * No channel shows another channel's instructions.
 *
 * <pre>{@code
 * ChannelControls telegram = ChannelControls.commands();   // /complete, /status, /report, /help, /repeat
 * ChannelControls page = ChannelControls.NEUTRAL
 *         .withFinishEarly(ChannelControl.button(Map.of(Language.ENGLISH, "End interview",
 *                 Language.RUSSIAN, "Завершить интервью")));
 * }</pre>
 *
 * <p>Immutable.
 *
 * @param finishEarly how to end the interview now (early completion)
 * @param pause       how to take a break and come back later
 * @param status      how to see where the interview stands
 * @param report      how to get the report so far
 * @param help        how to see what one can do
 * @param repeat      how to see (or hear) the pending question again
 */
public record ChannelControls(ChannelControl finishEarly, ChannelControl pause, ChannelControl status,
                              ChannelControl report, ChannelControl help, ChannelControl repeat) {

    /** No control named: neutral wording everywhere. The default for hosts and channels that say nothing. */
    public static final ChannelControls NEUTRAL = new ChannelControls(ChannelControl.NONE, ChannelControl.NONE,
            ChannelControl.NONE, ChannelControl.NONE, ChannelControl.NONE, ChannelControl.NONE);

    public ChannelControls {
        Objects.requireNonNull(finishEarly, "finishEarly");
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(repeat, "repeat");
    }

    /**
     * The slash commands the {@link ChannelBridge} understands ({@link ChannelCommand}): {@code /complete},
     * {@code /status}, {@code /report}, {@code /help}, {@code /repeat}; pause unnamed (the respondent just stops
     * answering).
     */
    public static ChannelControls commands() {
        return new ChannelControls(command(ChannelCommand.COMPLETE), ChannelControl.NONE,
                command(ChannelCommand.STATUS), command(ChannelCommand.REPORT), command(ChannelCommand.HELP),
                command(ChannelCommand.REPEAT));
    }

    private static ChannelControl command(ChannelCommand command) {
        return ChannelControl.command("/" + command.code());
    }

    public ChannelControls withFinishEarly(ChannelControl control) {
        return new ChannelControls(control, pause, status, report, help, repeat);
    }

    public ChannelControls withPause(ChannelControl control) {
        return new ChannelControls(finishEarly, control, status, report, help, repeat);
    }

    public ChannelControls withStatus(ChannelControl control) {
        return new ChannelControls(finishEarly, pause, control, report, help, repeat);
    }

    public ChannelControls withReport(ChannelControl control) {
        return new ChannelControls(finishEarly, pause, status, control, help, repeat);
    }

    public ChannelControls withHelp(ChannelControl control) {
        return new ChannelControls(finishEarly, pause, status, report, control, repeat);
    }

    public ChannelControls withRepeat(ChannelControl control) {
        return new ChannelControls(finishEarly, pause, status, report, help, control);
    }

    /** Whether no control is named to the respondent (every one is {@code NONE} or an endpoint). */
    public boolean neutral() {
        return all().stream().noneMatch(ChannelControl::named);
    }

    /** The commands among the controls, e.g. {@code /complete}; a message that names any other is off-channel. */
    public Set<String> commands(Language language) {
        Set<String> commands = new LinkedHashSet<>();
        for (ChannelControl control : all()) {
            if (control.kind() == ChannelControl.Kind.COMMAND) {
                commands.add(control.label(language));
            }
        }
        return commands;
    }

    /** The six controls in a fixed order: finish early, pause, status, report, help, repeat. */
    public List<ChannelControl> all() {
        return List.of(finishEarly, pause, status, report, help, repeat);
    }
}
