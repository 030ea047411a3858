package dev.interviewagent.bench.drill.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The drill's own PostgreSQL: a new cluster ({@code initdb}) in a temporary directory, started with {@code pg_ctl} on
 * a free loopback port with its socket in that directory, so the shared instance on 5432 is never touched. It can
 * be stopped at once ({@code -m immediate}, as a crash would) and started again on the same port and data.
 * {@link #close()} stops it and deletes the directory. The binaries come from {@code IA_DRILL_PG_BIN}, else the
 * first of /usr/local/bin and /usr/lib/postgresql/&lt;version&gt;/bin that has {@code initdb}; as root they run as
 * the {@code postgres} user.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "postgres";
    private static final Duration LIMIT = Duration.ofSeconds(120);

    private final Path bin;
    private final Path dir;
    private final int port;
    private volatile boolean running;

    private LocalPostgres(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** Creates a cluster in a new temporary directory and starts it. */
    public static LocalPostgres start() {
        Path bin = binaries();
        Path dir;
        try {
            dir = Files.createTempDirectory("ia-drill-pg-");
            if ("root".equals(System.getProperty("user.name"))) {
                UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName(USER);
                Files.setOwner(dir, owner);
            }
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalPostgres postgres = new LocalPostgres(bin, dir, FreePorts.next());
        try {
            Commands.run(Commands.as(USER, List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data")
                    .toString(), "-U", USER, "-A", "trust", "-E", "UTF8", "--no-sync", "--locale=C")), LIMIT);
            postgres.startAgain();
            return postgres;
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/postgres} */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public int port() {
        return port;
    }

    /** Starts the server (again) on the same port and data; returns when it accepts connections. */
    public void startAgain() {
        Commands.run(Commands.as(USER, List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data")
                .toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "90", "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir
                        + " -c max_connections=200", "start")), LIMIT);
        running = true;
    }

    /** Stops the server at once, aborting every connection without a checkpoint (like a crash). */
    public void stopNow() {
        Commands.run(Commands.as(USER, List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data")
                .toString(), "-m", "immediate", "-w", "stop")), LIMIT);
        running = false;
    }

    /** A new connection (the caller closes it). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, "");
    }

    @Override
    public void close() {
        if (running) {
            try {
                stopNow();
            } catch (RuntimeException e) {
                System.err.println("local PostgreSQL did not stop: " + e.getMessage());
            }
        }
        Commands.deleteTree(dir);
    }

    @Override
    public String toString() {
        return "PostgreSQL on 127.0.0.1:" + port + " in " + dir;
    }

    private static Path binaries() {
        String configured = System.getenv("IA_DRILL_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        if (Files.isExecutable(Path.of("/usr/local/bin/initdb"))) {
            return Path.of("/usr/local/bin");
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Path::compareTo).orElseThrow(() -> new IllegalStateException("no initdb found"));
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL binaries (set IA_DRILL_PG_BIN)", e);
        }
    }
}
