package dev.interviewagent.core.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.channel.ChannelAdapter;
import dev.interviewagent.core.channel.ChannelCapabilities;
import dev.interviewagent.core.channel.ChannelControl;
import dev.interviewagent.core.channel.ChannelControls;
import dev.interviewagent.core.channel.OutboundEvent;
import dev.interviewagent.core.spi.BrainReply;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.core.spi.InterviewCursor;
import dev.interviewagent.core.spi.InterviewPage;
import dev.interviewagent.core.spi.InterviewQuery;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.core.spi.InterviewSummary;
import dev.interviewagent.core.spi.InterviewerBrain;
import dev.interviewagent.core.store.InMemoryInterviewStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The contract kits must be able to fail: each runs here against a deliberately broken implementation and must
 * report failures (while the same kits pass for the real implementations in their own tests).
 */
class ContractKitsCanFailTest {

    @Test
    void should_fail_the_store_kit_for_a_store_that_ignores_versions() {
        assertThat(failures(VersionBlindStoreRun.class)).isPositive();
    }

    @Test
    void should_fail_the_store_kit_for_a_store_that_pages_by_time_alone() {
        assertThat(failures(TimeOnlyPagingStoreRun.class)).isPositive();
    }

    @Test
    void should_fail_the_brain_kit_for_a_brain_that_asks_two_questions() {
        assertThat(failures(TwoQuestionBrainRun.class)).isPositive();
    }

    @Test
    void should_fail_the_brain_kit_for_a_brain_that_repeats_itself_in_english() {
        assertThat(failures(ParrotBrainRun.class)).isPositive();
    }

    @Test
    void should_fail_the_channel_kit_for_a_channel_that_truncates_and_drops_events() {
        assertThat(failures(LossyChannelRun.class)).isPositive();
    }

    @Test
    void should_fail_the_channel_kit_for_a_channel_that_shows_another_channels_command() {
        assertThat(failures(ForeignCommandChannelRun.class)).isPositive();
    }

    @Test
    void should_fail_the_inbox_kit_for_an_inbox_that_forgets_handled_ids() {
        assertThat(failures(ForgetfulInboxRun.class)).isPositive();
    }

