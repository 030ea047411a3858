package dev.interviewagent.core.internal.planner;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.guide.InterviewGuide;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.guide.StageDefinition;
import dev.interviewagent.core.internal.guard.QuestionFingerprint;
import dev.interviewagent.core.internal.understanding.AnswerReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether the answer just given already answers a question of the guide. Experts answer ahead: asked for the turning
 * points of their growth, one says "the ones who grow fast re-run their own work without being told" — and must not
 * then be asked "what separates people who grow fast from those who grow slowly?", the thing they just said.
 *
 * <p>A question is answered when the answer shares at least two of its distinctive words (by stem), and at least half
 * of them. Two stems are the same word when one begins with nearly all of the other: the stemmer leaves verb forms
 * such as «растёт» and «растут» ("grows", "grow") apart, and "fastest" apart from "fast". A word is distinctive when few of the guide's questions in that language use it: "what", "your", "work"
 * and "newcomer" are in many, "grow", "fast" and "slowly" are not. The guide itself is the word list, so a custom
 * guide or another language needs none. Thread-safe.
 */
final class AnsweredAhead {

    /** A stem used by this many of the guide's questions says nothing about which one is meant. */
    private static final int COMMON_IN = 3;
    private static final int LEAST_SHARED = 2;

    private final InterviewGuide guide;
    private final AnswerReader reader;
    private final Map<Language, Map<String, Integer>> questionsUsing = new ConcurrentHashMap<>();

    AnsweredAhead(InterviewGuide guide, AnswerReader reader) {
        this.guide = guide;
        this.reader = reader;
    }

    /** Whether {@code answer} already says what {@code question} asks for. */
    boolean answers(String answer, String question, Language language) {
        return answers(reader.stems(answer, language), question, language);
    }

    private boolean answers(Set<String> said, String question, Language language) {
        Map<String, Integer> counts = questionsUsing.computeIfAbsent(language, this::count);
        Set<String> distinctive = new HashSet<>();
        for (String stem : reader.stems(question, language)) {
            if (counts.getOrDefault(stem, 0) < COMMON_IN) {
                distinctive.add(stem);
            }
        }
        if (distinctive.size() < LEAST_SHARED) {
            return false;
        }
        long shared = distinctive.stream().filter(stem -> said.contains(stem)
                || said.stream().anyMatch(other -> sameWord(stem, other))).count();
        return shared >= LEAST_SHARED && shared * 2 >= distinctive.size();
    }

    /**
     * Whether two stems are forms of one word: they agree on at least four letters, and on all but the last two
     * letters of the shorter one («раст-ет», «раст-ут»; "fast", "fast-est").
     */
    static boolean sameWord(String a, String b) {
        int shorter = Math.min(a.length(), b.length());
        int common = 0;
        while (common < shorter && a.charAt(common) == b.charAt(common)) {
            common++;
        }
        return common >= Math.max(4, shorter - 2);
    }

    /**
     * Whether two things the expert said are about the same thing: they share a distinctive word (by stem, four
     * letters or more, used by few of the guide's questions).
     */
    boolean related(String said, String earlier, Language language) {
        Map<String, Integer> counts = questionsUsing.computeIfAbsent(language, this::count);
        Set<String> now = reader.stems(said, language);
        return reader.stems(earlier, language).stream().anyMatch(stem -> stem.length() >= 4
                && counts.getOrDefault(stem, 0) < COMMON_IN && now.contains(stem));
    }

    /**
     * Fingerprints of the questions of the interview's stage and the next, not asked yet, that {@code answer}
     * already answers.
     */
    List<String> questionsAnswered(Interview interview, String answer) {
        List<String> answered = new ArrayList<>();
        Set<String> said = reader.stems(answer, interview.language());   // once, not once per question
        Stage stage = interview.stage();
        List<Stage> stages = new ArrayList<>(List.of(stage));
        stage.next().ifPresent(stages::add);
        for (Stage s : stages) {
            for (String seed : guide.stage(s).seeds(interview.language())) {
                String fingerprint = QuestionFingerprint.of(seed);
                boolean asked = interview.askedQuestions().stream().anyMatch(q -> q.contains(fingerprint));
                if (!asked && answers(said, seed, interview.language())) {
                    answered.add(fingerprint);
                }
            }
        }
        return answered;
    }

    /** How many of the guide's questions use each stem. */
    private Map<String, Integer> count(Language language) {
        Map<String, Integer> counts = new HashMap<>();
        for (StageDefinition stage : guide.stages()) {
            for (String question : stage.seeds(language)) {
                reader.stems(question, language).forEach(stem -> counts.merge(stem, 1, Integer::sum));
            }
        }
        return counts;
    }
}
