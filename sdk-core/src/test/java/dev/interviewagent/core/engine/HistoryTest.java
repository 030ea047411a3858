package dev.interviewagent.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewagent.core.Answer;
import dev.interviewagent.core.HistoryPage;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Profile;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.channel.ChannelAdapter;
import dev.interviewagent.core.channel.ChannelBridge;
import dev.interviewagent.core.channel.ChannelCapabilities;
import dev.interviewagent.core.channel.OutboundEvent;
import dev.interviewagent.core.channel.ProtocolJson;
import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.core.exception.InterviewNotFoundException;
import dev.interviewagent.core.exception.InvalidInputException;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.store.InMemoryInterviewStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The conversation so far, paged backwards from the newest turn, as the engine, the bridge and the JSON show it. */
class HistoryTest {

    private final InterviewEngine engine = InterviewEngine.builder().build();
    private final ProtocolJson json = new ProtocolJson();
    private final ObjectMapper mapper = new ObjectMapper();

    @AfterEach
    void close() {
        engine.close();
    }

    /** An interview with {@code answers} typed answers: 1 + 2 × answers turns. */
    private InterviewId interview(int answers) {
        InterviewId id = engine.start(StartRequest.builder().language(Language.ENGLISH).build()).interviewId();
        for (int n = 1; n <= answers; n++) {
            engine.answer(id, Answer.text("a-" + n, "Answer number " + n + ": last week at plant " + n
                    + " I checked the pressure log first, then called the shift lead."));
        }
        return id;
    }

    @Test
    void should_page_backwards_from_the_newest_turn_until_the_first() {
        InterviewId id = interview(6);   // 13 turns
        HistoryPage newest = engine.history(id, null, 5);
        assertThat(newest.turns()).extracting(Turn::number).containsExactly(9, 10, 11, 12, 13);
        assertThat(newest.more()).isTrue();
        assertThat(newest.next()).isEqualTo(9);
        assertThat(newest.total()).isEqualTo(13);

        HistoryPage middle = engine.history(id, newest.next(), 5);
        assertThat(middle.turns()).extracting(Turn::number).containsExactly(4, 5, 6, 7, 8);
        HistoryPage oldest = engine.history(id, middle.next(), 5);
        assertThat(oldest.turns()).extracting(Turn::number).containsExactly(1, 2, 3);
        assertThat(oldest.more()).isFalse();
        assertThat(oldest.next()).isNull();

        // the pages together are the whole log, in order, each turn once
        List<Turn> joined = new ArrayList<>(oldest.turns());
        joined.addAll(middle.turns());
        joined.addAll(newest.turns());
        assertThat(joined).isEqualTo(engine.transcript(id));
        assertThat(joined.get(1).text()).startsWith("Answer number 1:");
        assertThat(joined.get(1).messageId()).isEqualTo(MessageId.of("a-1"));
        assertThat(joined.get(0).role()).isEqualTo(Turn.Role.INTERVIEWER);
    }

    @Test
    void should_return_everything_in_one_page_when_the_limit_allows_and_nothing_before_turn_one() {
        InterviewId id = interview(2);
        HistoryPage all = engine.history(id, null, InterviewEngine.MAX_HISTORY_PAGE);
        assertThat(all.turns()).extracting(Turn::number).containsExactly(1, 2, 3, 4, 5);
        assertThat(all.more()).isFalse();
        assertThat(engine.history(id, 1, 10).turns()).isEmpty();
        assertThat(engine.history(id, 99, 2).turns()).extracting(Turn::number).containsExactly(4, 5);
    }

    @Test
    void should_refuse_limits_out_of_range_a_bad_cursor_and_unknown_interviews() {
        InterviewId id = interview(1);
        assertThatThrownBy(() -> engine.history(id, null, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> engine.history(id, null, InterviewEngine.MAX_HISTORY_PAGE + 1))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> engine.history(id, 0, 10)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> engine.history(InterviewId.of("nobody"), null, 10))
                .isInstanceOf(InterviewNotFoundException.class);
    }