    private static long failures(Class<?> kitRun) {
        var events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(kitRun)).execute().testEvents();
        assertThat(events.started().count()).as("tests run in %s", kitRun.getSimpleName()).isPositive();
        return events.failed().count();
    }

    /** A store that appends whatever it is given: no version check, no duplicate check. */
    static final class VersionBlindStore implements InterviewStore {
        private final InMemoryInterviewStore delegate = new InMemoryInterviewStore();
        private final Map<String, Interview> latest = new ConcurrentHashMap<>();

        @Override
        public void create(Interview interview, List<Turn> turns) {
            delegate.create(interview, turns);
        }

        @Override
        public java.util.Optional<Interview> load(dev.interviewagent.core.InterviewId id) {
            return delegate.load(id);
        }

        @Override
        public synchronized void commit(long expectedVersion, Interview next, List<Turn> turns) {
            Interview current = delegate.load(next.id()).orElseThrow();
            List<Turn> renumbered = new ArrayList<>();
            for (Turn t : turns) {
                renumbered.add(new Turn(current.turnCount() + renumbered.size() + 1, t.role(), t.kind(), t.text(),
                        t.stage(), t.modality(), t.at(), t.confidence(), null, t.replyTo(), t.move(), t.depth(),
                        t.phrasedBy(), t.fallback()));
            }
            delegate.commit(current.version(), next.toBuilder().version(current.version() + 1)
                    .turnCount(current.turnCount() + renumbered.size()).build(), renumbered);
            latest.put(next.id().value(), next);
        }

        @Override
        public List<Turn> turns(dev.interviewagent.core.InterviewId id) {
            return delegate.turns(id);
        }

        @Override
        public java.util.Optional<Turn> findByMessageId(dev.interviewagent.core.InterviewId id,
                                                        dev.interviewagent.core.MessageId messageId) {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<dev.interviewagent.core.InterviewId> findActiveByChannelKey(String channelKey) {
            return delegate.findActiveByChannelKey(channelKey);
        }

        @Override
        public List<dev.interviewagent.core.InterviewId> findByChannelKey(String channelKey) {
            return delegate.findByChannelKey(channelKey);
        }

        @Override
        public List<dev.interviewagent.core.InterviewId> findActiveIdleSince(java.time.Instant cutoff, int limit) {
            return delegate.findActiveIdleSince(cutoff, limit);
        }

        @Override
        public InterviewPage list(InterviewQuery query) {
            return delegate.list(query);
        }

        @Override
        public boolean delete(dev.interviewagent.core.InterviewId id) {
            return delegate.delete(id);
        }
    }

    static class VersionBlindStoreRun extends InterviewStoreContract {
        @Override
        protected InterviewStore newStore() {
            return new VersionBlindStore();
        }
    }

    /**
     * A store that continues a listing after the cursor's time alone, ignoring the id: interviews that share the
     * last shown one's updatedAt are skipped.
     */
    static final class TimeOnlyPagingStore implements InterviewStore {
        private final InMemoryInterviewStore delegate = new InMemoryInterviewStore();

        @Override
        public InterviewPage list(InterviewQuery query) {
            InterviewCursor cursor = query.cursor();
            if (cursor == null) {
                return delegate.list(query);
            }
            List<InterviewSummary> all = delegate.list(query.toBuilder().after(null)
                    .pageSize(InterviewQuery.MAX_PAGE_SIZE).build()).items();
            return InterviewPage.of(query, all.stream()
                    .filter(summary -> summary.updatedAt().isBefore(cursor.updatedAt()))
                    .limit(query.pageSize() + 1L).toList());
        }

        @Override
        public void create(Interview interview, List<Turn> turns) {
            delegate.create(interview, turns);
        }

        @Override
        public java.util.Optional<Interview> load(dev.interviewagent.core.InterviewId id) {
            return delegate.load(id);
        }

        @Override
        public void commit(long expectedVersion, Interview next, List<Turn> turns) {
            delegate.commit(expectedVersion, next, turns);
        }

        @Override
        public List<Turn> turns(dev.interviewagent.core.InterviewId id) {
            return delegate.turns(id);
        }

        @Override
        public java.util.Optional<Turn> findByMessageId(dev.interviewagent.core.InterviewId id,
                                                        dev.interviewagent.core.MessageId messageId) {
            return delegate.findByMessageId(id, messageId);
        }

        @Override
        public java.util.Optional<dev.interviewagent.core.InterviewId> findActiveByChannelKey(String channelKey) {
            return delegate.findActiveByChannelKey(channelKey);
        }

        @Override
        public List<dev.interviewagent.core.InterviewId> findByChannelKey(String channelKey) {
            return delegate.findByChannelKey(channelKey);
        }

        @Override
        public List<dev.interviewagent.core.InterviewId> findActiveIdleSince(java.time.Instant cutoff, int limit) {
            return delegate.findActiveIdleSince(cutoff, limit);
        }

        @Override
        public boolean delete(dev.interviewagent.core.InterviewId id) {
            return delegate.delete(id);
        }
    }

    static class TimeOnlyPagingStoreRun extends InterviewStoreContract {
        @Override
        protected InterviewStore newStore() {
            return new TimeOnlyPagingStore();
        }
    }

    static class TwoQuestionBrainRun extends InterviewerBrainContract {
        @Override
        protected InterviewerBrain newBrain() {
            return new InterviewerBrain() {
                @Override
                public String id() {
                    return "two-questions";
                }

                @Override
                public BrainReply phrase(BrainRequest request) {
                    return BrainReply.of("What do you do first? And why do you do it that way? (" + request.turnNumber()
                            + ")", id());
                }
            };
        }
    }

    static class ParrotBrainRun extends InterviewerBrainContract {
        @Override
        protected InterviewerBrain newBrain() {
            return new InterviewerBrain() {
                @Override
                public String id() {
                    return "parrot";
                }

                @Override
                public BrainReply phrase(BrainRequest request) {
                    return BrainReply.of(request.move().type().asksQuestion() ? "Tell me more about that?" : "Thanks.", id());
                }
            };
        }
    }

    /** A page with an “End interview” button that still appends a Telegram hint to every message. */
    static class ForeignCommandChannelRun extends ChannelAdapterContract {
        private final Map<String, List<String>> out = new ConcurrentHashMap<>();

        @Override
        protected ChannelAdapter newAdapter() {
            return new ChannelAdapter() {
                @Override
                public ChannelCapabilities capabilities() {
                    return ChannelCapabilities.plainText(4096).withControls(ChannelControls.NEUTRAL
                            .withFinishEarly(ChannelControl.button("End interview")));
                }

                @Override
                public void send(String conversation, OutboundEvent event) {
                    String text = event instanceof OutboundEvent.Question q ? q.text()
                            : event instanceof OutboundEvent.Notice n ? n.text() : event.toString();
                    out.computeIfAbsent(conversation, k -> new ArrayList<>()).add(text + " (send /complete to stop)");
                }
            };
        }

        @Override
        protected List<String> rendered(String conversation) {
            return out.getOrDefault(conversation, List.of());
        }
    }

    static class LossyChannelRun extends ChannelAdapterContract {
        private final Map<String, List<String>> out = new ConcurrentHashMap<>();

        @Override
        protected ChannelAdapter newAdapter() {
            return new ChannelAdapter() {
                @Override
                public ChannelCapabilities capabilities() {
                    return ChannelCapabilities.plainText(500);
                }

                @Override
                public void send(String conversation, OutboundEvent event) {
                    if (event instanceof OutboundEvent.Question q) {
                        out.computeIfAbsent(conversation, k -> new ArrayList<>()).add(q.text());
                    } else if (event instanceof OutboundEvent.Notice n) {
                        out.computeIfAbsent(conversation, k -> new ArrayList<>()).add(n.text());
                    }
                }
            };
        }

        @Override
        protected List<String> rendered(String conversation) {
            return out.getOrDefault(conversation, List.of());
        }
    }

    /** An inbox that forgets an id once it is done, so a redelivery after handling is taken again. */
    static class ForgetfulInboxRun extends ChannelInboxContract {
        private final java.util.Set<String> known = ConcurrentHashMap.newKeySet();
        private final Map<String, dev.interviewagent.core.channel.ChannelInbox.Entry> pending =
                java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());

        @Override
        protected dev.interviewagent.core.channel.ChannelInbox inbox() {
            return new dev.interviewagent.core.channel.ChannelInbox() {
                @Override
                public boolean add(Entry entry) {
                    if (!known.add(entry.scope() + "/" + entry.id())) {
                        return false;
                    }
                    pending.put(entry.scope() + "/" + entry.id(), entry);
                    return true;
                }

                @Override
                public List<Entry> pending(String scope) {
                    synchronized (pending) {
                        return pending.values().stream().filter(e -> e.scope().equals(scope)).toList();
                    }
                }

                @Override
                public void done(String scope, String id) {
                    pending.remove(scope + "/" + id);
                    known.remove(scope + "/" + id);
                }
            };
        }
    }
}
