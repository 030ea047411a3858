package dev.interviewagent.core.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.internal.protocol.ProtocolTree;
import java.util.List;

/**
 * Writes {@link OutboundEvent}s as the JSON objects of the samples' wire protocol ({@code docs/protocol.md}): one
 * object per event with a {@code type} field ({@code session}, {@code question}, {@code delta}, {@code stage},
 * {@code transcript}, {@code completed}, {@code report}, {@code error}, plus the extensions {@code status},
 * {@code history} and {@code notice}). Thread-safe.
 */
public final class ProtocolJson {

    private final ProtocolTree tree = new ProtocolTree();

    /**
     * A {@code history} event as one line of JSON of at most {@code maxChars} characters: the oldest turns that do
     * not fit are left for the earlier page ({@code more} true, {@code next} the first turn kept). At least one turn
     * is kept, so a single turn longer than the limit still goes out whole.
     */
    public String toJson(OutboundEvent.History event, int maxChars) {
        String whole = toJson(event);
        List<Turn> turns = event.page().turns();
        if (whole.length() <= maxChars || turns.size() <= 1) {
            return whole;
        }
        // the lengths of the entries (and their commas) decide how many of the oldest to leave out; the cursor
        // fields grow by at most a few characters when "next" becomes a number
        int[] lengths = new int[turns.size()];
        long entriesChars = 0;
        for (int i = 0; i < turns.size(); i++) {
            lengths[i] = tree.entry(turns.get(i)).toString().length() + 1;
            entriesChars += lengths[i];
        }
        long rest = whole.length() - entriesChars + 16;
        int drop = 0;
        while (drop < turns.size() - 1 && rest + entriesChars > maxChars) {
            entriesChars -= lengths[drop++];
        }
        while (true) {
            String fitted = toJson(new OutboundEvent.History(event.page().withoutOldest(drop)));
            if (fitted.length() <= maxChars || drop >= turns.size() - 1) {
                return fitted;
            }
            drop++;
        }
    }

    /** The event as one line of JSON. */
    public String toJson(OutboundEvent event) {
        try {
            return tree.mapper().writeValueAsString(tree.toNode(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event cannot be serialised", e);
        }
    }
}
