package dev.interviewagent.core.guide;

import java.util.Optional;

/**
 * The nine stages of the expertise interview, in their fixed order. {@link #code()} and {@link #index()} are wire
 * and storage values; never persist {@link #name()} or {@link #ordinal()}.
 */
public enum Stage {
    GREETING(1, "greeting"),
    PROFILING(2, "profiling"),
    ESSENCE(3, "essence"),
    OPERATIONS(4, "operations"),
    EXPERTISE_MAP(5, "expertise_map"),
    FAILURE_MODES(6, "failure_modes"),
    MASTERY(7, "mastery"),
    GROWTH_PATH(8, "growth_path"),
    WRAP_UP(9, "wrap_up");

    private final int index;
    private final String code;

    Stage(int index, String code) {
        this.index = index;
        this.code = code;
    }

    /** 1-based position, 1 (greeting) to 9 (wrap_up). */
    public int index() {
        return index;
    }

    /** The stable code, e.g. {@code failure_modes}. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return code;
    }

    /** The stage after this one, or empty for {@link #WRAP_UP}. */
    public Optional<Stage> next() {
        return this == WRAP_UP ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }

    public boolean isLast() {
        return this == WRAP_UP;
    }

    /**
     * Finds a stage by code.
     *
     * @throws IllegalArgumentException for an unknown code
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static Stage fromCode(String code) {
        return findByCode(code).orElseThrow(() -> new IllegalArgumentException("unknown stage code: " + code));
    }

    /** Finds a stage by code; empty for null or unknown codes (useful when validating a model's output). */
    public static Optional<Stage> findByCode(String code) {
        if (code != null) {
            for (Stage stage : values()) {
                if (stage.code.equals(code)) {
                    return Optional.of(stage);
                }
            }
        }
        return Optional.empty();
    }

    /** Finds a stage by its 1-based index. */
    public static Stage ofIndex(int index) {
        if (index < 1 || index > 9) {
            throw new IllegalArgumentException("stage index must be 1-9, was " + index);
        }
        return values()[index - 1];
    }
}
