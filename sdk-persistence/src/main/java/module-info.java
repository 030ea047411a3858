/** Durable interview stores (PostgreSQL, H2), encryption at rest, redaction, retention and privacy operations. */
// "module": the qualified exports name sibling modules that are not on the path when this one compiles
@SuppressWarnings("module")
module dev.interviewagent.persistence {
    requires transitive dev.interviewagent.core;
    requires transitive java.sql;
    requires com.zaxxer.hikari;
    requires flyway.core;
    requires org.slf4j;
    requires static transitive org.jspecify;

    exports dev.interviewagent.persistence;

    // Stored-text rules (redaction, sealing) the Redis cache applies exactly as the database does.
    exports dev.interviewagent.persistence.internal to dev.interviewagent.persistence.redis;

    opens dev.interviewagent.persistence to com.fasterxml.jackson.databind;
    opens dev.interviewagent.persistence.internal to com.fasterxml.jackson.databind;
    opens dev.interviewagent.persistence.internal.jdbc to com.fasterxml.jackson.databind;
    // Flyway finds the migrations through the class loader, which sees a named module's resources only in open
    // packages.
    opens dev.interviewagent.persistence.db.h2;
    opens dev.interviewagent.persistence.db.postgresql;

    uses dev.interviewagent.persistence.ClusterStackProvider;
}
