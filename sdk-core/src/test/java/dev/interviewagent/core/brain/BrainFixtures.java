package dev.interviewagent.core.brain;

import dev.interviewagent.core.CloseReason;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Profile;
import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.analysis.AnswerLength;
import dev.interviewagent.core.analysis.Engagement;
import dev.interviewagent.core.guide.InterviewGuide;
import dev.interviewagent.core.guide.InterviewStyle;
import dev.interviewagent.core.guide.InterviewStyles;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.core.spi.Move;
import dev.interviewagent.core.spi.MoveType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds brain requests for tests from the built-in guide and styles. */
final class BrainFixtures {

    static final InterviewGuide GUIDE = InterviewGuide.expertise();
    static final InterviewStyles STYLES = InterviewStyles.builtIn();
    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    private BrainFixtures() {
    }

    static Interview interview(Language language, String style, @Nullable String name) {
        return Interview.start(InterviewId.of("iv-test-1"), language, style, GUIDE.id(), GUIDE.revision(),
                new Profile(name, "Dispatcher", null, "Logistics", 12, null), null, Map.of(), NOW);
    }

    /** A flat answer of a few words ("ok, fine"): low engagement that the mood-tracking style remarks on. */
    static AnswerAnalysis flatAnswer() {
        return new AnswerAnalysis(2, AnswerLength.ofWords(2), List.of(), false, false, false, false, false,
                false, false, false, false, false, Engagement.LOW, null, List.of(), null);
    }

    static AnswerAnalysis analysis(Engagement engagement) {
        int words = switch (engagement) {
            case LOW -> 20;
            case MEDIUM -> 120;
            case HIGH -> 260;
        };
        return new AnswerAnalysis(words, AnswerLength.ofWords(words), List.of(), false, false, false, false, false,
                false, false, false, false, false, engagement, null, List.of(), null);
    }

    static AnswerAnalysis evasive(String phrase) {
        return new AnswerAnalysis(12, AnswerLength.SHORT, List.of(phrase), false, false, false, false, false,
                false, false, false, false, false, Engagement.MEDIUM, null, List.of(), null);
    }

    static String seed(Stage stage, Language language, int index) {
        List<String> seeds = GUIDE.stage(stage).seeds(language);
        return seeds.get(index % seeds.size());
    }

    static String quote(Language language) {
        return language == Language.RUSSIAN ? "как обычно" : "as usual";
    }

    static Interview.Recall recall(Language language) {
        return new Interview.Recall(Stage.OPERATIONS, 7, language == Language.RUSSIAN
                ? "утром я первым делом смотрю сводку по заказам" : "the first thing I check every morning is the order summary");
    }

    /** A representative move of each type, with the details the decision layer would add. */
    static Move move(MoveType type, Language language) {
        return switch (type) {
            case OPEN -> Move.of(type, Stage.GREETING, 1).withSeedQuestion(seed(Stage.GREETING, language, 0));
            case NEW_TOPIC -> Move.of(type, Stage.OPERATIONS, 1).withSeedQuestion(seed(Stage.OPERATIONS, language, 1));
            case DEEPEN_EXAMPLE -> Move.of(type, Stage.OPERATIONS, 2);
            case DEEPEN_STEPS -> Move.of(type, Stage.OPERATIONS, 3);
            case DEEPEN_NUMBERS -> Move.of(type, Stage.PROFILING, 2);
            case DEEPEN_INSIGHT -> Move.of(type, Stage.MASTERY, 4);
            case CLARIFY_VAGUE -> Move.of(type, Stage.OPERATIONS, 2).withQuote(quote(language));
            case CONTRADICTION -> Move.of(type, Stage.OPERATIONS, 2).withRecall(recall(language))
                    .withQuote(language == Language.RUSSIAN ? "сводку я почти никогда не открываю"
                            : "I hardly ever open the summary");
            case SUMMARY_CHECK -> Move.of(type, Stage.ESSENCE, 2).withQuote(language == Language.RUSSIAN
                    ? "главное — удержать клиента в первые две недели" : "the key is keeping the client in the first two weeks");
            case RECOVER_REFUSAL -> Move.of(type, Stage.FAILURE_MODES, 1).withAcknowledge("refusal");
            case RECOVER_DISCOMFORT -> Move.of(type, Stage.FAILURE_MODES, 1).withAcknowledge("discomfort");
            case ACKNOWLEDGE_GAP -> Move.of(type, Stage.EXPERTISE_MAP, 1).withAcknowledge("gap")
                    .withSeedQuestion(seed(Stage.EXPERTISE_MAP, language, 2));
            case REDIRECT -> Move.of(type, Stage.OPERATIONS, 1);
            case NEXT_STAGE -> nextStage(Stage.OPERATIONS, Stage.EXPERTISE_MAP, seed(Stage.EXPERTISE_MAP, language, 0));
            case MEMBER_CHECK -> Move.of(type, Stage.WRAP_UP, 1).withInsights(language == Language.RUSSIAN
                    ? List.of("Первая сводка утром задаёт весь день.", "Новички недооценивают звонок клиенту.",
                    "Ошибку в маршруте видно по задержке первого рейса.")
                    : List.of("The morning summary sets up the whole day.", "Newcomers underestimate the client call.",
                    "A routing error shows up as a delay on the first run."));
            case PROBE_CUE, PROBE_DECISION, PROBE_BASIS, PROBE_COUNTERFACTUAL -> Move.of(type, Stage.FAILURE_MODES, 2)
                    .withAnchor(language == Language.RUSSIAN ? "партия вздулась на третий день"
                            : "the whole batch started to swell on the third day");
            case PROBE_STEP -> Move.of(type, Stage.OPERATIONS, 3).withAnchor(language == Language.RUSSIAN
                    ? "проверяю влажность в камере" : "I check the cellar hygrometer");
            case PROBE_FAILURE -> Move.of(type, Stage.FAILURE_MODES, 2);
            case CONTRAST, BEGINNERS_MIND, EXPERT_SECRET -> Move.of(type, Stage.EXPERTISE_MAP, 2);
            case OFFER_PAUSE -> Move.of(type, Stage.OPERATIONS, 2).withAcknowledge("tired");
            case REPHRASE -> Move.of(type, Stage.OPERATIONS, 1);
            case CLOSE -> close(CloseReason.NORMAL);
        };
    }

    static Move nextStage(Stage from, Stage to, @Nullable String seed) {
        return new Move(MoveType.NEXT_STAGE, to, 1, from, seed, null, null, List.of(), List.of(), null, null);
    }

    static Move close(CloseReason reason) {
        return new Move(MoveType.CLOSE, Stage.WRAP_UP, 0, null, null, null, null, List.of(), List.of(), reason, null);
    }

    static BrainRequest request(Interview interview, Move move, @Nullable AnswerAnalysis analysis, int turn) {
        InterviewStyle style = STYLES.get(interview.style());
        return new BrainRequest(interview, move, GUIDE.stage(move.stage()), style, analysis,
                analysis == null ? null : "an answer", List.of(), turn);
    }

    static BrainRequest request(Language language, String style, MoveType type, @Nullable AnswerAnalysis analysis) {
        Move move = move(type, language);
        return request(interview(language, style, null), move, type == MoveType.OPEN ? null : analysis, 5);
    }
}
