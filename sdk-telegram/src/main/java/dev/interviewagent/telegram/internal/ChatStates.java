package dev.interviewagent.telegram.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.channel.ChannelInbox;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ChatState} of every conversation, kept in the channel's {@link ChannelInbox} so that a restart (or a
 * deploy) does not lose a setup half done: with sdk-persistence's {@code JdbcChannelInbox} it is in the interview
 * database, redacted and encrypted like the updates; with the in-memory inbox it lives as long as the process.
 *
 * <p>The inbox is used as it is, with no method of its own: each conversation has a scope,
 * {@code <inbox scope>:chat:<conversation>}, whose one pending entry is the state as JSON. A change adds the new
 * state under a fresh id and then marks the previous entry done; reading takes the newest pending entry and marks
 * older ones done, so a crash between the two steps loses nothing. Unchanged states are not written, so a chat that
 * only asked for {@code /help} costs no write. The states last used stay cached (bounded LRU).
 *
 * <p>A state that cannot be saved (the store down) stays in the cache and is saved with the next change; the chat
 * goes on as it would have without a store. Reading a state that is not cached fails like any store read.
 */
public final class ChatStates {

    private static final Logger log = LoggerFactory.getLogger(ChatStates.class);
    private static final int MAX_CACHED = 100_000;
    private static final int FORMAT = 1;

    /** A cached state, the id of its stored entry (null: none stored) and the JSON stored (or that needs none). */
    private static final class Kept {
        final ChatState state;
        @Nullable String entryId;
        String savedJson;

        Kept(ChatState state, @Nullable String entryId, String savedJson) {
            this.state = state;
            this.entryId = entryId;
            this.savedJson = savedJson;
        }
    }

    private final ChannelInbox inbox;
    private final String scopePrefix;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Kept> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > MAX_CACHED;
        }
    };

    /**
     * @param inbox      where the states are kept
     * @param inboxScope the channel's own inbox scope ({@code telegram:<botId>}); the states' scopes extend it
     */
    public ChatStates(ChannelInbox inbox, String inboxScope) {
        this.inbox = inbox;
        this.scopePrefix = inboxScope + ":chat:";
    }

    /** The language of a conversation whose state is cached; empty if there is none (nothing is read). */
    public Optional<Language> cachedLanguage(String conversation) {
        synchronized (cache) {
            Kept kept = cache.get(conversation);
            return kept == null ? Optional.empty() : Optional.of(kept.state.language);
        }
    }

    /** The state of a conversation: cached, stored, or else {@code fresh} (which is not written until it changes). */
    ChatState get(String conversation, Supplier<ChatState> fresh) {
        synchronized (cache) {
            Kept kept = cache.get(conversation);
            if (kept != null) {
                return kept.state;
            }
        }
        // only the conversation's lane reads and creates its state, so the store is read outside the shared lock
        Kept kept = load(conversation).orElseGet(() -> {
            ChatState created = fresh.get();
            return new Kept(created, null, write(created));
        });
        synchronized (cache) {
            cache.put(conversation, kept);
        }
        return kept.state;
    }

    /** Stores the state of a conversation if it changed since it was stored. A failure is logged, not thrown. */
    void save(String conversation, ChatState state) {
        if (state.forgotten) {
            return;   // the respondent deleted their data while the update ran: nothing to keep
        }
        Kept kept;
        synchronized (cache) {
            kept = cache.get(conversation);
            if (kept == null || kept.state != state) {
                // evicted from the cache meanwhile: stored anew; the next read retires the entry stored before
                kept = new Kept(state, null, "");
                cache.put(conversation, kept);
            }
        }
        String now = write(state);
        if (now.equals(kept.savedJson)) {
            return;
        }
        String id = UUID.randomUUID().toString();
        try {
            inbox.add(new ChannelInbox.Entry(scope(conversation), id, now));
        } catch (RuntimeException e) {
            log.warn("setup state of a conversation not saved ({}); kept in memory until the next change",
                    e.getClass().getSimpleName());
            return;
        }
        String previous = kept.entryId;
        kept.entryId = id;
        kept.savedJson = now;
        if (previous != null) {
            done(conversation, previous);
        }
    }

    /**
     * Forgets a conversation: drops its cached state and every stored entry of it (for a respondent's data
     * deletion; the state holds their profile answers).
     *
     * @throws RuntimeException if the store cannot be reached (the stored state may then remain)
     */
    void forget(String conversation, ChatState state) {
        state.forgotten = true;
        synchronized (cache) {
            cache.remove(conversation);
        }
        for (ChannelInbox.Entry entry : inbox.pending(scope(conversation))) {
            inbox.done(entry.scope(), entry.id());
        }
    }

    private Optional<Kept> load(String conversation) {
        List<ChannelInbox.Entry> stored = inbox.pending(scope(conversation));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        ChannelInbox.Entry newest = stored.get(stored.size() - 1);
        for (ChannelInbox.Entry older : stored.subList(0, stored.size() - 1)) {
            done(conversation, older.id());   // left by a crash between adding a state and retiring the one before
        }
        Optional<ChatState> state = read(newest.payload());
        if (state.isEmpty()) {
            log.warn("stored setup state of a conversation cannot be read; the conversation starts afresh");
            done(conversation, newest.id());
            return Optional.empty();
        }
        return Optional.of(new Kept(state.get(), newest.id(), write(state.get())));
    }

    private void done(String conversation, String id) {
        try {
            inbox.done(scope(conversation), id);
        } catch (RuntimeException e) {
            log.debug("an old setup state was not retired ({}); the next read retires it",
                    e.getClass().getSimpleName());
        }
    }

    private String scope(String conversation) {
        return scopePrefix + conversation;
    }

    /** The JSON of a state; member names let sdk-persistence's redaction tell ids from the respondent's text. */
    String write(ChatState state) {
        ObjectNode node = json.createObjectNode();
        node.put("format", FORMAT);
        node.put("language", state.language.code());
        node.put("phase", state.phase.name());
        node.put("style", state.style);
        node.put("role", state.role);
        node.put("industry", state.industry);
        node.put("years", state.years);
        ArrayNode ids = node.putArray("interview_ids");
        state.interviews.forEach(id -> ids.add(id.value()));
        return node.toString();
    }

    /** A state read back, or empty if the JSON is not one this class wrote. */
    Optional<ChatState> read(String payload) {
        try {
            JsonNode node = json.readTree(payload);
            if (node == null || node.path("format").asInt() != FORMAT || !node.path("style").isTextual()) {
                return Optional.empty();
            }
            Optional<Language> language = Language.fromCode(node.path("language").asText());
            if (language.isEmpty()) {
                return Optional.empty();
            }
            ChatState state = new ChatState(language.get(), node.path("style").asText());
            state.phase = ChatState.Phase.valueOf(node.path("phase").asText());
            state.role = text(node.get("role"));
            state.industry = text(node.get("industry"));
            JsonNode years = node.get("years");
            state.years = years == null || !years.isInt() ? null : years.intValue();
            for (JsonNode id : node.path("interview_ids")) {
                state.interviews.add(InterviewId.of(id.asText()));
            }
            return Optional.of(state);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node == null || !node.isTextual() ? null : node.textValue();
    }
}
