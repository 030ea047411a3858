package dev.interviewagent.persistence;

/** Exposes the package-private test settings to the crash test package. */
public final class CrashTestSupport {

    public static final String PG_URL = TestServices.PG_URL;
    public static final String PG_USER = TestServices.PG_USER;
    public static final String PG_PASSWORD = TestServices.PG_PASSWORD;

    private CrashTestSupport() {
    }

    public static String newSchema() {
        return TestServices.newSchema();
    }

    public static JdbcInterviewStore postgres(String schema) {
        return TestServices.postgres(schema).build();
    }

    public static void dropSchema(String schema) {
        TestServices.dropSchema(schema);
    }
}
