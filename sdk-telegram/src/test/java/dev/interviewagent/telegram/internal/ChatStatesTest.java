package dev.interviewagent.telegram.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.channel.ChannelInbox;
import dev.interviewagent.core.exception.StoreException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The setup states kept in an inbox: read back after a restart, one entry per chat, failures survived. */
class ChatStatesTest {

    private static final String SCOPE = "telegram:42";
    private static final String CHAT = "1001";
    private static final String CHAT_SCOPE = SCOPE + ":chat:" + CHAT;

    private final ChannelInbox inbox = ChannelInbox.inMemory();

    private static ChatState fresh() {
        return new ChatState(Language.ENGLISH, "master");
    }

    private static ChatState halfDone() {
        ChatState state = new ChatState(Language.RUSSIAN, "telegram");
        state.phase = ChatState.Phase.YEARS;
        state.role = "Head of data, \"ops\" — 🙂";
        state.industry = "Retail";
        state.interviews.add(InterviewId.of("0e7f1c2a-0000-4000-8000-000000000001"));
        return state;
    }

    @Test
    void should_read_back_every_field_of_a_state_in_a_new_instance() {
        ChatStates before = new ChatStates(inbox, SCOPE);
        ChatState state = before.get(CHAT, ChatStatesTest::fresh);
        ChatState wanted = halfDone();
        state.language = wanted.language;
        state.style = wanted.style;
        state.phase = wanted.phase;
        state.role = wanted.role;
        state.industry = wanted.industry;
        state.years = 12;
        state.interviews.addAll(wanted.interviews);
        before.save(CHAT, state);

        ChatState restored = new ChatStates(inbox, SCOPE).get(CHAT, () -> {
            throw new AssertionError("a stored state must be read, not created");
        });

        assertThat(restored).usingRecursiveComparison().isEqualTo(state);
    }

    @Test
    void should_take_the_newest_state_and_retire_an_older_one_a_crash_left_behind() {
        ChatStates states = new ChatStates(inbox, SCOPE);
        ChatState older = halfDone();
        older.phase = ChatState.Phase.ROLE;
        inbox.add(new ChannelInbox.Entry(CHAT_SCOPE, "a", states.write(older)));
        inbox.add(new ChannelInbox.Entry(CHAT_SCOPE, "b", states.write(halfDone())));

        ChatState read = states.get(CHAT, ChatStatesTest::fresh);

        assertThat(read.phase).isEqualTo(ChatState.Phase.YEARS);
        assertThat(inbox.pending(CHAT_SCOPE)).extracting(ChannelInbox.Entry::id).containsExactly("b");
    }

    @Test
    void should_start_afresh_when_the_stored_state_cannot_be_read() {
        inbox.add(new ChannelInbox.Entry(CHAT_SCOPE, "x", "{\"format\":99,\"phase\":\"ROLE\"}"));
        ChatStates states = new ChatStates(inbox, SCOPE);

        ChatState read = states.get(CHAT, ChatStatesTest::fresh);

        assertThat(read.phase).isEqualTo(ChatState.Phase.IDLE);
        assertThat(read.language).isEqualTo(Language.ENGLISH);
        assertThat(inbox.pending(CHAT_SCOPE)).isEmpty();
        for (String bad : List.of("not json", "{}", "[]", "{\"format\":1,\"style\":\"m\",\"language\":\"xx\"}",
                "{\"format\":1,\"style\":\"m\",\"language\":\"en\",\"phase\":\"FLYING\"}")) {
            assertThat(states.read(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void should_keep_a_state_in_memory_and_save_it_with_the_next_change_when_the_store_is_down() {
        AtomicBoolean down = new AtomicBoolean();
        ChannelInbox flaky = new ChannelInbox() {
            @Override
            public boolean add(Entry entry) {
                if (down.get()) {
                    throw new StoreException("database down");
                }
                return inbox.add(entry);
            }

            @Override
            public List<Entry> pending(String scope) {
                return inbox.pending(scope);
            }

            @Override
            public void done(String scope, String id) {
                inbox.done(scope, id);
            }
        };
        ChatStates states = new ChatStates(flaky, SCOPE);
        ChatState state = states.get(CHAT, ChatStatesTest::fresh);
        state.phase = ChatState.Phase.LANGUAGE;
        down.set(true);
        states.save(CHAT, state);
        assertThat(inbox.pending(CHAT_SCOPE)).isEmpty();
        assertThat(states.get(CHAT, ChatStatesTest::fresh)).as("still known in memory").isSameAs(state);

        down.set(false);
        state.phase = ChatState.Phase.STYLE;
        states.save(CHAT, state);

        assertThat(new ChatStates(inbox, SCOPE).get(CHAT, ChatStatesTest::fresh).phase)
                .isEqualTo(ChatState.Phase.STYLE);
        assertThat(inbox.pending(CHAT_SCOPE)).hasSize(1);
    }

    @Test
    void should_not_store_a_state_again_for_a_conversation_that_was_forgotten() {
        ChatStates states = new ChatStates(inbox, SCOPE);
        ChatState state = states.get(CHAT, ChatStatesTest::fresh);
        state.phase = ChatState.Phase.LANGUAGE;
        states.save(CHAT, state);

        states.forget(CHAT, state);
        state.phase = ChatState.Phase.STYLE;
        states.save(CHAT, state);

        assertThat(inbox.pending(CHAT_SCOPE)).isEmpty();
        assertThat(states.cachedLanguage(CHAT)).isEmpty();
    }

    @Test
    void should_store_a_changed_state_even_after_the_cache_let_it_go() {
        ChatStates states = new ChatStates(inbox, SCOPE);
        ChatState state = states.get(CHAT, ChatStatesTest::fresh);
        state.phase = ChatState.Phase.LANGUAGE;
        states.save(CHAT, state);
        ChatState other = new ChatState(Language.ENGLISH, "master");   // as if the cache had evicted and reloaded
        other.phase = ChatState.Phase.STYLE;

        states.save(CHAT, other);

        assertThat(new ChatStates(inbox, SCOPE).get(CHAT, ChatStatesTest::fresh).phase)
                .isEqualTo(ChatState.Phase.STYLE);
        assertThat(inbox.pending(CHAT_SCOPE)).as("the older entry retired on that read").hasSize(1);
    }
}
