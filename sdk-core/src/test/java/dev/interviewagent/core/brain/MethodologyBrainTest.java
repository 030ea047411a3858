package dev.interviewagent.core.brain;

import static dev.interviewagent.core.brain.BrainFixtures.STYLES;
import static dev.interviewagent.core.brain.BrainFixtures.analysis;
import static dev.interviewagent.core.brain.BrainFixtures.flatAnswer;
import static dev.interviewagent.core.brain.BrainFixtures.interview;
import static dev.interviewagent.core.brain.BrainFixtures.move;
import static dev.interviewagent.core.brain.BrainFixtures.request;
import static dev.interviewagent.core.brain.BrainFixtures.seed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.CloseReason;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.analysis.Engagement;
import dev.interviewagent.core.channel.ChannelControl;
import dev.interviewagent.core.channel.ChannelControls;
import dev.interviewagent.core.guide.InterviewGuide;
import dev.interviewagent.core.guide.InterviewStyles;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.i18n.Messages;
import dev.interviewagent.core.internal.brain.PhraseTemplates;
import dev.interviewagent.core.internal.engine.ControlsAttribute;
import dev.interviewagent.core.internal.guard.OneQuestionGuard;
import dev.interviewagent.core.internal.guard.QuestionFingerprint;
import dev.interviewagent.core.spi.BrainReply;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.core.spi.Move;
import dev.interviewagent.core.spi.MoveType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MethodologyBrainTest {

    // one shared instance on purpose: the brain and the guard are immutable and thread-safe
    private static final MethodologyBrain brain = MethodologyBrain.create();
    private static final OneQuestionGuard guard = OneQuestionGuard.create();

    static Stream<Arguments> everyMoveLanguageStyleAndEngagement() {
        List<Arguments> all = new ArrayList<>();
        for (Language language : Language.builtIn()) {
            for (String style : InterviewStyles.BUILT_IN_CODES) {
                for (MoveType type : MoveType.values()) {
                    for (Engagement engagement : Engagement.values()) {
                        all.add(Arguments.of(language, style, type, engagement));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("everyMoveLanguageStyleAndEngagement")
    void should_ask_exactly_one_question_in_the_interview_language_when_phrasing_any_move_and_style(
            Language language, String style, MoveType type, Engagement engagement) {
        // given
        BrainRequest request = request(language, style, type, analysis(engagement));

        // when
        BrainReply reply = brain.phrase(request);

        // then
        assertThat(reply.phrasedBy()).isEqualTo("methodology");
        assertThat(reply.message()).isNotBlank().doesNotContain("{").doesNotContain("}");
        assertThat(guard.countQuestions(reply.message(), language)).as(reply.message())
                .isEqualTo(type == MoveType.CLOSE ? 0 : 1);
        boolean cyrillic = reply.message().codePoints()
                .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.CYRILLIC);
        assertThat(cyrillic).as("written in %s: %s", language, reply.message())
                .isEqualTo(language == Language.RUSSIAN);
    }

    @Test
    void should_report_its_id_when_asked() {
        assertThat(brain.id()).isEqualTo("methodology").isEqualTo(MethodologyBrain.ID);
    }

    // ------------------------------------------------------------------------------------------------ quoting

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void should_quote_the_vague_phrase_when_clarifying(Language language) {
        String quoted = language == Language.RUSSIAN ? "«как обычно»" : "“as usual”";
        for (String style : InterviewStyles.BUILT_IN_CODES) {
            for (Engagement engagement : Engagement.values()) {
                for (int turn = 2; turn < 12; turn++) {
                    // given
                    Move move = move(MoveType.CLARIFY_VAGUE, language);
                    BrainRequest request = request(interview(language, style, null), move, analysis(engagement), turn);

                    // when
                    String message = brain.phrase(request).message();

                    // then
                    assertThat(message).as(style).containsIgnoringCase(quoted);
                }
            }
        }
    }

    @Test
    void should_quote_the_first_evasive_phrase_when_move_carries_no_quote() {
        // given
        Move move = Move.of(MoveType.CLARIFY_VAGUE, Stage.OPERATIONS, 2);
        BrainRequest request = request(interview(Language.ENGLISH, "master", null), move,
                BrainFixtures.evasive("the normal process"), 3);

        // when
        String message = brain.phrase(request).message();

        // then
        assertThat(message).contains("“the normal process”");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void should_quote_the_gist_when_checking_a_summary(Language language) {
        String gist = move(MoveType.SUMMARY_CHECK, language).quote();
        String open = language == Language.RUSSIAN ? "«" : "“";
        for (String style : InterviewStyles.BUILT_IN_CODES) {
            // when
            String message = brain.phrase(request(language, style, MoveType.SUMMARY_CHECK, analysis(Engagement.HIGH)))
                    .message();

            // then
            assertThat(message).as(style).contains(open + gist.substring(0, 20));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void should_name_both_sides_when_pointing_out_a_contradiction(Language language) {
        Move move = move(MoveType.CONTRADICTION, language);
        for (String style : InterviewStyles.BUILT_IN_CODES) {
            for (int turn = 2; turn < 8; turn++) {
                // when
                String message = brain.phrase(request(interview(language, style, null), move,
                        analysis(Engagement.MEDIUM), turn)).message();

                // then
                assertThat(message).as(style).contains(move.recall().quote().substring(0, 15))
                        .contains(move.quote().substring(0, 15));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ recall

    @ParameterizedTest
    @EnumSource(value = MoveType.class, names = {"NEW_TOPIC", "NEXT_STAGE", "DEEPEN_EXAMPLE", "DEEPEN_STEPS",
            "DEEPEN_NUMBERS", "DEEPEN_INSIGHT", "CLARIFY_VAGUE"})
    void should_refer_back_to_an_earlier_answer_when_move_carries_a_recall(MoveType type) {
        for (Language language : Language.builtIn()) {
            Interview.Recall recall = BrainFixtures.recall(language);
            String earlier = language == Language.RUSSIAN ? "«" + recall.quote().substring(0, 15)
                    : "“" + recall.quote().substring(0, 15);
            for (String style : InterviewStyles.BUILT_IN_CODES) {
                // given
                Move move = move(type, language).withRecall(recall);

                // when
                String message = brain.phrase(request(interview(language, style, null), move,
                        analysis(Engagement.MEDIUM), 9)).message();

                // then
                assertThat(message).as(style).contains(earlier);
                assertThat(guard.countQuestions(message, language)).as(message).isEqualTo(1);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ stages

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void should_bridge_and_ask_the_seed_when_moving_to_the_next_stage(Language language) {
        for (String style : InterviewStyles.BUILT_IN_CODES) {
            // given
            Move move = move(MoveType.NEXT_STAGE, language);

            // when
            String message = brain.phrase(request(language, style, MoveType.NEXT_STAGE, analysis(Engagement.MEDIUM)))
                    .message();

            // then
            String seed = move.seedQuestion();
            assertThat(message.toLowerCase()).as(style).contains(seed.substring(1).toLowerCase());
            assertThat(message).as(style).contains(Messages.forLanguage(language).stageName(Stage.EXPERTISE_MAP));
            assertThat(message).as(style).endsWith(seed.substring(seed.length() - 10));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void should_state_the_new_stage_goal_first_when_style_announces_stages(Language language) {
        // given
        String goal = InterviewGuide.expertise().stage(Stage.EXPERTISE_MAP).goal(language);

        // when
        String message = brain.phrase(request(language, "stage_specific", MoveType.NEXT_STAGE,
                analysis(Engagement.MEDIUM))).message();

        // then
        assertThat(message.toLowerCase()).contains(goal.substring(1, goal.length() - 1).toLowerCase());
        assertThat(message).contains("5").contains("9");
        assertThat(message.indexOf(goal.substring(1, 20))).isLessThan(message.indexOf('?'));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void should_prefix_the_stage_emoji_when_style_uses_stage_emoji(Language language) {
        // when
        String nextStage = brain.phrase(request(language, "telegram", MoveType.NEXT_STAGE,
                analysis(Engagement.MEDIUM))).message();
        String open = brain.phrase(request(language, "telegram", MoveType.OPEN, null)).message();

        // then
        assertThat(nextStage).startsWith("🗺️");
        assertThat(open).startsWith("👋");
        assertThat(brain.phrase(request(language, "master", MoveType.NEXT_STAGE, analysis(Engagement.MEDIUM)))
                .message()).doesNotStartWith("🗺️");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void should_offer_a_break_at_a_long_stage_boundary_when_style_offers_breaks(Language language) {
        // given
        PhraseTemplates templates = PhraseTemplates.builtIn(language);

        // when
        String message = brain.phrase(request(language, "conversational", MoveType.NEXT_STAGE,
                analysis(Engagement.MEDIUM))).message();

        // then
        assertThat(templates.variants("break.default")).anyMatch(message::contains);
        assertThat(guard.countQuestions(message, language)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = MoveType.class, names = {"RECOVER_REFUSAL", "RECOVER_DISCOMFORT", "REDIRECT"})
    void should_name_the_mood_gently_when_style_tracks_mood(MoveType type) {
        for (Language language : Language.builtIn()) {
            // given
            PhraseTemplates templates = PhraseTemplates.builtIn(language);
            String pool = switch (type) {
                case RECOVER_REFUSAL -> "mood.refusal";
                case RECOVER_DISCOMFORT -> "mood.discomfort";
                default -> "mood.redirect";
            };

            // when
            String managed = brain.phrase(request(language, "conversation_management", type,
                    analysis(Engagement.MEDIUM))).message();
            String master = brain.phrase(request(language, "master", type, analysis(Engagement.MEDIUM))).message();

            // then
            assertThat(templates.variants(pool)).anyMatch(managed::startsWith);
            assertThat(templates.variants(pool)).noneMatch(master::contains);
        }
    }

    @Test
    void should_name_the_mood_when_the_answer_is_flat_and_style_tracks_mood() {
        PhraseTemplates templates = PhraseTemplates.builtIn(Language.ENGLISH);
        String message = brain.phrase(request(Language.ENGLISH, "conversation_management", MoveType.DEEPEN_EXAMPLE,
                flatAnswer())).message();
        assertThat(templates.variants("mood.low")).anyMatch(message::contains);
    }

    @Test
    void should_not_remark_on_the_mood_of_a_concise_answer() {
        // twenty words of substance are a concise expert, not a tired one: no "the energy is dipping" at every turn
        PhraseTemplates templates = PhraseTemplates.builtIn(Language.ENGLISH);
        for (int turn = 2; turn < 12; turn++) {
            String message = brain.phrase(request(interview(Language.ENGLISH, "conversation_management", null),
                    move(MoveType.DEEPEN_EXAMPLE, Language.ENGLISH), analysis(Engagement.LOW), turn)).message();
            assertThat(templates.variants("mood.low")).noneMatch(message::contains);
        }
    }

    // ------------------------------------------------------------------------------------------------ engagement

    @ParameterizedTest
    @EnumSource(value = MoveType.class, names = {"NEW_TOPIC", "DEEPEN_EXAMPLE", "DEEPEN_STEPS", "DEEPEN_NUMBERS",
            "DEEPEN_INSIGHT", "CLARIFY_VAGUE", "NEXT_STAGE"})
    void should_thank_and_keep_it_short_when_engagement_is_low(MoveType type) {
        for (Language language : Language.builtIn()) {
            String thanks = language == Language.RUSSIAN ? "Спасибо" : "Thank";
            for (String style : List.of("master", "telegram", "stage_specific")) {
                for (int turn = 2; turn < 10; turn++) {
                    // when
                    String low = brain.phrase(request(interview(language, style, null), move(type, language),
                            analysis(Engagement.LOW), turn)).message();

                    // then
                    assertThat(low).as(style).containsIgnoringCase(thanks);
                }
            }
        }
        // the low-engagement questions themselves are the short, simple ones
        for (Language language : Language.builtIn()) {
            PhraseTemplates templates = PhraseTemplates.builtIn(language);
            for (String move : List.of("deepen_example", "deepen_steps", "deepen_numbers", "deepen_insight")) {
                double low = templates.variants("moves." + move + ".low").stream().mapToInt(String::length)
                        .average().orElseThrow();
                double normal = templates.variants("moves." + move + ".default").stream().mapToInt(String::length)
                        .average().orElseThrow();
                assertThat(low).as(move).isLessThan(normal);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void should_go_straight_to_depth_when_engagement_is_high(Language language) {
        // given
        PhraseTemplates templates = PhraseTemplates.builtIn(language);

        // when
        String message = brain.phrase(request(language, "master", MoveType.DEEPEN_INSIGHT,
                analysis(Engagement.HIGH))).message();

        // then
        assertThat(templates.variants("moves.deepen_insight.high")).anyMatch(message::endsWith);
    }

    // ------------------------------------------------------------------------------------------------ telegram

    @ParameterizedTest
    @EnumSource(MoveType.class)
    void should_keep_messages_within_200_chars_when_style_is_telegram_even_with_long_quotes(MoveType type) {
        String longWords = " and then we go through everything again very carefully with the whole team";
        for (Language language : Language.builtIn()) {
            // given
            Move move = move(type, language);
            if (move.quote() != null) {
                move = move.withQuote(move.quote() + longWords.repeat(4));
            }
            if (type != MoveType.OPEN && type != MoveType.CLOSE && type != MoveType.MEMBER_CHECK) {
                move = move.withRecall(new Interview.Recall(Stage.OPERATIONS, 3,
                        BrainFixtures.recall(language).quote() + longWords.repeat(3)));
            }
            for (int turn = 2; turn < 12; turn++) {
                // when
                String message = brain.phrase(request(interview(language, "telegram", "Anna"), move,
                        type == MoveType.OPEN ? null : analysis(Engagement.MEDIUM), turn)).message();

                // then
                assertThat(message.length()).as(message).isLessThanOrEqualTo(200);
                assertThat(guard.countQuestions(message, language)).as(message)
                        .isEqualTo(type == MoveType.CLOSE ? 0 : 1);
            }
        }
    }

    @Test
    void should_truncate_quotes_with_an_ellipsis_when_they_do_not_fit() {
        // given
        String longQuote = "we always do it the usual way because that is simply how it has been done here for "
                + "years and nobody has ever questioned it in any meeting I have attended";
        Move move = Move.of(MoveType.CLARIFY_VAGUE, Stage.OPERATIONS, 2).withQuote(longQuote);

        // when
        String message = brain.phrase(request(interview(Language.ENGLISH, "telegram", null), move,
                analysis(Engagement.MEDIUM), 4)).message();

        // then
        assertThat(message).contains("…”").contains("“we always do it");
        assertThat(message.length()).isLessThanOrEqualTo(200);
    }

    // ------------------------------------------------------------------------------------------------ member check, close, open

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void should_list_insights_numbered_and_ask_to_confirm_and_rate_when_member_checking(Language language) {
        Move move = move(MoveType.MEMBER_CHECK, language);
        for (String style : InterviewStyles.BUILT_IN_CODES) {
            // when
            String message = brain.phrase(request(language, style, MoveType.MEMBER_CHECK, analysis(Engagement.MEDIUM)))
                    .message();

            // then
            assertThat(message).as(style).contains("\n1. " + move.insights().get(0).substring(0, 20))
                    .contains("\n2. " + move.insights().get(1).substring(0, 20))
                    .contains("\n3. ").contains("1").contains("4");
            assertThat(guard.countQuestions(message, language)).isEqualTo(1);
            assertThat(message.substring(message.lastIndexOf('\n'))).contains("?").contains("4");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void should_thank_warmly_without_a_question_when_closing_for_any_reason(Language language) {
        String thanks = language == Language.RUSSIAN ? "спасибо" : "thank";
        for (String style : InterviewStyles.BUILT_IN_CODES) {
            Set<String> messages = new HashSet<>();
            for (CloseReason reason : CloseReason.values()) {
                // when
                String message = brain.phrase(request(interview(language, style, "Anna"),
                        BrainFixtures.close(reason), analysis(Engagement.MEDIUM), 40)).message();

                // then
                assertThat(message.toLowerCase()).as(style + " " + reason).contains(thanks);
                assertThat(message).doesNotContain("?");
                assertThat(guard.countQuestions(message, language)).isZero();
                messages.add(message);
            }
            assertThat(messages).hasSize(CloseReason.values().length);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void should_explain_the_process_and_ask_the_first_greeting_seed_when_opening(Language language) {
        for (String style : InterviewStyles.BUILT_IN_CODES) {
            // when
            String message = brain.phrase(request(language, style, MoveType.OPEN, null)).message();

            // then
            assertThat(message).as(style).doesNotContain("/")
                    .containsAnyOf("nine", "9", "девять", "девяти")
                    .containsAnyOf("one question at a time", "по одному вопросу", "по вопросу за раз");
            String seed = seed(Stage.GREETING, language, 0);
            assertThat(message.toLowerCase()).endsWith(seed.substring(1).toLowerCase());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void should_name_only_the_channels_own_way_to_finish_early_when_opening(Language language) {
        boolean ru = language == Language.RUSSIAN;
        ChannelControls telegram = ChannelControls.commands();
        ChannelControls page = ChannelControls.NEUTRAL.withFinishEarly(ChannelControl.button(Map.of(
                Language.ENGLISH, "End interview", Language.RUSSIAN, "Завершить интервью")))
                .withRepeat(ChannelControl.button(Map.of(Language.ENGLISH, "Repeat question",
                        Language.RUSSIAN, "Повторить вопрос")));
        ChannelControls terminal = ChannelControls.NEUTRAL.withFinishEarly(ChannelControl.key("Ctrl-E"));
        ChannelControls rest = ChannelControls.NEUTRAL.withFinishEarly(
                ChannelControl.endpoint("POST /interviews/{id}/complete"));
        String button = ru ? "«Завершить интервью»" : "the “End interview” button";
        String repeatButton = ru ? "«Повторить вопрос»" : "“Repeat question” button";
        String again = ru ? "вопрос ещё раз" : "question again";
        for (String style : InterviewStyles.BUILT_IN_CODES) {
            // when
            String byCommand = opening(language, style, telegram);
            String byButton = opening(language, style, page);
            String byKey = opening(language, style, terminal);
            String byEndpoint = opening(language, style, rest);
            String neutral = opening(language, style, ChannelControls.NEUTRAL);

            // then
            assertThat(byCommand).as(style).contains("/complete", "/repeat", again)
                    .doesNotContain("«Завершить", "“End", "«Повторить", "“Repeat");
            assertThat(byButton).as(style).contains(button, repeatButton, again).containsAnyOf("button", "кнопк")
                    .doesNotContain("/");
            assertThat(byKey).as(style).contains("Ctrl-E").doesNotContain("/", "«Завершить", "“End", again);
            for (String unnamed : List.of(byEndpoint, neutral)) {
                assertThat(unnamed).as(style).doesNotContain("/", "«Завершить", "“End", "POST", again)
                        .containsAnyOf("finish early", "закончить досрочно", "завершить разговор досрочно");
            }
            for (String message : List.of(byCommand, byButton, byKey, neutral)) {
                assertThat(guard.countQuestions(message, language)).as(message).isEqualTo(1);
                assertThat(message).doesNotContain("{", "}");
            }
        }
    }

    private static String opening(Language language, String style, ChannelControls controls) {
        String encoded = ControlsAttribute.encode(controls);
        Interview interview = interview(language, style, "Anna").toBuilder()
                .attributes(encoded == null ? Map.of() : Map.of(ControlsAttribute.KEY, encoded)).build();
        return brain.phrase(request(interview, move(MoveType.OPEN, language), null, 1)).message();
    }

    @Test
    void should_fall_back_to_a_guide_seed_when_a_topic_move_has_none() {
        // given
        Move move = Move.of(MoveType.NEW_TOPIC, Stage.FAILURE_MODES, 1);

        // when
        String message = brain.phrase(request(interview(Language.ENGLISH, "master", null), move,
                analysis(Engagement.MEDIUM), 30)).message();

        // then
        assertThat(InterviewGuide.expertise().stage(Stage.FAILURE_MODES).seeds(Language.ENGLISH))
                .anyMatch(seed -> message.endsWith(seed.substring(1)));
    }

    // ------------------------------------------------------------------------------------------------ human touch

    @Test
    void should_use_the_experts_name_occasionally_when_profile_has_one() {
        // given
        int withName = 0;
        int total = 60;
        for (int turn = 2; turn < 2 + total; turn++) {
            MoveType type = List.of(MoveType.DEEPEN_EXAMPLE, MoveType.NEW_TOPIC, MoveType.DEEPEN_INSIGHT,
                    MoveType.RECOVER_REFUSAL).get(turn % 4);
            // when
            String message = brain.phrase(request(interview(Language.ENGLISH, "conversational", "Anna"),
                    move(type, Language.ENGLISH), analysis(Engagement.MEDIUM), turn)).message();
            if (message.contains("Anna")) {
                withName++;
            }
        }

        // then
        assertThat(withName).isBetween(2, total / 2);
    }

    @Test
    void should_vary_acknowledgements_when_phrasing_many_turns() {
        Set<String> leads = new HashSet<>();
        for (int turn = 2; turn < 40; turn++) {
            String message = brain.phrase(request(interview(Language.ENGLISH, "master", null),
                    move(MoveType.DEEPEN_EXAMPLE, Language.ENGLISH), analysis(Engagement.MEDIUM), turn)).message();
            leads.add(message.substring(0, Math.min(12, message.length())));
        }
        assertThat(leads).hasSizeGreaterThan(6);
    }

    // ------------------------------------------------------------------------------------------------ variety

    static Stream<Arguments> languagesAndStyles() {
        List<Arguments> all = new ArrayList<>();
        for (Language language : Language.builtIn()) {
            for (String style : InterviewStyles.BUILT_IN_CODES) {
                all.add(Arguments.of(language, style));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("languagesAndStyles")
    void should_never_repeat_a_message_when_driving_a_long_interview(Language language, String style) {
        // given
        Interview interview = interview(language, style, "Anna");
        List<MoveType> cycle = List.of(MoveType.NEW_TOPIC, MoveType.DEEPEN_EXAMPLE, MoveType.DEEPEN_STEPS,
                MoveType.CLARIFY_VAGUE, MoveType.DEEPEN_NUMBERS, MoveType.DEEPEN_INSIGHT, MoveType.SUMMARY_CHECK,
                MoveType.RECOVER_REFUSAL, MoveType.CONTRADICTION, MoveType.ACKNOWLEDGE_GAP, MoveType.REDIRECT,
                MoveType.RECOVER_DISCOMFORT, MoveType.DEEPEN_EXAMPLE, MoveType.NEW_TOPIC, MoveType.NEXT_STAGE);
        Set<String> seen = new HashSet<>();
        Engagement[] engagements = Engagement.values();

        // when
        List<String> messages = new ArrayList<>();
        messages.add(phraseAndRecord(interview, move(MoveType.OPEN, language), null, 1));
        interview = record(interview, messages.get(0));
        for (int i = 0; i < 120; i++) {
            MoveType type = cycle.get(i % cycle.size());
            Move move = move(type, language);
            if (type == MoveType.NEXT_STAGE) {
                move = BrainFixtures.nextStage(Stage.OPERATIONS, Stage.EXPERTISE_MAP,
                        seed(Stage.EXPERTISE_MAP, language, i));
            } else if (type == MoveType.NEW_TOPIC) {
                move = move.withSeedQuestion(seed(Stage.OPERATIONS, language, i / cycle.size()));
            }
            if (i % 3 == 0 && type != MoveType.CONTRADICTION) {
                move = move.withRecall(BrainFixtures.recall(language));
            }
            String message = phraseAndRecord(interview, move, analysis(engagements[i % 3]), i + 2);
            messages.add(message);
            interview = record(interview, message);
        }

        // then
        for (String message : messages) {
            assertThat(seen.add(QuestionFingerprint.of(message))).as("repeated: %s", message).isTrue();
        }
        assertThat(messages).hasSize(121);
    }

    private String phraseAndRecord(Interview interview, Move move,
                                   dev.interviewagent.core.analysis.AnswerAnalysis analysis, int turn) {
        String message = brain.phrase(request(interview, move, analysis, turn)).message();
        assertThat(guard.countQuestions(message, interview.language())).as(message).isEqualTo(1);
        return message;
    }

    private static Interview record(Interview interview, String message) {
        return interview.toBuilder().addAskedQuestion(QuestionFingerprint.of(message))
                .turnCount(interview.turnCount() + 2).build();
    }

    // ------------------------------------------------------------------------------------------------ determinism

    @Test
    void should_phrase_the_same_message_when_a_request_is_replayed() {
        for (MoveType type : MoveType.values()) {
            BrainRequest request = request(Language.RUSSIAN, "conversational", type, analysis(Engagement.MEDIUM));
            assertThat(MethodologyBrain.create().phrase(request).message())
                    .isEqualTo(brain.phrase(request).message())
                    .isEqualTo(brain.phrase(request).message());
        }
    }

    @Test
    void should_phrase_differently_when_seed_or_turn_differs() {
        MethodologyBrain other = MethodologyBrain.builder().seed(42).build();
        Set<String> bySeed = new HashSet<>();
        Set<String> byTurn = new HashSet<>();
        for (int turn = 2; turn < 12; turn++) {
            BrainRequest request = request(interview(Language.ENGLISH, "master", null),
                    move(MoveType.DEEPEN_STEPS, Language.ENGLISH), analysis(Engagement.MEDIUM), turn);
            byTurn.add(brain.phrase(request).message());
            if (!brain.phrase(request).message().equals(other.phrase(request).message())) {
                bySeed.add(request.turnNumber() + "");
            }
        }
        assertThat(byTurn).hasSizeGreaterThan(3);
        assertThat(bySeed).isNotEmpty();
    }

    @Test
    void should_phrase_consistently_when_called_from_many_threads() {
        // given
        List<BrainRequest> requests = new ArrayList<>();
        for (MoveType type : MoveType.values()) {
            for (String style : InterviewStyles.BUILT_IN_CODES) {
                requests.add(request(Language.ENGLISH, style, type, analysis(Engagement.MEDIUM)));
            }
        }
        Map<Integer, String> expected = new ConcurrentHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            expected.put(i, brain.phrase(requests.get(i)).message());
        }

        // when
        Map<Integer, String> actual = new ConcurrentHashMap<>();
        IntStream.range(0, requests.size() * 4).parallel()
                .forEach(i -> actual.put(i % requests.size(), brain.phrase(requests.get(i % requests.size())).message()));

        // then
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void should_use_custom_templates_when_builder_replaces_them() {
        // given
        String json = "{\"quote\":{\"open\":\"<\",\"close\":\">\"},\"ellipsis\":\"...\","
                + "\"list\":{\"separator\":\", \",\"last\":\" & \"},"
                + "\"moves\":{\"deepen_steps\":{\"default\":[\"Which steps, please?\"]}}}";
        MethodologyBrain custom = MethodologyBrain.builder()
                .templates(Language.ENGLISH, new java.io.ByteArrayInputStream(
                        json.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .build();

        // when
        String message = custom.phrase(request(interview(Language.ENGLISH, "master", null),
                move(MoveType.DEEPEN_STEPS, Language.ENGLISH), null, 3)).message();

        // then
        assertThat(message).isEqualTo("Which steps, please?");
        assertThat(STYLES.codes()).contains("master");
    }
}
