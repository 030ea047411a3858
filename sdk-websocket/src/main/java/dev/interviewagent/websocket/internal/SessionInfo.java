package dev.interviewagent.websocket.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.guide.InterviewGuide;
import dev.interviewagent.core.guide.StageDefinition;
import dev.interviewagent.websocket.DataPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a client learns about this server besides the interview itself ({@code docs/protocol.md}): its
 * {@code capabilities}, its {@code privacy} notice (what is stored, for how long, what the respondent can do) and the
 * guide's {@code stages} with their names in the session's language. Sent in every {@code session} frame, and in
 * {@code info} before an interview starts, so a page can show a true notice before asking for consent. Immutable.
 */
public final class SessionInfo {

    /** What an interview stores, as the page's notice names it. */
    static final List<String> STORED = List.of("profile", "answers", "questions", "report");

    private final ObjectNode capabilities;
    private final @Nullable ObjectNode privacy;
    private final @Nullable InterviewGuide guide;

    private SessionInfo(ObjectNode capabilities, @Nullable ObjectNode privacy, @Nullable InterviewGuide guide) {
        this.capabilities = capabilities;
        this.privacy = privacy;
        this.guide = guide;
    }

    /** Capabilities only (no {@code privacy}, no {@code stages}), as servers sent before those existed. */
    public static SessionInfo capabilitiesOnly(ObjectNode capabilities) {
        return new SessionInfo(Objects.requireNonNull(capabilities, "capabilities").deepCopy(), null, null);
    }

    /**
     * @param capabilities    the {@code capabilities} object (copied)
     * @param policy          what the notice says about retention
     * @param respondentScope whether a {@code clientKey} reaches every interview of a browser
     * @param voiceInput      whether recordings are sent to speech-to-text (and then dropped)
     * @param guide           the guide whose stages are listed
     */
    static SessionInfo of(ObjectNode capabilities, DataPolicy policy, boolean respondentScope, boolean voiceInput,
                          InterviewGuide guide) {
        ObjectNode privacy = JsonNodeFactory.instance.objectNode();
        ArrayNode stored = privacy.putArray("stored");
        STORED.forEach(stored::add);
        privacy.put("recordingsKept", false);   // the bridge keeps a transcript, never the audio
        privacy.put("speechToText", voiceInput);
        privacy.set("deleteAfterEndSeconds", seconds(policy.deleteAfterEnd()));
        privacy.set("closeIdleAfterSeconds", seconds(policy.closeIdleAfter()));
        privacy.put("piiRedacted", policy.piiRedacted());
        privacy.put("export", true);
        privacy.put("delete", true);
        privacy.put("respondentScope", respondentScope);
        return new SessionInfo(capabilities.deepCopy(), privacy, Objects.requireNonNull(guide, "guide"));
    }

    private static com.fasterxml.jackson.databind.JsonNode seconds(@Nullable Duration duration) {
        return duration == null ? JsonNodeFactory.instance.nullNode()
                : JsonNodeFactory.instance.numberNode(duration.toSeconds());
    }

    /** Adds {@code capabilities}, {@code privacy} and {@code stages} (in {@code language}) to a frame. */
    ObjectNode addTo(ObjectNode frame, Language language) {
        frame.set("capabilities", capabilities.deepCopy());
        if (privacy != null) {
            frame.set("privacy", privacy.deepCopy());
        }
        if (guide != null) {
            ArrayNode stages = frame.putArray("stages");
            for (StageDefinition stage : guide.stages()) {
                stages.addObject().put("code", stage.stage().code()).put("index", stage.stage().index())
                        .put("title", stage.title(language));
            }
        }
        return frame;
    }

    /** The {@code info} frame for a client that has not started yet. */
    String infoFrame(Language language) {
        ObjectNode frame = JsonNodeFactory.instance.objectNode().put("type", "info").put("language", language.code());
        return addTo(frame, language).toString();
    }
}
