package dev.interviewagent.core.report;

import java.util.Locale;
import java.util.Optional;

/** The renderings of a {@link KnowledgeReport}. */
public enum ReportFormat {
    JSON("json"),
    MARKDOWN("markdown");

    private final String code;

    ReportFormat(String code) {
        this.code = code;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return code;
    }

    /** Parses {@code json}, {@code markdown} or {@code md}, case-insensitively. */
    public static Optional<ReportFormat> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "json" -> Optional.of(JSON);
            case "markdown", "md" -> Optional.of(MARKDOWN);
            default -> Optional.empty();
        };
    }
}
