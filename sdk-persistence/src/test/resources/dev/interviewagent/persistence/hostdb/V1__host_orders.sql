-- A host application's own table, migrated by the host's own Flyway (history in flyway_schema_history).
CREATE TABLE host_orders (id BIGINT PRIMARY KEY, item VARCHAR(100) NOT NULL);
