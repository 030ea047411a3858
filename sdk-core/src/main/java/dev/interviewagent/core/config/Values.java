package dev.interviewagent.core.config;

import dev.interviewagent.core.Language;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The parsers behind the setting types, and the duration format the docs use. Every failure message says what is
 * expected and never repeats the text, which may be a secret; {@link InterviewConfig} adds the value for settings
 * that are not secret.
 */
final class Values {

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h|d)");
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<String> TRUE = Set.of("true", "on", "yes", "1");
    private static final Set<String> FALSE = Set.of("false", "off", "no", "0");

    private Values() {
    }

    static Setting.ValueParser<String> text() {
        return text -> text;
    }

    static Setting.ValueParser<Integer> integer(int min, int max) {
        return text -> {
            int value;
            try {
                value = Integer.parseInt(text.strip().replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a whole number from " + min + " to " + max);
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException("must be from " + min + " to " + max);
            }
            return value;
        };
    }

    static Setting.ValueParser<Double> positiveDecimal() {
        return text -> {
            double value;
            try {
                value = Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a number greater than 0");
            }
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("must be a number greater than 0");
            }
            return value;
        };
    }

    static Setting.ValueParser<Boolean> bool() {
        return text -> {
            String value = text.strip().toLowerCase(Locale.ROOT);
            if (TRUE.contains(value)) {
                return true;
            }
            if (FALSE.contains(value)) {
                return false;
            }
            throw new IllegalArgumentException("must be true or false");
        };
    }

    static Setting.ValueParser<Duration> duration() {
        return Values::parseDuration;
    }

    /** One of {@code choices}, case-insensitively; returns the choice as listed. */
    static Setting.ValueParser<String> choice(String... choices) {
        List<String> allowed = List.of(choices);
        return text -> {
            String value = text.strip().toLowerCase(Locale.ROOT);
            if (!allowed.contains(value)) {
                throw new IllegalArgumentException("must be one of " + String.join(", ", allowed));
            }
            return value;
        };
    }

    /** A language code ({@code en}, {@code ru}; a region is ignored). */
    static Setting.ValueParser<Language> language() {
        return text -> Language.fromCode(text).orElseThrow(() -> new IllegalArgumentException("must be one of "
                + Language.available().stream().map(Language::code).collect(Collectors.joining(", "))));
    }

    /** Comma-separated, each entry trimmed, empty entries dropped. */
    static Setting.ValueParser<List<String>> list() {
        return Values::split;
    }

    static Setting.ValueParser<List<Long>> numberList() {
        return text -> {
            List<Long> numbers = new ArrayList<>();
            for (String entry : split(text)) {
                try {
                    numbers.add(Long.parseLong(entry));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("must be comma-separated whole numbers");
                }
            }
            return List.copyOf(numbers);
        };
    }

    /**
     * {@code id:base64key,id2:base64key} → key bytes by id, in the order given. Key ids are not secret (they are
     * stored next to every encrypted value), so they may appear in messages; key material never does.
     */
    static Setting.ValueParser<Map<String, byte[]>> keyRing() {
        return text -> {
            Map<String, byte[]> keys = new LinkedHashMap<>();
            List<String> entries = split(text);
            if (entries.isEmpty()) {
                throw new IllegalArgumentException("must list at least one key as id:base64key");
            }
            for (int i = 0; i < entries.size(); i++) {
                String entry = entries.get(i);
                int colon = entry.indexOf(':');
                String id = colon < 0 ? "" : entry.substring(0, colon).strip();
                if (colon < 0 || !KEY_ID.matcher(id).matches()) {
                    throw new IllegalArgumentException("entry " + (i + 1) + " must be id:base64key with an id of"
                            + " 1-64 letters, digits, '.', '_' or '-'");
                }
                byte[] key;
                try {
                    key = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("key '" + id + "' is not valid base64");
                }
                if (key.length == 0) {
                    throw new IllegalArgumentException("key '" + id + "' is empty");
                }
                if (keys.putIfAbsent(id, key) != null) {
                    throw new IllegalArgumentException("key '" + id + "' is listed twice");
                }
            }
            return Collections.unmodifiableMap(keys);
        };
    }

    /**
     * {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, {@code 14d} or ISO-8601 ({@code PT30S}, {@code P14D});
     * must be greater than zero.
     */
    static Duration parseDuration(String text) {
        String value = text.strip();
        Duration duration = null;
        Matcher simple = SIMPLE_DURATION.matcher(value.toLowerCase(Locale.ROOT));
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            duration = switch (simple.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else if (value.regionMatches(true, 0, "P", 0, 1)) {
            try {
                duration = Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                duration = null;
            }
        }
        if (duration == null) {
            throw new IllegalArgumentException("must be a duration such as 500ms, 30s, 2m, 1h, 14d or PT30S");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("must be greater than 0");
        }
        return duration;
    }

    /** The shortest way to write {@code duration} in the simple form: {@code 30s}, {@code 14d}, {@code 1500ms}. */
    static String formatDuration(Duration duration) {
        long millis = duration.toMillis();
        long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1000L};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (millis % sizes[i] == 0) {
                return millis / sizes[i] + units[i];
            }
        }
        return millis + "ms";
    }

    private static List<String> split(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
