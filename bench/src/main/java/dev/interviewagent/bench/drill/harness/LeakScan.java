package dev.interviewagent.bench.drill.harness;

import dev.interviewagent.bench.drill.load.Ledger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks through everything the server showed each respondent (questions, streamed deltas, closing messages,
 * reports, errors) for what must never reach them: a fault canary (raw model output), the JSON of the brain's reply
 * contract, eight words in a row of a system prompt (the same measure the brain's own check uses), or another
 * interview's code word (another respondent's words).
 */
public final class LeakScan {

    /** Words per run compared with the system prompt. */
    static final int SHINGLE_WORDS = 8;
    private static final Pattern CODE_WORD = Pattern.compile("ZK\\d{7}");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final List<String> CONTRACT_KEYS = List.of("\"question_depth\"", "\"transition_ready\"",
            "\"end_requested\"");

    /** What was found, by kind, and the first few examples. */
    public record Result(Map<String, Long> counts, List<String> examples) {
        public long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }

        @Override
        public String toString() {
            return total() == 0 ? "none" : counts + (examples.isEmpty() ? "" : ", e.g. " + examples.get(0));
        }
    }

    private LeakScan() {
    }

    /**
     * @param canaries     substrings no respondent may ever see (e.g. the fault server's {@code zq-} prefix)
     * @param systemPrompts the system prompts the model was sent
     */
    public static Result scan(Ledger ledger, Collection<String> canaries, Collection<String> systemPrompts) {
        Set<String> shingles = new HashSet<>();
        systemPrompts.forEach(p -> shingles.addAll(shingles(p)));
        Map<String, Long> counts = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        for (Ledger.InterviewLog log : ledger.interviews()) {
            String own = log.script.codeWord();
            for (Ledger.Received r : log.received()) {
                String text = r.text();
                for (String canary : canaries) {
                    if (text.contains(canary)) {
                        found(counts, examples, "raw model output", log, r);
                    }
                }
                for (String key : CONTRACT_KEYS) {
                    if (text.contains(key) && !r.type().equals("report")) {
                        found(counts, examples, "reply contract JSON", log, r);
                    }
                }
                Matcher m = CODE_WORD.matcher(text);
                while (m.find()) {
                    if (!m.group().equals(own)) {
                        found(counts, examples, "another respondent's words", log, r);
                        break;
                    }
                }
                if (!shingles.isEmpty() && leaks(text, shingles)) {
                    found(counts, examples, "system prompt text", log, r);
                }
            }
        }
        return new Result(counts, examples);
    }

    private static void found(Map<String, Long> counts, List<String> examples, String kind, Ledger.InterviewLog log,
                              Ledger.Received r) {
        counts.merge(kind, 1L, Long::sum);
        if (examples.size() < 5) {
            String text = r.text().length() > 240 ? r.text().substring(0, 240) + "…" : r.text();
            examples.add(kind + " in a " + r.type() + " to " + log.interviewId + ": " + text);
        }
    }

    static Set<String> shingles(String text) {
        List<String> words = words(text);
        Set<String> out = new HashSet<>();
        for (int i = 0; i + SHINGLE_WORDS <= words.size(); i++) {
            out.add(String.join(" ", words.subList(i, i + SHINGLE_WORDS)));
        }
        return out;
    }

    static boolean leaks(String text, Set<String> shingles) {
        List<String> words = words(text);
        for (int i = 0; i + SHINGLE_WORDS <= words.size(); i++) {
            if (shingles.contains(String.join(" ", words.subList(i, i + SHINGLE_WORDS)))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }
}
