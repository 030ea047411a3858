package dev.interviewagent.samples.console;

import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Profile;
import dev.interviewagent.core.guide.InterviewStyles;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The console's command line, parsed by hand. Immutable. Options take their value as the next argument or after
 * {@code =} ({@code --style telegram}, {@code --style=telegram}).
 *
 * @param language the interview language (explicit, or from the locale environment)
 * @param style    a built-in style code
 * @param store    {@code --store}: a directory for the embedded file store, or a JDBC URL; null when not given
 *                 (then {@code interview.store.url} decides, default {@value #DEFAULT_STORE})
 * @param config   {@code --config}: a properties file of settings; null when not given
 * @param resume   the interview to continue; null to start a new one
 * @param json     print protocol JSON lines instead of text
 * @param profile  the respondent profile for a new interview
 * @param help     show the usage and exit
 */
public record ConsoleOptions(Language language, String style, @Nullable String store, @Nullable String config,
                             @Nullable InterviewId resume, boolean json, Profile profile, boolean help) {

    /** The store used without {@code --store} or {@code interview.store.url}: a directory in the working directory. */
    public static final String DEFAULT_STORE = "interviews";

    public ConsoleOptions {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(profile, "profile");
    }

    /** A bad command line; the message names the option. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /**
     * Parses the arguments.
     *
     * @param env the environment, for the default language ({@code LC_ALL}, {@code LC_MESSAGES}, {@code LANG})
     * @throws UsageException for an unknown option, a missing or invalid value
     */
    public static ConsoleOptions parse(String[] args, Map<String, String> env) throws UsageException {
        Language language = null;
        String style = InterviewStyles.DEFAULT_STYLE;
        String store = null;
        String config = null;
        InterviewId resume = null;
        boolean json = false;
        boolean help = false;
        String name = null;
        String role = null;
        String company = null;
        String industry = null;
        Integer years = null;
        String goal = null;
        Collection<String> styles = InterviewStyles.builtIn().codes();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String option = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                option = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            switch (option) {
                case "-h", "--help" -> help = true;
                case "--json" -> json = true;
                case "--language" -> {
                    String value = inline != null ? inline : value(args, ++i, option);
                    if (!value.equals("en") && !value.equals("ru")) {
                        throw new UsageException("--language must be en or ru, was '" + value + "'");
                    }
                    language = Language.of(value);
                }
                case "--style" -> {
                    style = inline != null ? inline : value(args, ++i, option);
                    if (!styles.contains(style)) {
                        throw new UsageException("--style must be one of " + String.join(", ", styles) + ", was '"
                                + style + "'");
                    }
                }
                case "--store" -> {
                    store = inline != null ? inline : value(args, ++i, option);
                    if (store.isBlank()) {
                        throw new UsageException("--store must not be empty");
                    }
                }
                case "--config" -> {
                    config = inline != null ? inline : value(args, ++i, option);
                    if (config.isBlank()) {
                        throw new UsageException("--config must not be empty");
                    }
                }
                case "--resume" -> {
                    String value = inline != null ? inline : value(args, ++i, option);
                    try {
                        resume = InterviewId.of(value);
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("--resume must be an interview id, was '" + value + "'");
                    }
                }
                case "--name" -> name = inline != null ? inline : value(args, ++i, option);
                case "--role" -> role = inline != null ? inline : value(args, ++i, option);
                case "--company" -> company = inline != null ? inline : value(args, ++i, option);
                case "--industry" -> industry = inline != null ? inline : value(args, ++i, option);
                case "--goal" -> goal = inline != null ? inline : value(args, ++i, option);
                case "--years" -> {
                    String value = inline != null ? inline : value(args, ++i, option);
                    try {
                        years = Integer.valueOf(value);
                    } catch (NumberFormatException e) {
                        throw new UsageException("--years must be a whole number, was '" + value + "'");
                    }
                }
                default -> throw new UsageException("unknown option '" + arg + "'");
            }
        }
        Profile profile;
        try {
            profile = new Profile(name, role, company, industry, years, goal);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid profile: " + e.getMessage());
        }
        return new ConsoleOptions(language != null ? language : languageOf(env), style, store, config, resume, json,
                profile, help);
    }

    /**
     * The language the locale environment names (LC_ALL, then LC_MESSAGES, then LANG), if it is available, else
     * English.
     */
    static Language languageOf(Map<String, String> env) {
        for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return Language.fromCode(value.split("[.@]", 2)[0]).orElse(Language.ENGLISH);
            }
        }
        return Language.ENGLISH;
    }

    private static String value(String[] args, int index, String option) throws UsageException {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    /** The usage text. */
    public static String usage() {
        return String.join("\n",
                "Usage: java -jar console-sample.jar [options]",
                "",
                "A terminal interview on the offline methodology brain. One answer per line on stdin;",
                "the lines /status, /report [markdown|json], /complete and /help are commands.",
                "End of input without /complete pauses the interview: continue it with --resume ID.",
                "",
                "Options:",
                "  --language en|ru     interview language (default: ru if LC_ALL, LC_MESSAGES or LANG is",
                "                       Russian, else en); a resumed interview keeps its own",
                "  --style CODE         " + String.join(", ", InterviewStyles.builtIn().codes())
                        + " (default " + InterviewStyles.DEFAULT_STYLE + ")",
                "  --store PATH|URL     embedded file store directory, or a JDBC URL (default ./" + DEFAULT_STORE + ");",
                "                       a shortcut for the setting interview.store.url",
                "  --config FILE        a properties file of settings (interview.store.url, interview.encryption.keys,",
                "                       ...; see docs/configuration.md); environment variables and -D win over it",
                "  --resume ID          continue an interview: prints session, then the pending question again",
                "  --json               one JSON object per line (the samples' wire protocol) instead of text",
                "  --name TEXT  --role TEXT  --company TEXT  --industry TEXT  --years N  --goal TEXT",
                "                       the respondent's profile (all optional)",
                String.join("\n", ExperimentOptions.USAGE),
                "  -h, --help           show this help",
                "",
                "Exit codes: 0 completed or paused, 1 failed (e.g. unknown interview), 2 bad options.");
    }
}
