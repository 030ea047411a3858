package dev.interviewagent.telegram.internal;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.core.exception.InterviewException;
import dev.interviewagent.core.report.ReportFormat;
import dev.interviewagent.telegram.RespondentData;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code /delete_my_data}, confirmed: sends the respondent their data as JSON documents, deletes it, and forgets the
 * conversation's setup state. With a host's {@link RespondentData} the export and deletion cover every interview of
 * the chat's channel key, also those from before a restart; the interviews the conversation knows are then deleted
 * through the engine as well. This is the one place the chat flow uses the engine itself rather than the
 * {@code ChannelBridge}: deleting data is no turn of a conversation.
 */
final class DataDeletion {

    private final InterviewEngine engine;
    private final @Nullable RespondentData respondentData;
    private final TelegramAdapter adapter;
    private final ChatStates states;

    DataDeletion(InterviewEngine engine, @Nullable RespondentData respondentData, TelegramAdapter adapter,
                 ChatStates states) {
        this.engine = engine;
        this.respondentData = respondentData;
        this.adapter = adapter;
        this.states = states;
    }

    void run(String conversation, ChatState state, Optional<InterviewId> active) {
        Set<InterviewId> ids = new LinkedHashSet<>(state.interviews);
        active.ifPresent(ids::add);
        String channelKey = ChatFlow.channelKey(conversation);
        int deleted = 0;
        if (respondentData != null) {
            String json = respondentData.export(channelKey);
            adapter.sendJsonDocument(conversation, "my-data", json, state.language);
            deleted += respondentData.delete(channelKey);
        }
        for (InterviewId id : ids) {
            try {
                if (respondentData != null && !exists(id)) {
                    continue;
                }
                String json = engine.report(id, ReportFormat.JSON);
                adapter.sendJsonDocument(conversation, id.value(), json, state.language);
            } catch (InterviewException e) {
                if (e.code() != ErrorCode.NOT_FOUND) {
                    throw e;
                }
                continue;
            }
            if (engine.delete(id)) {
                deleted++;
            }
        }
        states.forget(conversation, state);
        adapter.sendPlain(conversation, deleted == 0 ? UiText.get(state.language, "delete.none")
                : UiText.get(state.language, "delete.done", deleted), null);
    }

    private boolean exists(InterviewId id) {
        try {
            engine.status(id);
            return true;
        } catch (InterviewException e) {
            return false;
        }
    }
}
