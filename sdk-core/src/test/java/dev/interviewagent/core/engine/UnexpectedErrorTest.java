package dev.interviewagent.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.CapturedLogs;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.brain.MethodologyBrain;
import dev.interviewagent.core.channel.ChannelAdapter;
import dev.interviewagent.core.channel.ChannelBridge;
import dev.interviewagent.core.channel.ChannelCapabilities;
import dev.interviewagent.core.channel.InboundMessage;
import dev.interviewagent.core.channel.OutboundEvent;
import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.core.exception.InterviewException;
import dev.interviewagent.core.spi.BrainReply;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.core.spi.InterviewPage;
import dev.interviewagent.core.spi.InterviewQuery;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.core.spi.InterviewerBrain;
import dev.interviewagent.core.store.InMemoryInterviewStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A failure that is none of the SDK's typed ones is a bug: it is logged at ERROR with its stack trace (without
 * its message, which could quote an answer) and reported as {@code internal}, never hidden as a retriable
 * {@code unavailable} at DEBUG. A brain's bug is logged at ERROR too, while the offline brain keeps the interview
 * going.
 */
class UnexpectedErrorTest {

    private static final String SECRET = "my salary is 81234 and my manager is Jane Roe";

    private final FailingStore store = new FailingStore();
    private final List<OutboundEvent> events = new CopyOnWriteArrayList<>();
    private InterviewEngine engine;

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void should_log_at_error_and_answer_internal_when_the_store_fails_unexpectedly() {
        engine = InterviewEngine.builder().store(store).build();
        Reply first = engine.start(StartRequest.builder().language(Language.ENGLISH).build());
        store.failCommits = true;

        try (CapturedLogs logs = new CapturedLogs()) {
            assertThatThrownBy(() -> engine.answer(first.interviewId(), Answer.text("m-1", SECRET)))
                    .isInstanceOfSatisfying(InterviewException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
                        assertThat(e.isRetriable()).isFalse();
                        assertThat(chain(e)).doesNotContain("81234", "Jane Roe");
                    });

            assertThat(logs.errorsFrom("InterviewEngine")).singleElement().satisfies(line -> assertThat(line)
                    .contains(first.interviewId().value(), "IllegalStateException", "FailingStore.commit"));
            assertThat(logs.lines()).noneMatch(line -> line.contains("81234") || line.contains("Jane Roe"));
        }
    }

    @Test
    void should_send_internal_and_log_the_bug_once_at_error_when_a_channel_turn_fails_unexpectedly() {
        engine = InterviewEngine.builder().store(store).build();
        ChannelBridge bridge = ChannelBridge.builder(engine, new RecordingAdapter()).build();
        InterviewId id = bridge.start("c1", StartRequest.builder().language(Language.ENGLISH).build(), null);
        store.failCommits = true;
        events.clear();

        try (CapturedLogs logs = new CapturedLogs()) {
            bridge.handle("c1", id, new InboundMessage.Text(MessageId.of("m-1"), SECRET));

            assertThat(events).singleElement().isInstanceOfSatisfying(OutboundEvent.Error.class,
                    error -> assertThat(error.code()).isEqualTo(ErrorCode.INTERNAL));
            List<String> errors = new ArrayList<>(logs.errorsFrom("InterviewEngine"));
            errors.addAll(logs.errorsFrom("ChannelBridge"));
            assertThat(errors).hasSize(1);
            assertThat(logs.lines()).noneMatch(line -> line.contains("81234") || line.contains("Jane Roe"));
        }
    }

    @Test
    void should_log_at_error_and_fall_back_when_the_brain_has_a_bug() {
        InterviewerBrain offline = MethodologyBrain.create();
        engine = InterviewEngine.builder().brain(new InterviewerBrain() {
            @Override
            public String id() {
                return "buggy";
            }

            @Override
            public BrainReply phrase(BrainRequest request) {
                if (request.turnNumber() > 1) {
                    throw new IllegalArgumentException("cannot phrase a reply to: " + request.lastAnswer());
                }
                return offline.phrase(request);
            }
        }).build();
        Reply first = engine.start(StartRequest.builder().language(Language.ENGLISH).build());

        try (CapturedLogs logs = new CapturedLogs()) {
            Reply next = engine.answer(first.interviewId(), Answer.text("m-1", SECRET));

            assertThat(next.message().fallback()).isTrue();
            assertThat(logs.errorsFrom("BrainCaller")).singleElement().satisfies(line -> assertThat(line)
                    .contains("buggy", "IllegalArgumentException"));
            assertThat(logs.lines()).noneMatch(line -> line.contains("81234") || line.contains("Jane Roe"));
        }
    }

    private static String chain(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(t).append('\n');
        }
        return out.toString();
    }

    private final class RecordingAdapter implements ChannelAdapter {
        @Override
        public ChannelCapabilities capabilities() {
            return new ChannelCapabilities(false, false, false, 4096);
        }

        @Override
        public void send(String conversation, OutboundEvent event) {
            events.add(event);
        }
    }

    /** An in-memory store whose commits can be made to fail the way a buggy store adapter would. */
    private static final class FailingStore implements InterviewStore {
        private final InMemoryInterviewStore delegate = new InMemoryInterviewStore();
        volatile boolean failCommits;

        @Override
        public void create(Interview interview, List<Turn> turns) {
            delegate.create(interview, turns);
        }

        @Override
        public Optional<Interview> load(InterviewId id) {
            return delegate.load(id);
        }

        @Override
        public void commit(long expectedVersion, Interview next, List<Turn> turns) {
            if (failCommits) {
                String quoted = turns.isEmpty() ? "" : turns.get(0).text();
                throw new IllegalStateException("value rejected: " + quoted);
            }
            delegate.commit(expectedVersion, next, turns);
        }

        @Override
        public List<Turn> turns(InterviewId id) {
            return delegate.turns(id);
        }

        @Override
        public Optional<Turn> findByMessageId(InterviewId id, MessageId messageId) {
            return delegate.findByMessageId(id, messageId);
        }

        @Override
        public Optional<InterviewId> findActiveByChannelKey(String channelKey) {
            return delegate.findActiveByChannelKey(channelKey);
        }

        @Override
        public List<InterviewId> findByChannelKey(String channelKey) {
            return delegate.findByChannelKey(channelKey);
        }

        @Override
        public List<InterviewId> findActiveIdleSince(Instant cutoff, int limit) {
            return delegate.findActiveIdleSince(cutoff, limit);
        }

        @Override
        public boolean delete(InterviewId id) {
            return delegate.delete(id);
        }

        @Override
        public InterviewPage list(InterviewQuery query) {
            return delegate.list(query);
        }
    }
}
