package dev.interviewagent.telegram.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.function.Function;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code getUpdates} whose answer is read update by update. telegrambots reads the whole batch as one list, so a
 * single update it cannot map (a field of an unexpected type, a number out of range) fails the batch: the offset
 * never moves past it, and every later update of every chat waits behind it for good. Here an update that cannot be
 * read is logged and replaced by an empty update with only its id, so long polling confirms it and goes on (the
 * channel ignores an update without a chat); the others are read exactly as telegrambots reads them.
 */
public final class LenientGetUpdates extends GetUpdates {

    /** As telegrambots' {@code DefaultGetUpdatesGenerator}: up to 100 updates, 50 s long poll. */
    public static final Function<Integer, GetUpdates> GENERATOR = LenientGetUpdates::after;

    private static final Logger log = LoggerFactory.getLogger(LenientGetUpdates.class);
    /** The same mapper configuration telegrambots reads responses with. */
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int LIMIT = 100;
    private static final int TIMEOUT_SECONDS = 50;

    private LenientGetUpdates(int offset) {
        setOffset(offset);
        setLimit(LIMIT);
        setTimeout(TIMEOUT_SECONDS);
    }

    /** The request for the updates after {@code lastReceived}. */
    public static GetUpdates after(Integer lastReceived) {
        return new LenientGetUpdates(lastReceived + 1);
    }

    @Override
    public ArrayList<Update> deserializeResponse(String answer) throws TelegramApiRequestException {
        JsonNode root;
        try {
            root = MAPPER.readTree(answer);
        } catch (JsonProcessingException e) {
            return super.deserializeResponse(answer);   // not JSON at all: telegrambots' own error
        }
        JsonNode result = root == null ? null : root.get("result");
        if (result == null || !root.path("ok").asBoolean(false) || !result.isArray()) {
            return super.deserializeResponse(answer);   // an error answer: telegrambots reports it as it does
        }
        ArrayList<Update> updates = new ArrayList<>(result.size());
        for (JsonNode element : result) {
            Update update = read(element);
            if (update != null) {
                updates.add(update);
            }
        }
        return updates;
    }

    /** The update, its id alone when the rest cannot be read, or null when not even its id can. */
    static Update read(JsonNode element) {
        try {
            Update update = MAPPER.treeToValue(element, Update.class);
            if (update != null && update.getUpdateId() != null) {
                return update;
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // falls through: only the id is kept, so the offset moves past it
            log.warn("update {} cannot be read ({}); skipped", element.path("update_id"),
                    e.getClass().getSimpleName());
        }
        JsonNode id = element.path("update_id");
        if (!id.isIntegralNumber() || !id.canConvertToInt()) {
            log.warn("an update without a readable update_id was skipped");
            return null;
        }
        Update placeholder = new Update();
        placeholder.setUpdateId(id.intValue());
        return placeholder;
    }
}
