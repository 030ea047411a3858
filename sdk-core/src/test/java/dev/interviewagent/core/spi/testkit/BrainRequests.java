package dev.interviewagent.core.spi.testkit;

import dev.interviewagent.core.CloseReason;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Profile;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.guide.InterviewGuide;
import dev.interviewagent.core.guide.InterviewStyles;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.internal.analysis.AnswerAnalyzer;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.core.spi.Move;
import dev.interviewagent.core.spi.MoveType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Realistic {@link BrainRequest}s for every move, for brain contract tests. */
public final class BrainRequests {

    private static final InterviewGuide GUIDE = InterviewGuide.expertise();
    private static final InterviewStyles STYLES = InterviewStyles.builtIn();
    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    private BrainRequests() {
    }

    /** The answer a request replies to, in each language (vague on purpose, so it can be quoted). */
    public static String answer(Language language) {
        return language == Language.RUSSIAN
                ? "Ну, как обычно: сначала смотрим заявку, потом решаем по ситуации."
                : "Well, as usual: first we look at the request, then we decide case by case.";
    }

    /** The fragment of a story a probe is anchored on, in each language. */
    public static String anchor(Language language) {
        return language == Language.RUSSIAN ? "ночью сорвало график трёх поездов"
                : "the night three trains fell off the schedule";
    }

    /** A request to phrase {@code type} in {@code language} and {@code style}, with prior state that fits the move. */
    public static BrainRequest forMove(MoveType type, Language language, String style, List<String> askedBefore) {
        Stage stage = switch (type) {
            case OPEN -> Stage.GREETING;
            case MEMBER_CHECK -> Stage.WRAP_UP;
            case NEXT_STAGE -> Stage.OPERATIONS;
            default -> Stage.OPERATIONS;
        };
        String text = answer(language);
        Interview.Recall recall = new Interview.Recall(Stage.PROFILING, 4, language == Language.RUSSIAN
                ? "Я 12 лет руковожу сменой диспетчеров" : "I have led the dispatch shift for 12 years");
        Interview base = Interview.start(InterviewId.of("brain-kit-" + type.code() + "-" + language.code()), language,
                style, GUIDE.id(), GUIDE.revision(), new Profile("Alex", "Dispatcher", null, "Logistics", 12, null),
                null, Map.of(), AT);
        Interview.Builder state = base.toBuilder().stage(type == MoveType.OPEN ? Stage.GREETING
                        : type == MoveType.NEXT_STAGE ? Stage.ESSENCE : type == MoveType.MEMBER_CHECK
                        ? Stage.GROWTH_PATH : stage)
                .turnCount(type == MoveType.OPEN ? 0 : 9)
                .addRecall(recall, 10);
        askedBefore.forEach(state::addAskedQuestion);
        Interview interview = state.build();

        List<String> seeds = GUIDE.stage(stage).seeds(language);
        Move move = switch (type) {
            case OPEN -> Move.of(type, Stage.GREETING, 1).withSeedQuestion(GUIDE.stage(Stage.GREETING).seeds(language)
                    .get(0));
            case NEXT_STAGE -> Move.transition(type, Stage.ESSENCE, Stage.OPERATIONS).withSeedQuestion(seeds.get(0))
                    .withRecall(recall);
            case MEMBER_CHECK -> Move.transition(type, Stage.GROWTH_PATH, Stage.WRAP_UP).withInsights(
                    language == Language.RUSSIAN
                            ? List.of("Решение принимается по тренду, а не по одной цифре",
                            "Новички меняют две вещи сразу", "Лучший учитель — разбор ошибок")
                            : List.of("Decide on the trend, not on one number",
                            "Newcomers change two things at once", "Post-mortems teach more than courses"));
            case CLOSE -> Move.close(Stage.WRAP_UP, CloseReason.NORMAL);
            case NEW_TOPIC, RECOVER_REFUSAL, RECOVER_DISCOMFORT, ACKNOWLEDGE_GAP, REDIRECT ->
                    Move.of(type, stage, 1).withSeedQuestion(seeds.get(1)).withRecall(recall);
            case CLARIFY_VAGUE -> Move.of(type, stage, 2).withQuote(language == Language.RUSSIAN ? "как обычно"
                    : "as usual");
            case SUMMARY_CHECK -> Move.of(type, stage, 2).withQuote(text);
            case PROBE_CUE, PROBE_DECISION, PROBE_BASIS, PROBE_COUNTERFACTUAL, PROBE_STEP ->
                    Move.of(type, stage, 2).withAnchor(anchor(language));
            case CONTRADICTION -> Move.of(type, stage, 2).withQuote(language == Language.RUSSIAN ? "3 года опыта"
                    : "3 years of experience").withRecall(recall);
            default -> Move.of(type, stage, 3).withMissing(List.of("examples", "steps"));
        };
        AnswerAnalysis analysis = type == MoveType.OPEN ? null : AnswerAnalyzer.standard().analyze(text, language);
        List<Turn> recent = type == MoveType.OPEN ? List.of() : List.of(
                new Turn(8, Turn.Role.INTERVIEWER, Turn.Kind.QUESTION, seeds.get(0), stage, Turn.Modality.TEXT, AT,
                        null, null, null, "new_topic", 1, "kit", false),
                new Turn(9, Turn.Role.RESPONDENT, Turn.Kind.ANSWER, text, stage, Turn.Modality.TEXT, AT, null,
                        dev.interviewagent.core.MessageId.of("m9"), null, null, 0, null, false));
        return new BrainRequest(interview, move, GUIDE.stage(move.stage()), STYLES.get(style), analysis,
                type == MoveType.OPEN ? null : text, recent, interview.turnCount() + 1);
    }
}
