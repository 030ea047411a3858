package dev.interviewagent.persistence.internal.jdbc;

import java.util.Locale;

/**
 * What differs between the databases the JDBC store runs on. Everything else (tables, columns, statements) is the
 * same SQL.
 */
public enum Dialect {
    /** PostgreSQL: jsonb documents, and a commit is one data-modifying statement (one round trip). */
    POSTGRESQL("postgresql", "CAST(? AS jsonb)", true, "id COLLATE \"C\""),
    /** H2 in PostgreSQL compatibility mode: text documents, and a commit is an update plus an insert in a transaction. */
    H2("h2", "?", false, "id");

    private final String folder;
    private final String jsonParameter;
    private final boolean singleStatementCommit;
    private final String orderedId;

    Dialect(String folder, String jsonParameter, boolean singleStatementCommit, String orderedId) {
        this.folder = folder;
        this.jsonParameter = jsonParameter;
        this.singleStatementCommit = singleStatementCommit;
        this.orderedId = orderedId;
    }

    /** The Flyway location of this dialect's migrations. */
    public String migrations() {
        return "classpath:dev/interviewagent/persistence/db/" + folder;
    }

    /** How a JSON document parameter is written in SQL. */
    public String jsonParameter() {
        return jsonParameter;
    }

    /** Whether a commit can update the state and append turns in one statement. */
    public boolean singleStatementCommit() {
        return singleStatementCommit;
    }

    /**
     * The interview id as the listing orders and compares it: by code point, as Java's {@code String.compareTo}
     * does, whatever the database's default collation (the listing indexes use the same expression).
     */
    public String orderedId() {
        return orderedId;
    }

    /** The dialect for a JDBC URL or a database product name. */
    public static Dialect detect(String urlOrProduct) {
        String s = urlOrProduct.toLowerCase(Locale.ROOT);
        if (s.startsWith("jdbc:h2:") || s.equals("h2")) {
            return H2;
        }
        if (s.startsWith("jdbc:postgresql:") || s.equals("postgresql")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database: " + urlOrProduct.replaceAll("(?i)password=[^;&]*",
                "password=<masked>") + " (supported: PostgreSQL, H2)");
    }
}
