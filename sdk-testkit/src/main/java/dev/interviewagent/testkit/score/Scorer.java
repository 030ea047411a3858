package dev.interviewagent.testkit.score;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.StageProgress;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.report.KnowledgeReport;
import dev.interviewagent.testkit.intent.QuestionIntent;
import dev.interviewagent.testkit.intent.QuestionIntentClassifier;
import dev.interviewagent.testkit.persona.Persona;
import dev.interviewagent.testkit.respondent.AnswerKind;
import dev.interviewagent.testkit.respondent.Utterance;
import dev.interviewagent.testkit.score.InterviewScore.Finding;
import dev.interviewagent.testkit.simulator.Exchange;
import dev.interviewagent.testkit.simulator.SimulatedInterview;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Scores a {@link SimulatedInterview}: every metric of {@link InterviewScore}, computed from the transcript, the
 * respondent's ground truth (what each answer carried) and the report. Stateless and thread-safe.
 */
public final class Scorer {

    private static final QuestionIntentClassifier INTENTS = QuestionIntentClassifier.create();

    private static final Pattern QUOTE = Pattern.compile("“([^”]{2,})”|«([^»]{2,})»|\"([^\"]{2,})\"");
    private static final Pattern GREETING = Pattern.compile(
            "^(?:hello|hi|hey|good (?:morning|afternoon|evening)|thanks|thank you|happy to help|glad to"
                    + "|здравствуйте|привет|добрый (?:день|вечер)|доброе утро|спасибо|рада? помочь)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ASKS_YEARS = words("how long|how many years|years have you|years in|сколько лет"
            + "|как давно|сколько времени вы|стаж");
    private static final Pattern ASKS_ROLES = words("which roles|what roles|what role|in which role|в каких ролях"
            + "|какой должност|кем вы работ|на каких должност");
    private static final Pattern ASKS_ORGANISATION = words("which company|what company|where do you work"
            + "|organi[sz]ation do|в какой компании|где вы работаете|в какой организации");

    /** Answers that describe the job, not a mistake: a failure mode made of one is misfiled. */
    private static final Set<AnswerKind> JOB_TALK = Set.of(AnswerKind.BACKGROUND, AnswerKind.MOTIVATION,
            AnswerKind.ESSENCE, AnswerKind.SURPRISE, AnswerKind.NUMBERS);

    private Scorer() {
    }

