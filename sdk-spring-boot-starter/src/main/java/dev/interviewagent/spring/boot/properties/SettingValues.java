package dev.interviewagent.spring.boot.properties;

import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InvalidConfigurationException;
import dev.interviewagent.core.config.Setting;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Gathers bound property values as configuration text for an {@link InterviewConfig}, so that the SDK's own parsers,
 * checks and messages apply to them unchanged. A value equal to the setting's default is left out: it counts as unset
 * there, as it does when a host configures the SDK without Spring (a warning such as "sweep-every is set but retention
 * is off" then means what it says). Settings that fall back to another one are never left out, since their fields
 * have no default: a value there was set.
 */
final class SettingValues {

    /** Where a value came from, in the SDK's messages: the property, whatever Spring source held it. */
    static final String SOURCE = "Spring property ";

    private static final InterviewConfig DEFAULTS = InterviewConfig.of(Map.of(), Map.of(), Map.of());

    private final InterviewConfig.Builder builder = InterviewConfig.builder();

    void put(Setting<?> setting, @Nullable Object value) {
        String text = text(value);
        if (text == null || text.isBlank()) {
            return;
        }
        if (setting.fallback().isEmpty() && isDefault(setting, text)) {
            return;
        }
        builder.set(setting, text, SOURCE + setting.name());
    }

    InterviewConfig build() {
        return builder.build();
    }

    private static boolean isDefault(Setting<?> setting, String text) {
        Optional<?> standard = DEFAULTS.find(setting);
        if (standard.isEmpty()) {
            return false;
        }
        try {
            Optional<?> value = InterviewConfig.of(Map.of(), Map.of(setting.name(), text), Map.of()).find(setting);
            return value.equals(standard);
        } catch (InvalidConfigurationException e) {
            return false; // passed on, so that the SDK reports it where it is read
        }
    }

    /**
     * Configuration text for a bound value: durations as {@code 30s} or {@code 14d} (ISO-8601 when zero or negative,
     * so that the SDK's message says what is wrong with it), lists comma-separated, numbers without a trailing
     * {@code .0}.
     */
    static @Nullable String text(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Duration duration) {
            return duration.isZero() || duration.isNegative() ? duration.toString() : simple(duration);
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(Objects::toString).collect(Collectors.joining(","));
        }
        if (value instanceof Double number) {
            return number.isNaN() || number.isInfinite() ? number.toString()
                    : BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private static String simple(Duration duration) {
        long millis = duration.toMillis();
        if (Duration.ofMillis(millis).equals(duration)) {
            long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1000L};
            String[] units = {"d", "h", "m", "s"};
            for (int i = 0; i < sizes.length; i++) {
                if (millis % sizes[i] == 0) {
                    return millis / sizes[i] + units[i];
                }
            }
            return millis + "ms";
        }
        return duration.toString(); // finer than a millisecond
    }
}
