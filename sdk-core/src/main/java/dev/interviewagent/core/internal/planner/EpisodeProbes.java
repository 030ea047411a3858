package dev.interviewagent.core.internal.planner;

import dev.interviewagent.core.spi.MoveType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The critical-decision probes of a story and the codes a story remembers them by ({@code cue}, {@code decision},
 * {@code basis}, {@code counterfactual}), in the order they are asked. One mapping for the planner that picks them
 * and the state updates that record them.
 */
public final class EpisodeProbes {

    /** The probes of a story, in the order they are asked. */
    static final List<MoveType> ORDER = List.of(MoveType.PROBE_CUE, MoveType.PROBE_DECISION, MoveType.PROBE_BASIS,
            MoveType.PROBE_COUNTERFACTUAL);

    private EpisodeProbes() {
    }

    /** The code a probe is remembered by on its story; null for any other move. */
    public static @Nullable String code(MoveType type) {
        return switch (type) {
            case PROBE_CUE -> "cue";
            case PROBE_DECISION -> "decision";
            case PROBE_BASIS -> "basis";
            case PROBE_COUNTERFACTUAL -> "counterfactual";
            default -> null;
        };
    }

    /** Whether the move is one of the probes of a story. */
    public static boolean is(@Nullable MoveType type) {
        return type != null && code(type) != null;
    }

    /** Whether the stored move code of a turn is one of the probes of a story. */
    public static boolean isCode(@Nullable String moveCode) {
        for (MoveType type : ORDER) {
            if (type.code().equals(moveCode)) {
                return true;
            }
        }
        return false;
    }
}