    @Test
    void should_write_history_entries_with_roles_kinds_and_the_ids_a_client_matches_its_own_messages_by()
            throws Exception {
        InterviewId id = interview(1);
        engine.complete(id, MessageId.of("end-1"));
        JsonNode node = mapper.readTree(json.toJson(new OutboundEvent.History(engine.history(id, null, 50))));
        assertThat(node.path("type").asText()).isEqualTo("history");
        assertThat(node.path("interviewId").asText()).isEqualTo(id.value());
        assertThat(node.path("more").asBoolean()).isFalse();
        assertThat(node.path("next").isNull()).isTrue();
        JsonNode entries = node.path("entries");
        assertThat(entries).hasSize(5);
        assertThat(entries.get(0).path("role").asText()).isEqualTo("interviewer");
        assertThat(entries.get(0).path("kind").asText()).isEqualTo("question");
        assertThat(entries.get(0).path("stage").asText()).isEqualTo("greeting");
        assertThat(entries.get(0).path("stageIndex").asInt()).isEqualTo(1);
        assertThat(entries.get(0).path("replyTo").isNull()).isTrue();
        assertThat(entries.get(1).path("role").asText()).isEqualTo("respondent");
        assertThat(entries.get(1).path("kind").asText()).isEqualTo("answer");
        assertThat(entries.get(1).path("clientMessageId").asText()).isEqualTo("a-1");
        assertThat(entries.get(1).path("modality").asText()).isEqualTo("text");
        assertThat(entries.get(1).path("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(entries.get(2).path("replyTo").asText()).isEqualTo("a-1");
        assertThat(entries.get(3).path("kind").asText()).isEqualTo("command");
        assertThat(entries.get(4).path("kind").asText()).isEqualTo("closing");
        assertThat(entries.get(4).path("replyTo").asText()).isEqualTo("end-1");
    }

    @Test
    void should_leave_the_oldest_turns_for_the_earlier_page_when_a_frame_limit_is_reached() throws Exception {
        InterviewId id = interview(6);
        OutboundEvent.History event = new OutboundEvent.History(engine.history(id, null, 50));
        int whole = json.toJson(event).length();
        int limit = whole * 2 / 3;
        JsonNode fitted = mapper.readTree(json.toJson(event, limit));
        assertThat(json.toJson(event, limit).length()).isLessThanOrEqualTo(limit);
        JsonNode entries = fitted.path("entries");
        assertThat(entries.size()).isBetween(1, 12);
        assertThat(entries.get(entries.size() - 1).path("turn").asInt()).isEqualTo(13);   // the newest stay
        assertThat(fitted.path("more").asBoolean()).isTrue();
        assertThat(fitted.path("next").asInt()).isEqualTo(entries.get(0).path("turn").asInt());
        // the earlier page continues exactly where this one stops
        HistoryPage earlier = engine.history(id, fitted.path("next").asInt(), 50);
        assertThat(earlier.turns().get(earlier.turns().size() - 1).number())
                .isEqualTo(entries.get(0).path("turn").asInt() - 1);
        // a single turn is never cut
        assertThat(json.toJson(event, 10)).contains("\"turn\":13");
    }

    @Test
    void should_send_history_through_the_bridge_and_errors_for_bad_requests() {
        List<OutboundEvent> events = new ArrayList<>();
        ChannelAdapter adapter = new ChannelAdapter() {
            @Override
            public ChannelCapabilities capabilities() {
                return ChannelCapabilities.plainText(4096);
            }

            @Override
            public void send(String conversation, OutboundEvent event) {
                events.add(event);
            }
        };
        ChannelBridge bridge = ChannelBridge.builder(engine, adapter).build();
        InterviewId id = interview(3);

        bridge.history("c", id, null, 2, "h-1");
        assertThat(events).singleElement().isInstanceOfSatisfying(OutboundEvent.History.class,
                h -> assertThat(h.page().turns()).extracting(Turn::number).containsExactly(6, 7));
        events.clear();
        bridge.history("c", id, null, 500, "h-2");
        assertThat(events).singleElement().isInstanceOfSatisfying(OutboundEvent.Error.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
            assertThat(e.replyTo()).isEqualTo("h-2");
        });
        events.clear();

        // a resume that shows the conversation: session, every turn before the pending question, the question
        bridge.resume("c", id, null, true);
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isInstanceOf(OutboundEvent.Session.class);
        assertThat(events.get(1)).isInstanceOfSatisfying(OutboundEvent.History.class,
                h -> assertThat(h.page().turns()).extracting(Turn::number).containsExactly(1, 2, 3, 4, 5, 6));
        assertThat(events.get(2)).isInstanceOfSatisfying(OutboundEvent.Question.class,
                q -> assertThat(q.turn()).isEqualTo(7));
    }

    @Test
    void should_show_a_long_conversation_whole_on_resume_across_several_pages() {
        // a stored conversation longer than one page: 251 turns, the last a question waiting for its answer
        InMemoryInterviewStore store = new InMemoryInterviewStore();
        InterviewId id = InterviewId.of("long-one");
        Instant at = Instant.parse("2025-01-01T10:00:00Z");
        List<Turn> turns = new ArrayList<>();
        for (int n = 1; n <= 251; n++) {
            turns.add(n % 2 == 1
                    ? new Turn(n, Turn.Role.INTERVIEWER, Turn.Kind.QUESTION, "Question " + n + "?", Stage.OPERATIONS,
                            Turn.Modality.TEXT, at, null, null, n == 1 ? null : MessageId.of("m-" + (n - 1)),
                            "deepen_example", 2, "methodology", false)
                    : new Turn(n, Turn.Role.RESPONDENT, Turn.Kind.ANSWER, "Answer " + n, Stage.OPERATIONS,
                            Turn.Modality.TEXT, at, null, MessageId.of("m-" + n), null, null, 0, null, false));
        }
        Interview state = Interview.start(id, Language.ENGLISH, "master", "expertise", 1, Profile.EMPTY, null,
                Map.of(), at).toBuilder().stage(Stage.OPERATIONS).turnCount(251).pendingQuestion(turns.get(250))
                .build();
        store.create(state, turns);
        List<OutboundEvent> events = new ArrayList<>();
        ChannelAdapter adapter = new ChannelAdapter() {
            @Override
            public ChannelCapabilities capabilities() {
                return ChannelCapabilities.plainText(4096);
            }

            @Override
            public void send(String conversation, OutboundEvent event) {
                events.add(event);
            }
        };
        try (InterviewEngine stored = InterviewEngine.builder().store(store).build()) {
            ChannelBridge.builder(stored, adapter).build().resume("c", id, null, true);
        }
        assertThat(events).hasSize(3);
        OutboundEvent.History history = (OutboundEvent.History) events.get(1);
        assertThat(history.page().turns()).isEqualTo(turns.subList(0, 250));
        assertThat(history.page().more()).isFalse();
        assertThat(((OutboundEvent.Question) events.get(2)).turn()).isEqualTo(251);
    }
}
