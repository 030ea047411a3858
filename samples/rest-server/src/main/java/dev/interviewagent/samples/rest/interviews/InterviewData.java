package dev.interviewagent.samples.rest.interviews;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewSnapshot;
import dev.interviewagent.core.exception.StoreException;
import dev.interviewagent.persistence.PrivacyOperations;
import dev.interviewagent.samples.rest.access.AccessTokens;
import dev.interviewagent.samples.rest.problem.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * A respondent's rights over one interview, through the SDK's {@link PrivacyOperations} (the starter's bean): export
 * everything stored about it, or delete all of it. A REST interview has a channel key of its own
 * ({@code rest:<hash>}), so the respondent operations cover exactly that interview; for an interview of another
 * channel (the operator API lists them all) the export keeps only that interview and the deletion removes only it.
 */
@Service
public class InterviewData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InterviewEngine engine;
    private final PrivacyOperations privacy;

    public InterviewData(InterviewEngine engine, PrivacyOperations privacy) {
        this.engine = engine;
        this.privacy = privacy;
    }

    /**
     * Everything stored about the interview, decrypted: state, turns and archived report, as JSON.
     *
     * @throws ApiException 409 for an interview without a channel key (the privacy operations find interviews by it)
     */
    public String export(InterviewSnapshot interview) {
        String channelKey = interview.channelKey();
        if (channelKey == null) {
            throw ApiException.of(HttpStatus.CONFLICT, dev.interviewagent.core.exception.ErrorCode.BAD_REQUEST,
                    "this interview has no channel key, so the privacy operations cannot find it");
        }
        String all = privacy.exportRespondent(channelKey);
        if (isOwnChannelKey(channelKey)) {
            return all;
        }
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(all);
            ArrayNode kept = JSON.createArrayNode();
            for (JsonNode entry : root.path("interviews")) {
                if (interview.id().value().equals(entry.path("interview").path("id").asText())) {
                    kept.add(entry);
                }
            }
            root.set("interviews", kept);
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new StoreException("cannot read the export", e);
        }
    }

    /** Deletes the interview with its turns, knowledge, idempotency records and report. */
    public void delete(InterviewSnapshot interview) {
        String channelKey = interview.channelKey();
        if (channelKey != null && isOwnChannelKey(channelKey)) {
            privacy.deleteRespondent(channelKey);
        } else {
            engine.delete(interview.id());
        }
    }

    private static boolean isOwnChannelKey(String channelKey) {
        return channelKey.startsWith(AccessTokens.CHANNEL + ":");
    }
}
