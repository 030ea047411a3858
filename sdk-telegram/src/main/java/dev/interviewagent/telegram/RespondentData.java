package dev.interviewagent.telegram;

/**
 * Export and erasure of everything stored about one respondent, for {@code /delete_my_data}. Hosts with a store
 * that can find a respondent's interviews by channel key (sdk-persistence's {@code PrivacyOperations}) plug it in;
 * without it the channel exports and deletes the interviews it knows for the chat through the engine. May block;
 * must be thread-safe; both operations should be safe to repeat.
 */
public interface RespondentData {

    /**
     * Everything stored about the respondent of {@code channelKey} ({@code telegram:<chatId>} in a private chat,
     * {@code telegram:<chatId>:<userId>} for a member of a group), as JSON.
     */
    String export(String channelKey);

    /** Deletes it all; returns how many interviews were deleted. */
    int delete(String channelKey);
}
