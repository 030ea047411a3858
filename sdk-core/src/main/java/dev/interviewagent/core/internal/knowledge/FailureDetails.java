package dev.interviewagent.core.internal.knowledge;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.internal.text.PackWords;
import dev.interviewagent.core.internal.text.Pleasantries;
import dev.interviewagent.core.internal.text.QuestionSentences;
import dev.interviewagent.core.internal.text.TextSanitizer;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The answer to a follow-up about a mistake (its warning sign, its fix, its cost) belongs to that mistake: it is
 * added to the latest failure mode as its {@code warning_signs}, {@code fix} or {@code consequences}, by what the
 * question asked.
 */
public final class FailureDetails {

    /** Longest detail kept, in characters. */
    static final int DETAIL_CHARS = 300;

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    /** What a question asks for: the {@code failure_sign|cost|fix_question} lists of the packs' patterns.json. */
    private static final String SIGN = "failure_sign_question";
    private static final String FIX = "failure_fix_question";
    private static final String COST = "failure_cost_question";

    private FailureDetails() {
    }

    /** What a follow-up of a mistake asks for, and the attribute of the failure mode its answer is filed under. */
    public enum Aspect {
        /** How it shows before it costs anything. */
        SIGN("warning_signs"),
        /** What it costs when nobody catches it. */
        COST("consequences"),
        /** How it is put right. */
        FIX("fix");

        private final String attribute;

        Aspect(String attribute) {
            this.attribute = attribute;
        }

        /** The failure mode's attribute holding this detail. */
        public String attribute() {
            return attribute;
        }

        /** The code a move names it by in its {@code missing} list. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The detail a message asks for, by its question sentences (not a stage title such as "Mistakes and warning
     * signs" in front of them): a sign ("How do you catch that early?") before a cost ("What does it cost when
     * nobody catches it?") before a fix.
     */
    public static Optional<Aspect> askedIn(String message, Language language) {
        List<String> questions = QuestionSentences.of(message);
        String question = questions.isEmpty() ? message : String.join(" ", questions);
        return asks(language, SIGN, question) ? Optional.of(Aspect.SIGN)
                : asks(language, COST, question) ? Optional.of(Aspect.COST)
                : asks(language, FIX, question) ? Optional.of(Aspect.FIX) : Optional.empty();
    }

    /** {@link #askedIn(String, Language)} with the built-in languages' words. */
    public static Optional<Aspect> askedIn(String message) {
        return askedIn(message, Language.ENGLISH);
    }

    private static boolean asks(Language language, String list, String question) {
        return PackWords.sharedPattern(language, list, FLAGS).matcher(question).find();
    }

    /**
     * The first detail of the latest failure mode still unknown — its sign, then its cost, then its fix — not
     * counting one the question just answered asked for (its answer told it, even when it was filed as the
     * mistake itself: "What finally gave it away?" — "Small angle differences you can't put down to the
     * instrument").
     */
    public static Optional<Aspect> nextToAsk(List<KnowledgeItem> knowledge, String questionAnswered) {
        return nextToAsk(knowledge, questionAnswered, Language.ENGLISH);
    }

    /** {@link #nextToAsk(List, String)} reading the question with the packs' lists for {@code language}. */
    public static Optional<Aspect> nextToAsk(List<KnowledgeItem> knowledge, String questionAnswered,
                                             Language language) {
        KnowledgeItem latest = null;
        for (KnowledgeItem item : knowledge) {
            if (item.kind() == KnowledgeKind.FAILURE_MODE && (latest == null || item.turn() >= latest.turn())) {
                latest = item;
            }
        }
        Optional<Aspect> answered = askedIn(questionAnswered, language);
        for (Aspect aspect : Aspect.values()) {
            boolean known = latest != null && latest.attributes().containsKey(aspect.attribute());
            if (!known && answered.filter(aspect::equals).isEmpty()) {
                return Optional.of(aspect);
            }
        }
        return Optional.empty();
    }

    /**
     * Who makes the mistake, named first ("Young conductors talk too much", «Новички торопятся»), or a Russian
     * sentence opening on a plural verb with no subject («Лечат цифру, а не человека»): the answer names a mistake of
     * its own rather than a detail of the one asked about.
     */
    private static final String WHO_ERRS = "who_errs";
    /**
     * A mistake stated as a habit, opening on what is done ("Serving reds too warm because the room is warm",
     * "Ignoring humidity when a piano moves"): a gerund of neglect, or a gerund with what makes it wrong (too,
     * without, instead of). A sign is something seen ("the load keeps swinging"), a fix an instruction ("give each
     * note a firm blow"); neither opens that way.
     */
    private static final String DOING_IT_WRONG = "doing_it_wrong";
    private static final Pattern PLURAL_VERB_FIRST = Pattern.compile(
            "^\\W*\\p{IsCyrillic}+(?:ют|ут|ят|ат)(?:ся)?\\b", FLAGS | Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * Whether the answer to a follow-up of a mistake names a mistake of its own: it opens on who makes it ("Young
     * conductors talk too much", «Новички торопятся»), or, in Russian, on a plural verb with no subject («Лечат
     * цифру, а не человека»), or on the wrong thing done ("Serving reds too warm"), where a detail of the mistake
     * asked about would describe a sign or a fix.
     */
    public static boolean namesNewMistake(String answer, Language language) {
        String content = Pleasantries.strip(answer, language);
        int flags = FLAGS | Pattern.UNICODE_CHARACTER_CLASS;
        return PackWords.sharedPattern(language, WHO_ERRS, flags).matcher(content).find()
                || PLURAL_VERB_FIRST.matcher(content).find()
                || PackWords.sharedPattern(language, DOING_IT_WRONG, flags).matcher(content).find();
    }

    /** {@link #namesNewMistake(String, Language)} with the built-in languages' words. */
    public static boolean namesNewMistake(String answer) {
        return namesNewMistake(answer, Language.ENGLISH);
    }

    /** Whether a failure mode was recorded from the respondent turn {@code turn} (the mistake being followed up). */
    public static boolean onRecord(List<KnowledgeItem> knowledge, int turn) {
        return knowledge.stream().anyMatch(i -> i.kind() == KnowledgeKind.FAILURE_MODE && i.turn() == turn);
    }

    /** The knowledge with {@code answer} added to the latest failure mode as the detail {@code question} asked. */
    public static List<KnowledgeItem> attach(List<KnowledgeItem> knowledge, String question, String answer) {
        return attach(knowledge, question, answer, Language.ENGLISH);
    }

    /** {@link #attach(List, String, String)} reading the question with the packs' lists for {@code language}. */
    public static List<KnowledgeItem> attach(List<KnowledgeItem> knowledge, String question, String answer,
                                             Language language) {
        int last = -1;
        for (int i = knowledge.size() - 1; i >= 0; i--) {
            if (knowledge.get(i).kind() == KnowledgeKind.FAILURE_MODE) {
                last = i;
                break;
            }
        }
        String detail = TextSanitizer.bounded(Pleasantries.strip(answer, language), DETAIL_CHARS);
        if (last < 0 || detail.isBlank()) {
            return knowledge;
        }
        String key = askedIn(question, language).orElse(Aspect.SIGN).attribute();
        KnowledgeItem item = knowledge.get(last);
        Map<String, String> attributes = new LinkedHashMap<>(item.attributes());
        attributes.merge(key, detail, (a, b) -> a + " " + b);
        List<KnowledgeItem> result = new ArrayList<>(knowledge);
        result.set(last, new KnowledgeItem(item.kind(), item.text(), item.stage(), item.turn(), item.source(),
                item.steps(), attributes));
        return result;
    }
}