    private static Pattern words(String alternatives) {
        return Pattern.compile("(?:" + alternatives + ")", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Scores one interview. */
    public static InterviewScore score(SimulatedInterview sim) {
        Persona persona = sim.persona();
        Language language = persona.interviewLanguage();
        List<Exchange> exchanges = sim.exchanges();
        List<Finding> findings = new ArrayList<>();

        // What each question asked, read once.
        List<QuestionIntentClassifier.Reading> readings = new ArrayList<>();
        for (Exchange e : exchanges) {
            readings.add(INTENTS.read(e.question().text(), language));
        }

        int questions = 0;
        Map<Stage, Integer> perStage = new EnumMap<>(Stage.class);
        for (Exchange e : exchanges) {
            if (e.question().kind() == Turn.Kind.QUESTION) {
                questions++;
                perStage.merge(e.question().stage(), 1, Integer::sum);
            }
        }
        int answers = (int) exchanges.stream().filter(e -> e.answer() != null).count();

        int reAsks = reAsks(sim, readings, findings);
        int exampleAfterExample = exampleAfterExample(exchanges, readings, findings);
        int[] quotes = quotes(exchanges, findings);
        int[] repeats = repeats(exchanges, findings);
        int[] tacit = tacit(exchanges, readings, findings);
        int fatigueIgnored = fatigueIgnored(exchanges, findings);

        List<String> reached = new ArrayList<>();
        for (Exchange e : exchanges) {
            String code = e.question().stage().code();
            if (reached.isEmpty() || !reached.get(reached.size() - 1).equals(code)) {
                reached.add(code);
            }
        }
        List<String> all = new ArrayList<>();
        for (Stage s : Stage.values()) {
            all.add(s.code());
        }
        boolean inOrder = reached.equals(all);
        Map<String, String> ends = new LinkedHashMap<>();
        for (StageProgress p : sim.interview().stages()) {
            ends.put(p.stage().code(), p.endReason() == null ? p.status().name().toLowerCase(Locale.ROOT)
                    : p.endReason().code());
        }
        int maxStage = perStage.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (maxStage > Thresholds.DEFAULT.maxStageQuestions()) {
            perStage.forEach((stage, n) -> {
                if (n > Thresholds.DEFAULT.maxStageQuestions()) {
                    findings.add(new Finding("max_stage_questions", 0, stage.code() + ": " + n + " questions"));
                }
            });
        }

        Recall recall = Recall.of(sim, findings);
        return new InterviewScore(persona.id(), persona.language(), sim.style(), questions, answers, reAsks,
                exampleAfterExample, quotes[0], quotes[1], repeats[0], repeats[1], tacit[0], tacit[1],
                fatigueIgnored, maxStage, reached, inOrder, ends, recall.episodesTold, recall.episodesFound,
                recall.processesTold, recall.processesFound, recall.failuresTold, recall.failuresFound,
                recall.falseItems, recall.misfiled, findings);
    }

    // ------------------------------------------------------------------------------------------- metrics

    /** Questions about years, roles or organisation once the profile or an answer has given them. */
    private static int reAsks(SimulatedInterview sim, List<QuestionIntentClassifier.Reading> readings,
                              List<Finding> findings) {
        Persona.PersonaProfile profile = sim.persona().profile();
        boolean years = profile.years() != null;
        boolean roles = profile.role() != null;
        boolean organisation = profile.company() != null;
        int count = 0;
        List<Exchange> exchanges = sim.exchanges();
        for (int i = 0; i < exchanges.size(); i++) {
            QuestionIntentClassifier.Reading r = readings.get(i);
            if (r.intent() == QuestionIntent.BACKGROUND) {
                String q = r.question();
                boolean known = (years && ASKS_YEARS.matcher(q).find()) || (roles && ASKS_ROLES.matcher(q).find())
                        || (organisation && ASKS_ORGANISATION.matcher(q).find());
                if (known) {
                    count++;
                    findings.add(new Finding("re_asks", exchanges.get(i).question().number(), q));
                }
            }
            Utterance a = exchanges.get(i).answer();
            if (a != null && a.kind() == AnswerKind.BACKGROUND) {
                years = roles = organisation = true;
            }
        }
        return count;
    }

    private static int exampleAfterExample(List<Exchange> exchanges, List<QuestionIntentClassifier.Reading> readings,
                                           List<Finding> findings) {
        int count = 0;
        for (int i = 1; i < exchanges.size(); i++) {
            Utterance previous = exchanges.get(i - 1).answer();
            QuestionIntentClassifier.Reading r = readings.get(i);
            if (previous != null && previous.tellsEpisode() && r.intent() == QuestionIntent.EXAMPLE
                    && !r.asksForAnother()) {
                count++;
                findings.add(new Finding("example_after_example", exchanges.get(i).question().number(), r.question()));
            }
        }
        return count;
    }

    /** [quotes of greetings, pleasantries, meta or fatigue answers; fragments quoted again]. */
    private static int[] quotes(List<Exchange> exchanges, List<Finding> findings) {
        int bad = 0;
        int repeated = 0;
        Set<String> seen = new HashSet<>();
        List<Utterance> said = new ArrayList<>();
        for (Exchange e : exchanges) {
            Turn q = e.question();
            Matcher m = QUOTE.matcher(q.text());
            while (m.find()) {
                String fragment = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                String key = normalise(fragment);
                Utterance source = sourceOf(key, said);
                if (source == null) {
                    continue;      // a stage name or the interviewer's own words, not the respondent's
                }
                boolean greeting = GREETING.matcher(fragment.strip()).find()
                        || (source.greeting() != null && normalise(source.greeting()).contains(key));
                if (source.isMeta() || greeting) {
                    bad++;
                    findings.add(new Finding("bad_quotes", q.number(), fragment));
                }
                if (!seen.add(key)) {
                    repeated++;
                    findings.add(new Finding("repeated_quotes", q.number(), fragment));
                }
            }
            if (e.answer() != null) {
                said.add(e.answer());
            }
        }
        return new int[] {bad, repeated};
    }

    private static @Nullable Utterance sourceOf(String fragment, List<Utterance> said) {
        if (fragment.length() < 3) {
            return null;
        }
        Utterance meta = null;
        for (Utterance u : said) {
            if (normalise(u.text()).contains(fragment)) {
                if (!u.isMeta()) {
                    return u;      // words said with content first and repeated later are content
                }
                meta = meta == null ? u : meta;
            }
        }
        return meta;
    }

    /** [messages sent word for word again; question sentences used more than twice]. */
    private static int[] repeats(List<Exchange> exchanges, List<Finding> findings) {
        int exact = 0;
        Set<String> messages = new HashSet<>();
        Map<String, Integer> sentences = new HashMap<>();
        int overTwice = 0;
        for (Exchange e : exchanges) {
            Turn q = e.question();
            if (!messages.add(normalise(q.text()))) {
                exact++;
                findings.add(new Finding("exact_repeats", q.number(), q.text()));
            }
            for (String sentence : questionSentences(q.text())) {
                int n = sentences.merge(normalise(sentence), 1, Integer::sum);
                if (n == 3) {
                    overTwice++;
                    findings.add(new Finding("sentences_over_twice", q.number(), sentence));
                }
            }
        }
        return new int[] {exact, overTwice};
    }

    /** The sentences of a message that end in a question mark. */
    static List<String> questionSentences(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '\n' || c == '?') {
                if (c == '?') {
                    String s = text.substring(start, i + 1).strip();
                    if (s.length() > 3) {
                        out.add(s);
                    }
                }
                start = i + 1;
            }
        }
        return out;
    }

