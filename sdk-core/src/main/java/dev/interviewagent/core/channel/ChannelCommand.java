package dev.interviewagent.core.channel;

import java.util.Locale;
import java.util.Optional;

/** Commands a respondent can give in any channel. Parsed from {@code /name} by {@link #parse(String)}. */
public enum ChannelCommand {
    /** End the interview now (early completion). */
    COMPLETE("complete"),
    /** Show the stage, progress, depth, examples and elapsed time. */
    STATUS("status"),
    /** Show the report so far (argument: {@code json} or {@code markdown}). */
    REPORT("report"),
    /** Show the commands. */
    HELP("help"),
    /** Send the pending question again, unchanged: no turn is stored and no answer consumed. */
    REPEAT("repeat");

    private final String code;

    ChannelCommand(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Parses {@code /complete}, {@code /report json} and the like; empty for anything else. */
    public static Optional<ChannelCommand> parse(String line) {
        if (line == null) {
            return Optional.empty();
        }
        String trimmed = line.strip();
        if (!trimmed.startsWith("/")) {
            return Optional.empty();
        }
        String name = trimmed.substring(1).split("[\\s@]", 2)[0].toLowerCase(Locale.ROOT);
        for (ChannelCommand command : values()) {
            if (command.code.equals(name)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }

    /** The argument after the command name, if any ({@code /report json} → {@code json}). */
    public static Optional<String> argument(String line) {
        String[] parts = line.strip().split("\\s+", 2);
        return parts.length == 2 && !parts[1].isBlank() ? Optional.of(parts[1].strip()) : Optional.empty();
    }
}
