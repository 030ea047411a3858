package dev.interviewagent.websocket;

/**
 * Export and erasure of everything stored about one web respondent, by channel key (the
 * {@link WebSocketInterviews#respondentKey(String) respondent key} of a browser), for the protocol's {@code export}
 * and {@code delete} messages when the client sends its {@code clientKey}. sdk-persistence's
 * {@code PrivacyOperations} is one:
 *
 * <pre>{@code
 * PrivacyOperations privacy = storage.privacy();
 * builder.respondentData(RespondentData.of(privacy::exportRespondent, privacy::deleteRespondent));
 * }</pre>
 *
 * <p>Without it, {@code export} and {@code delete} cover the one interview the connection is attached to (through
 * the engine). Implementations may block, must be thread-safe and should be safe to repeat.
 */
public interface RespondentData {

    /**
     * Everything stored about the respondent of {@code channelKey}, as the JSON document of sdk-persistence's
     * {@code PrivacyOperations.exportRespondent}: {@code {"channelKey", "exportedAt", "interviews": [{"interview",
     * "turns", "report"}]}}.
     *
     * @throws dev.interviewagent.core.exception.InterviewException (e.g. a {@code StoreException}) when the store
     *                                                               fails; the client gets its error code
     */
    String export(String channelKey);

    /**
     * Deletes every interview of the respondent of {@code channelKey}, with its turns, knowledge and report.
     *
     * @return how many interviews were deleted
     * @throws dev.interviewagent.core.exception.InterviewException when the store fails
     */
    int delete(String channelKey);

    /** Export and erasure from two functions, e.g. {@code privacy::exportRespondent, privacy::deleteRespondent}. */
    static RespondentData of(java.util.function.Function<String, String> export,
                             java.util.function.ToIntFunction<String> delete) {
        java.util.Objects.requireNonNull(export, "export");
        java.util.Objects.requireNonNull(delete, "delete");
        return new RespondentData() {
            @Override
            public String export(String channelKey) {
                return export.apply(channelKey);
            }

            @Override
            public int delete(String channelKey) {
                return delete.applyAsInt(channelKey);
            }
        };
    }
}