    /** [tacit answers; of them, followed in the same stage by a probe of the cue]. */
    private static int[] tacit(List<Exchange> exchanges, List<QuestionIntentClassifier.Reading> readings,
                               List<Finding> findings) {
        int tacit = 0;
        int probed = 0;
        for (int i = 0; i + 1 < exchanges.size(); i++) {
            Utterance a = exchanges.get(i).answer();
            if (a == null || a.kind() != AnswerKind.TACIT) {
                continue;
            }
            tacit++;
            Exchange next = exchanges.get(i + 1);
            boolean sameStage = next.question().stage() == exchanges.get(i).question().stage();
            if (sameStage && readings.get(i + 1).intent() == QuestionIntent.CUE) {
                probed++;
            } else {
                findings.add(new Finding("tacit_probe", next.question().number(),
                        a.text() + " → " + next.question().text()));
            }
        }
        return new int[] {tacit, probed};
    }

    /** Questions in the same stage after two "nothing more" answers in a row there. */
    private static int fatigueIgnored(List<Exchange> exchanges, List<Finding> findings) {
        int ignored = 0;
        int inRow = 0;
        Stage stage = null;
        for (Exchange e : exchanges) {
            Turn q = e.question();
            if (q.stage() != stage) {
                stage = q.stage();
                inRow = 0;
            } else if (inRow >= 2 && q.kind() == Turn.Kind.QUESTION) {
                ignored++;
                findings.add(new Finding("fatigue_ignored", q.number(), q.text()));
            }
            Utterance a = e.answer();
            if (a != null) {
                inRow = a.kind() == AnswerKind.NOTHING_MORE ? inRow + 1 : 0;
            }
        }
        return ignored;
    }

