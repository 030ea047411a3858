package dev.interviewagent.samples.console;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewSnapshot;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.channel.ChannelBridge;
import dev.interviewagent.core.channel.ChannelCommand;
import dev.interviewagent.core.channel.ControlTexts;
import dev.interviewagent.core.channel.InboundMessage;
import dev.interviewagent.core.channel.OutboundEvent;
import dev.interviewagent.core.config.EngineSettings;
import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.core.exception.InterviewException;
import dev.interviewagent.llm.LlmBrains;
import dev.interviewagent.persistence.InterviewStorage;
import dev.interviewagent.persistence.RetentionPolicy;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A terminal interview: reads one answer per line from stdin, prints the interviewer's messages (or protocol JSON
 * lines with {@code --json}), stores everything in an embedded file store so that {@code --resume ID} continues it.
 *
 * <p>Inbound message ids are derived from the turn number of the question being answered: {@code line-<turn>} for
 * an answer, {@code <command>-<turn>} for a command. The engine handles a message id once, so a line that is sent
 * again for the same question (a retry after {@code busy}/{@code unavailable}, or a second console feeding the same
 * script into the same interview) cannot answer twice; a new question has a new turn number, so the next line is a
 * new answer.
 */
public final class Main {

    /** The console has one conversation. */
    static final String CONVERSATION = "console";
    /**
     * Longest line kept in memory. A longer line is cut here (the rest is skipped) and still rejected by the engine
     * as {@code too_large}, since the cut text is over its raw-length limit.
     */
    static final int MAX_LINE_CHARS = maxLineChars(InterviewEngine.DEFAULT_MAX_ANSWER_CHARS);

