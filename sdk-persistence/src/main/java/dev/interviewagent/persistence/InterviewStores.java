package dev.interviewagent.persistence;

import dev.interviewagent.core.exception.StoreException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Picks a store from one configuration string, the way the samples do:
 *
 * <ul>
 *   <li>{@code jdbc:postgresql://host:5432/db?user=…&password=…} — PostgreSQL;</li>
 *   <li>{@code jdbc:h2:…} — H2 as given (add {@code MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE});</li>
 *   <li>anything else is a directory for the embedded H2 database ({@code ./interviews} if blank).</li>
 * </ul>
 *
 * <p>Not instantiable. The store returned is owned by the caller: close it when done.
 */
public final class InterviewStores {

    /** The directory the embedded store uses when no URL is configured. */
    public static final String DEFAULT_EMBEDDED_DIRECTORY = "interviews";

    private InterviewStores() {
    }

    /**
     * A store for {@code url} with default settings.
     *
     * @param url a JDBC URL, a directory path, or null/blank for {@link #DEFAULT_EMBEDDED_DIRECTORY}
     * @throws StoreException if the database cannot be opened or migrated
     */
    public static JdbcInterviewStore fromUrl(@Nullable String url) {
        return fromUrl(url, null, null);
    }

    /**
     * A store for {@code url}, with credentials for servers that need them (credentials in the URL work too).
     *
     * @throws StoreException if the database cannot be opened or migrated
     */
    public static JdbcInterviewStore fromUrl(@Nullable String url, @Nullable String username,
                                             @Nullable String password) {
        return builderFor(url, username, password).build();
    }

    /** A builder preset for {@code url}, to add encryption, a redactor, a schema, … before building. */
    public static JdbcInterviewStoreBuilder builderFor(@Nullable String url, @Nullable String username,
                                                       @Nullable String password) {
        String value = url == null ? "" : url.strip();
        JdbcInterviewStoreBuilder builder = JdbcInterviewStore.builder();
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:") || lower.startsWith("jdbc:h2:")) {
            builder.jdbcUrl(value);
            if (username != null) {
                builder.username(username);
            }
            if (password != null) {
                builder.password(password);
            }
        } else if (lower.startsWith("jdbc:")) {
            throw new IllegalArgumentException("unsupported JDBC URL (supported: jdbc:postgresql:, jdbc:h2:)");
        } else {
            builder.embedded(Path.of(value.isEmpty() ? DEFAULT_EMBEDDED_DIRECTORY : value));
        }
        return Objects.requireNonNull(builder);
    }
}