    static String normalise(String text) {
        String s = text.toLowerCase(Locale.ROOT).replace('ё', 'е').replace("…", " ");
        return s.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    // ------------------------------------------------------------------------------------------- report

    /** What the report kept of what was told, and what it should not have kept. */
    private static final class Recall {
        int episodesTold;
        int episodesFound;
        int processesTold;
        int processesFound;
        int failuresTold;
        int failuresFound;
        int falseItems;
        int misfiled;

        /** Counts one item of {@code kind} told, and whether the report kept it. */
        void count(String kind, boolean found) {
            switch (kind) {
                case "episode" -> {
                    episodesTold++;
                    episodesFound += found ? 1 : 0;
                }
                case "process" -> {
                    processesTold++;
                    processesFound += found ? 1 : 0;
                }
                default -> {
                    failuresTold++;
                    failuresFound += found ? 1 : 0;
                }
            }
        }

        private static Set<Integer> turns(java.util.stream.Stream<Integer> turns) {
            return turns.collect(java.util.stream.Collectors.toSet());
        }

        static Recall of(SimulatedInterview sim, List<Finding> findings) {
            Recall r = new Recall();
            KnowledgeReport report = sim.report();
            Map<Integer, Utterance> byTurn = new HashMap<>();
            for (Exchange e : sim.exchanges()) {
                if (e.answer() == null || e.answerTurn() == null) {
                    continue;
                }
                int turn = e.answerTurn().number();
                byTurn.put(turn, e.answer());
                for (String id : e.answer().told()) {
                    String kind = id.substring(0, id.indexOf(':'));
                    Set<Integer> inReport = switch (kind) {
                        case "episode" -> turns(report.examples().stream().map(KnowledgeReport.Example::turn));
                        case "process" -> turns(report.processes().stream().map(KnowledgeReport.Process::turn));
                        default -> turns(report.failureModes().stream().map(KnowledgeReport.FailureMode::turn));
                    };
                    boolean found = inReport.contains(turn);
                    r.count(kind, found);
                    if (!found) {
                        findings.add(new Finding(kind + "_recall", turn, e.answer().text()));
                    }
                }
            }
            Map<String, Integer> itemTurns = new LinkedHashMap<>();
            report.examples().forEach(x -> itemTurns.put("example: " + x.text(), x.turn()));
            report.processes().forEach(x -> itemTurns.put("process: " + x.title(), x.turn()));
            report.failureModes().forEach(x -> itemTurns.put("failure_mode: " + x.text(), x.turn()));
            report.timelineMilestones().forEach(x -> itemTurns.put("milestone: " + x.text(), x.turn()));
            report.metrics().forEach(x -> itemTurns.put("metric: " + x.text(), x.turn()));
            report.keyInsights().stream().filter(x -> !x.corrected())
                    .forEach(x -> itemTurns.put("insight: " + x.text(), x.turn()));
            for (Map.Entry<String, Integer> item : itemTurns.entrySet()) {
                Utterance source = byTurn.get(item.getValue());
                if (source == null) {
                    continue;
                }
                String text = item.getKey().substring(item.getKey().indexOf(": ") + 2);
                boolean greeting = source.greeting() != null
                        && normalise(source.greeting()).contains(normalise(text));
                if (source.isMeta() || greeting || GREETING.matcher(text.strip()).find()) {
                    r.falseItems++;
                    findings.add(new Finding("false_items", item.getValue(), item.getKey()));
                }
            }
            for (KnowledgeReport.FailureMode f : report.failureModes()) {
                Utterance source = byTurn.get(f.turn());
                if (source != null && source.told().isEmpty() && JOB_TALK.contains(source.kind())) {
                    r.misfiled++;
                    findings.add(new Finding("misfiled_items", f.turn(), "failure_mode: " + f.text()));
                }
            }
            return r;
        }
    }

}