    /** A line that looks like a command: a slash and a word, then nothing or white space. */
    private static final Pattern UNKNOWN_COMMAND = Pattern.compile("\\s*/\\p{L}+(\\s|$)");

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, System.in, out, err));
    }

    /**
     * Runs the console on the given streams (stdin is read as UTF-8) and returns the exit code: 0 when the interview
     * completed or input ended (paused), 1 when it could not start or resume, 2 for bad options.
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, in, out, err, System.getenv());
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        ConsoleOptions options;
        ExperimentOptions experiment;
        try {
            experiment = ExperimentOptions.parse(args);
            options = ConsoleOptions.parse(experiment.restArgs(), env);
        } catch (ConsoleOptions.UsageException e) {
            err.println("console-sample: " + e.getMessage());
            err.println(ConsoleOptions.usage());
            return 2;
        }
        if (options.help()) {
            out.println(ConsoleOptions.usage());
            return 0;
        }
        InterviewConfig config;
        EngineSettings settings;
        InterviewStorage storage;
        InterviewEngine.Builder builder;
        try {
            config = config(options, env);
            settings = EngineSettings.from(config);
            builder = settings.applyTo(InterviewEngine.builder());
            useBrain(builder, config, err);
            storage = InterviewStorage.open(config);
            storage.applyTo(builder);
            storage.description().forEach(err::println);
        } catch (IllegalArgumentException e) {          // a bad setting (InvalidConfigurationException) or URL
            err.println("console-sample: " + e.getMessage());
            return 2;
        } catch (InterviewException e) {
            err.println("console-sample: " + e.getMessage());
            return 1;
        }
        int maxLineChars = maxLineChars(settings.maxAnswerChars());
        try (storage; InterviewEngine engine = builder.build()) {
            sweepOnce(storage, engine, err);
            if (experiment.report()) {
                return experiment.printReport(storage.store(), options.json(), options.language(), out, err);
            }
            ConsoleChannel channel = new ConsoleChannel(
                    options.json() ? ConsoleChannel.Mode.JSON : ConsoleChannel.Mode.HUMAN,
                    (conversation, message) -> {
                        out.println(message);
                        if (!options.json()) {
                            out.println(); // a blank line between messages reads better on a terminal
                        }
                        out.flush();
                    },
                    options.language(), reportsDir(config.get(InterviewSettings.STORE_URL)));
            ChannelBridge bridge = ChannelBridge.builder(engine, channel).defaultLanguage(options.language()).build();
            InterviewId id = options.resume();
            if (id != null) {
                // a person sees the conversation so far again; a script asks for it with /history
                bridge.resume(CONVERSATION, id, null, !options.json());
            } else {
                id = bridge.start(CONVERSATION, experiment.applyTo(StartRequest.builder().language(options.language())
                        .style(options.style()).profile(options.profile()), err).build(), null);
            }
            if (id == null || !exists(engine, id)) {
                return 1; // the bridge has printed the error
            }
            return converse(engine, bridge, channel, id, new LineReader(in, maxLineChars), options, out, err);
        }
    }

    /**
     * The settings: {@code --store} and {@code --config} win over environment variables, which win over
     * {@code -D} system properties, which win over the file (docs/configuration.md).
     *
     * @throws dev.interviewagent.core.config.InvalidConfigurationException if a named file is missing
     */
    static InterviewConfig config(ConsoleOptions options, Map<String, String> env) {
        InterviewConfig.Builder config = InterviewConfig.builder().environment(env)
                .systemProperties(System.getProperties());
        if (options.store() != null) {
            config.set(InterviewSettings.STORE_URL, options.store(), "option --store");
        }
        if (options.config() != null) {
            config.set(InterviewSettings.CONFIG_FILE, options.config(), "option --config");
        }
        return config.build();
    }

    /** The one place that picks the brain: the LLM brain when a key is set, the offline methodology brain otherwise. */
    static void useBrain(InterviewEngine.Builder engine, InterviewConfig config, PrintStream err) {
        LlmBrains.from(config).ifPresent(engine::brain);
        err.println("brain: " + LlmBrains.describe(config));
    }

    /** Lines up to four times the engine's answer limit are read whole, so the engine itself says too_large. */
    static int maxLineChars(int maxAnswerChars) {
        return 4 * maxAnswerChars + 2048;
    }

    /** A console lives minutes, so with retention on it sweeps once at start instead of on a schedule. */
    private static void sweepOnce(InterviewStorage storage, InterviewEngine engine, PrintStream err) {
        if (storage.retention().isEmpty()) {
            return;
        }
        try {
            RetentionPolicy.Result swept = storage.sweep(engine);
            err.println("retention: " + swept.abandoned() + " abandoned, " + swept.purged() + " purged");
        } catch (InterviewException e) {
            err.println("console-sample: retention sweep failed, continuing: " + e.getMessage());
        }
    }

    private static Path reportsDir(String storeSpec) {
        return storeSpec.regionMatches(true, 0, "jdbc:", 0, 5) ? Path.of("interview-reports")
                : Path.of(storeSpec).resolve("reports");
    }

    private static boolean exists(InterviewEngine engine, InterviewId id) {
        try {
            engine.status(id);
            return true;
        } catch (InterviewException e) {
            return false;
        }
    }

    private static int converse(InterviewEngine engine, ChannelBridge bridge, ConsoleChannel channel, InterviewId id,
                                LineReader lines, ConsoleOptions options, PrintStream out, PrintStream err) {
        try {
            String line;
            while (engine.status(id).isActive() && (line = lines.next()) != null) {
                InterviewSnapshot state = engine.status(id);
                int turn = state.pendingQuestion() != null ? state.pendingQuestion().number() : state.turnCount();
                if (HistoryLine.matches(line)) {
                    history(bridge, channel, id, state, line, turn);
                    continue;
                }
                if (UNKNOWN_COMMAND.matcher(line).lookingAt() && ChannelCommand.parse(line).isEmpty()) {
                    // "/stop" is a mistyped command, not an answer to record
                    channel.send(CONVERSATION, new OutboundEvent.Error(ErrorCode.BAD_REQUEST,
                            ControlTexts.unknownCommand(channel.capabilities().controls(), state.language()),
                            "command-" + turn));
                    continue;
                }
                bridge.handle(CONVERSATION, id, inbound(line, turn));
            }
        } catch (InterviewException e) {
            err.println("console-sample: " + e.code().wireValue() + ": " + e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            err.println("console-sample: cannot read input: " + e.getCause().getMessage());
            return 1;
        }
        if (engine.status(id).isActive() && !options.json()) {
            out.println(ConsoleChannel.text(engine.status(id).language(), "paused", id));
        }
        return 0;
    }

    /** {@code /history [before=N] [limit=N]}: a page of the conversation so far, as the WebSocket's history frame. */
    private static void history(ChannelBridge bridge, ConsoleChannel channel, InterviewId id, InterviewSnapshot state,
                                String line, int turn) {
        String replyTo = "history-" + turn;
        Optional<HistoryLine> request = HistoryLine.parse(line);
        if (request.isEmpty()) {
            channel.send(CONVERSATION, new OutboundEvent.Error(ErrorCode.BAD_REQUEST,
                    ConsoleChannel.text(state.language(), "history.usage", InterviewEngine.MAX_HISTORY_PAGE),
                    replyTo));
            return;
        }
        bridge.history(CONVERSATION, id, request.get().before(), request.get().limit(), replyTo);
    }

    /** A line as an inbound message: a known command, or an answer. */
    private static InboundMessage inbound(String line, int turn) {
        Optional<ChannelCommand> command = ChannelCommand.parse(line);
        if (command.isPresent()) {
            return new InboundMessage.Command(MessageId.of(command.get().code() + "-" + turn), command.get(),
                    ChannelCommand.argument(line).orElse(null));
        }
        return new InboundMessage.Text(MessageId.of("line-" + turn), line);
    }
}
