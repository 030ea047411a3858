package dev.interviewagent.samples.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.exception.InterviewException;
import dev.interviewagent.core.experiment.OutcomeReport;
import dev.interviewagent.core.experiment.OutcomeReportRenderer;
import dev.interviewagent.core.experiment.StyleAssignment;
import dev.interviewagent.core.experiment.StyleExperiment;
import dev.interviewagent.core.guide.InterviewStyles;
import dev.interviewagent.core.spi.InterviewStore;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The console's style-experiment options, taken out of the command line before the other options are parsed:
 * {@code --experiment NAME=STYLE:WEIGHT,...} assigns the style of a new interview by the experiment,
 * {@code --respondent ID} names the respondent it hashes (default {@code console:<user name>}), and
 * {@code --experiment-report} prints the outcome report over the console's store instead of interviewing (only the
 * named experiment's interviews when {@code --experiment NAME} is given too). Immutable.
 *
 * @param name       the experiment's name; null without {@code --experiment}
 * @param experiment the experiment with its arms; null without arms
 * @param respondent the id the experiment hashes
 * @param report     print the outcome report and exit
 * @param rest       the other arguments, in order, for {@link ConsoleOptions#parse}
 */
public record ExperimentOptions(@Nullable String name, @Nullable StyleExperiment experiment, String respondent,
                                boolean report, List<String> rest) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The usage lines of these options. */
    static final List<String> USAGE = List.of(
            "  --experiment NAME=STYLE:WEIGHT,...",
            "                       assign the style of a new interview by a style experiment, e.g.",
            "                       styles-2026=master:1,conversational:1 (wins over --style); see docs/experiments.md",
            "  --respondent ID      the respondent id the experiment hashes (default console:<user name>)",
            "  --experiment-report  print the style outcome report over the store (Markdown, or one JSON object with",
            "                       --json) and exit; with --experiment NAME only that experiment's interviews");

    public ExperimentOptions {
        Objects.requireNonNull(respondent, "respondent");
        rest = List.copyOf(rest);
    }

    /**
     * Takes the experiment options out of {@code args}.
     *
     * @throws ConsoleOptions.UsageException for a bad experiment, an unknown style or a missing value
     */
    public static ExperimentOptions parse(String[] args) throws ConsoleOptions.UsageException {
        String name = null;
        StyleExperiment experiment = null;
        String respondent = "console:" + System.getProperty("user.name", "respondent");
        boolean report = false;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            String option = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
            String inline = option.equals(arg) ? null : arg.substring(eq + 1);
            switch (option) {
                case "--experiment-report" -> report = true;
                case "--experiment" -> {
                    String value = inline != null ? inline : value(args, ++i, option);
                    int split = value.indexOf('=');
                    name = split < 0 ? value : value.substring(0, split);
                    try {
                        experiment = split < 0 ? null : StyleExperiment.parse(name, value.substring(split + 1))
                                .requireKnownStyles(InterviewStyles.builtIn());
                    } catch (IllegalArgumentException e) {
                        throw new ConsoleOptions.UsageException("--experiment: " + e.getMessage());
                    }
                }
                case "--respondent" -> {
                    respondent = inline != null ? inline : value(args, ++i, option);
                    if (respondent.isBlank() || respondent.length() > 512) {
                        throw new ConsoleOptions.UsageException("--respondent must be 1-512 characters");
                    }
                }
                default -> rest.add(arg);
            }
        }
        if (name != null && experiment == null && !report) {
            throw new ConsoleOptions.UsageException("--experiment needs its arms to assign a style, e.g. "
                    + name + "=master:1,conversational:1");
        }
        return new ExperimentOptions(name, experiment, respondent, report, rest);
    }

    /** The other arguments as an array. */
    public String[] restArgs() {
        return rest.toArray(String[]::new);
    }

    /** Lets the experiment pick the style of a new interview, if there is one; says on {@code err} which it picked. */
    StartRequest.Builder applyTo(StartRequest.Builder request, PrintStream err) {
        if (experiment != null) {
            StyleAssignment arm = experiment.assign(respondent);
            err.println("experiment: " + arm.experiment() + " → style " + arm.style());
            arm.applyTo(request);
        }
        return request;
    }

    /**
     * Prints the outcome report over {@code store}: Markdown in {@code language}, or one line of JSON. Returns the
     * exit code: 0, or 1 when the store cannot be read (said on {@code err}).
     */
    int printReport(InterviewStore store, boolean json, Language language, PrintStream out, PrintStream err) {
        OutcomeReport.Builder builder = OutcomeReport.builder(store);
        if (experiment != null) {
            builder.experiment(experiment);
        } else if (name != null) {
            builder.experiment(name);
        }
        OutcomeReport report;
        try {
            report = builder.build();
        } catch (InterviewException e) {
            err.println("console-sample: " + e.code().wireValue() + ": " + e.getMessage());
            return 1;
        }
        OutcomeReportRenderer renderer = new OutcomeReportRenderer();
        try {
            // one line, as everything the console prints in --json mode
            out.println(json ? JSON.readTree(renderer.json(report)).toString()
                    : renderer.markdown(report, language));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the outcome report's own JSON does not read back", e);
        }
        return 0;
    }

    private static String value(String[] args, int index, String option) throws ConsoleOptions.UsageException {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new ConsoleOptions.UsageException(option + " needs a value");
        }
        return args[index];
    }
}
