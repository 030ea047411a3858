package dev.interviewagent.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A low-confidence transcript awaits confirmation per interview, not per conversation: a respondent who reconnects
 * (a new conversation of the same interview, e.g. a new WebSocket connection) sees it again and can confirm it.
 */
class ChannelBridgeReconnectTest {

    private final Map<String, List<OutboundEvent>> events = new ConcurrentHashMap<>();
    private final InterviewEngine engine = InterviewEngine.builder().build();
    private final ChannelBridge bridge = ChannelBridge.builder(engine, new ChannelAdapter() {
        @Override
        public ChannelCapabilities capabilities() {
            return new ChannelCapabilities(true, false, false, 4096);
        }

        @Override
        public void send(String conversation, OutboundEvent event) {
            events.computeIfAbsent(conversation, c -> new ArrayList<>()).add(event);
        }
    }).transcriber((audio, language) -> new SpeechTranscriber.Heard("first I check the edges", 0.4)).build();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void should_show_and_confirm_a_transcript_awaiting_confirmation_from_a_new_conversation_of_the_interview() {
        InterviewId id = bridge.start("before", StartRequest.builder().language(Language.ENGLISH).build(), "t");
        bridge.handle("before", id, new InboundMessage.Audio(MessageId.of("v1"), "webm", new byte[] {1}));
        assertThat(last("before")).isInstanceOfSatisfying(OutboundEvent.Transcript.class,
                t -> assertThat(t.needsConfirmation()).isTrue());

        bridge.resume("after", id, "t");
        assertThat(events.get("after")).hasSize(3);
        assertThat(events.get("after").get(2)).isInstanceOfSatisfying(OutboundEvent.Transcript.class, t -> {
            assertThat(t.needsConfirmation()).isTrue();
            assertThat(t.replyTo()).isEqualTo("v1");
            assertThat(t.text()).isEqualTo("first I check the edges");
            assertThat(t.choices()).hasSize(3);
        });

        bridge.handle("after", id, new InboundMessage.ButtonPress(MessageId.of("b1"), Choice.CONFIRM_TRANSCRIPT));
        assertThat(last("after")).isInstanceOfSatisfying(OutboundEvent.Question.class,
                q -> assertThat(q.replyTo()).isEqualTo("v1"));
        assertThat(engine.transcript(id)).filteredOn(Turn::isRespondent).singleElement()
                .satisfies(t -> assertThat(t.text()).isEqualTo("first I check the edges"));
    }

    @Test
    void should_drop_a_transcript_awaiting_confirmation_once_the_respondent_types_an_answer() {
        InterviewId id = bridge.start("c", StartRequest.builder().language(Language.ENGLISH).build(), "t");
        bridge.handle("c", id, new InboundMessage.Audio(MessageId.of("v1"), "webm", new byte[] {1}));
        bridge.handle("c", id, new InboundMessage.Text(MessageId.of("m1"), "I check the edges first, then the welds."));

        bridge.resume("again", id, "t");
        assertThat(events.get("again")).noneMatch(OutboundEvent.Transcript.class::isInstance);
        bridge.handle("again", id, new InboundMessage.ButtonPress(MessageId.of("b1"), Choice.CONFIRM_TRANSCRIPT));
        assertThat(last("again")).isInstanceOf(OutboundEvent.Notice.class);
        assertThat(engine.transcript(id)).filteredOn(Turn::isRespondent).hasSize(1);
    }

    private OutboundEvent last(String conversation) {
        List<OutboundEvent> sent = events.get(conversation);
        return sent.get(sent.size() - 1);
    }
}
