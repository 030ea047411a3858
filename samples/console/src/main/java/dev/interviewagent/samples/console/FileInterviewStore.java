package dev.interviewagent.samples.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.exception.ConcurrentTurnException;
import dev.interviewagent.core.exception.StoreException;
import dev.interviewagent.core.spi.InterviewCodec;
import dev.interviewagent.core.spi.InterviewStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A small embedded {@link InterviewStore} on the file system, so console interviews survive the process: one
 * directory per interview holding {@code state.json} and {@code turns.jsonl}. A stand-in until sdk-persistence's
 * embedded store lands.
 *
 * <ul>
 *   <li>{@code turns.jsonl} is the append-only turn log, one {@link InterviewCodec} JSON turn per line, appended and
 *       forced to disk ({@link FileChannel#force}) before the state is replaced.</li>
 *   <li>{@code state.json} is the commit point: {@code {"turnsBytes": n, "interview": {...}}}, written to a temp file
 *       and moved over the old one with {@code ATOMIC_MOVE}. Only the first {@code turnsBytes} bytes of the log
 *       belong to the interview; a crash between the two writes leaves a tail that is ignored and cut off by the next
 *       commit.</li>
 *   <li>A new interview is written into a temp directory that is renamed into place, so a create is atomic and a
 *       second create of the same id fails.</li>
 * </ul>
 *
 * <p>Thread-safe: writers of one interview hold an in-process monitor (one per interview) and an OS file lock on
 * the log, so two console processes on the same store cannot both win a version either. Reads take no lock. Scans
 * ({@link #findActiveByChannelKey} and friends) read every state file, which is fine for the hundreds of interviews a
 * console keeps. I/O failures become {@link StoreException}.
 */
public final class FileInterviewStore implements InterviewStore {

    private static final String STATE = "state.json";
    private static final String TURNS = "turns.jsonl";

    private final Path root;
    private final InterviewCodec codec = new InterviewCodec();
    private final ConcurrentHashMap<InterviewId, Object> locks = new ConcurrentHashMap<>();

    /**
     * A store under {@code root}, which is created if missing.
     *
     * @throws StoreException if the directory cannot be created
     */
    public FileInterviewStore(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new StoreException("cannot create store directory " + this.root, e);
        }
    }

    /** The store's root directory. */
    public Path root() {
        return root;
    }

    private record Stored(Interview interview, long turnsBytes) {
    }

    @Override
    public void create(Interview interview, List<Turn> turns) {
        Objects.requireNonNull(interview, "interview");
        checkTurns(interview, turns, 0);
        Path dir = dir(interview.id());
        if (Files.exists(dir)) {
            throw new ConcurrentTurnException("interview " + interview.id() + " already exists");
        }
        Path tmp = root.resolve(".new-" + interview.id() + "-" + UUID.randomUUID());
        try {
            Files.createDirectory(tmp);
            byte[] log = lines(turns);
            try (FileChannel channel = FileChannel.open(tmp.resolve(TURNS), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                writeFully(channel, log);
                channel.force(true);
            }
            writeState(tmp, new Stored(interview, log.length));
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            deleteQuietly(tmp);
            throw new ConcurrentTurnException("interview " + interview.id() + " already exists", e);
        } catch (IOException e) {
            deleteQuietly(tmp);
            if (Files.exists(dir)) {
                throw new ConcurrentTurnException("interview " + interview.id() + " already exists", e);
            }
            throw new StoreException("cannot create interview " + interview.id(), e);
        }
    }

    @Override
    public Optional<Interview> load(InterviewId id) {
        return read(dir(id)).map(Stored::interview);
    }

    @Override
    public void commit(long expectedVersion, Interview next, List<Turn> turns) {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(turns, "turns");
        if (next.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("next version must be " + (expectedVersion + 1) + ", was "
                    + next.version());
        }
        Path dir = dir(next.id());
        synchronized (locks.computeIfAbsent(next.id(), k -> new Object())) {
            try (FileChannel log = FileChannel.open(dir.resolve(TURNS), StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
                 FileLock ignored = log.lock()) {
                Stored current = read(dir).orElseThrow(() ->
                        new ConcurrentTurnException("interview " + next.id() + " does not exist (deleted?)"));
                if (current.interview().version() != expectedVersion) {
                    throw new ConcurrentTurnException("interview " + next.id() + " is at version "
                            + current.interview().version() + ", expected " + expectedVersion);
                }
                checkTurns(next, turns, current.interview().turnCount());
                for (Turn turn : turns) {
                    if (turn.messageId() != null && find(dir, current, turn.messageId()).isPresent()) {
                        throw new ConcurrentTurnException("message already handled for interview " + next.id());
                    }
                }
                byte[] appended = lines(turns);
                if (log.size() > current.turnsBytes()) {
                    log.truncate(current.turnsBytes()); // the tail of a commit that crashed before its state
                }
                log.position(current.turnsBytes());
                writeFully(log, appended);
                log.force(true);
                writeState(dir, new Stored(next, current.turnsBytes() + appended.length));
            } catch (NoSuchFileException e) {
                throw new ConcurrentTurnException("interview " + next.id() + " does not exist (deleted?)", e);
            } catch (IOException e) {
                throw new StoreException("cannot commit interview " + next.id(), e);
            }
        }
    }

    @Override
    public List<Turn> turns(InterviewId id) {
        Path dir = dir(id);
        return read(dir).map(stored -> readTurns(dir, stored)).orElse(List.of());
    }

    @Override
    public Optional<Turn> findByMessageId(InterviewId id, MessageId messageId) {
        Objects.requireNonNull(messageId, "messageId");
        Path dir = dir(id);
        return read(dir).flatMap(stored -> find(dir, stored, messageId));
    }

    @Override
    public Optional<InterviewId> findActiveByChannelKey(String channelKey) {
        Objects.requireNonNull(channelKey, "channelKey");
        return all().filter(i -> i.isActive() && channelKey.equals(i.channelKey()))
                .max(Comparator.comparing(Interview::createdAt))
                .map(Interview::id);
    }

    @Override
    public List<InterviewId> findByChannelKey(String channelKey) {
        Objects.requireNonNull(channelKey, "channelKey");
        return all().filter(i -> channelKey.equals(i.channelKey()))
                .sorted(Comparator.comparing(Interview::createdAt))
                .map(Interview::id)
                .toList();
    }

    @Override
    public List<InterviewId> findActiveIdleSince(Instant cutoff, int limit) {
        Objects.requireNonNull(cutoff, "cutoff");
        return all().filter(i -> i.isActive() && i.updatedAt().isBefore(cutoff))
                .limit(limit)
                .map(Interview::id)
                .toList();
    }

    @Override
    public boolean delete(InterviewId id) {
        Path dir = dir(id);
        synchronized (locks.computeIfAbsent(id, k -> new Object())) {
            Path doomed = root.resolve(".deleted-" + id + "-" + UUID.randomUUID());
            try {
                Files.move(dir, doomed, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                return false;
            } catch (IOException e) {
                throw new StoreException("cannot delete interview " + id, e);
            }
            deleteQuietly(doomed);
            locks.remove(id);
            return true;
        }
    }

    // ------------------------------------------------------------------------------------------------ internals

    private Path dir(InterviewId id) {
        return root.resolve(id.value()); // InterviewId allows only [A-Za-z0-9_-]: no path tricks
    }

    private Optional<Stored> read(Path dir) {
        try {
            JsonNode node = codec.mapper().readTree(Files.readString(dir.resolve(STATE), StandardCharsets.UTF_8));
            Interview interview = codec.mapper().treeToValue(node.path("interview"), Interview.class);
            return Optional.of(new Stored(interview, node.path("turnsBytes").asLong()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("cannot read " + dir.resolve(STATE), e);
        }
    }

    private void writeState(Path dir, Stored stored) throws IOException {
        ObjectNode node = codec.mapper().createObjectNode();
        node.put("format", 1);
        node.put("turnsBytes", stored.turnsBytes());
        node.set("interview", codec.mapper().readTree(codec.toJson(stored.interview())));
        byte[] bytes = codec.mapper().writeValueAsBytes(node);
        Path tmp = dir.resolve(STATE + "." + UUID.randomUUID() + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            writeFully(channel, bytes);
            channel.force(true);
        }
        try {
            Files.move(tmp, dir.resolve(STATE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** The committed part of the log: only the first {@code turnsBytes} bytes, never a crashed commit's tail. */
    private List<Turn> readTurns(Path dir, Stored stored) {
        byte[] bytes;
        try (FileChannel channel = FileChannel.open(dir.resolve(TURNS), StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(stored.turnsBytes()));
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // keep reading until the committed prefix is in
            }
            bytes = buffer.array();
        } catch (NoSuchFileException e) {
            return List.of(); // deleted meanwhile
        } catch (IOException e) {
            throw new StoreException("cannot read " + dir.resolve(TURNS), e);
        }
        List<Turn> turns = new ArrayList<>(stored.interview().turnCount());
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                turns.add(codec.turn(line));
            }
        }
        return turns;
    }

    private Optional<Turn> find(Path dir, Stored stored, MessageId messageId) {
        return readTurns(dir, stored).stream()
                .filter(turn -> turn.isRespondent() && messageId.equals(turn.messageId()))
                .findFirst();
    }

    private Stream<Interview> all() {
        List<Interview> found = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root,
                p -> !p.getFileName().toString().startsWith(".") && Files.isDirectory(p))) {
            for (Path dir : dirs) {
                read(dir).ifPresent(stored -> found.add(stored.interview()));
            }
        } catch (IOException e) {
            throw new StoreException("cannot list " + root, e);
        }
        return found.stream();
    }

    private byte[] lines(List<Turn> turns) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Turn turn : turns) {
            out.writeBytes(codec.toJson(turn).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static void checkTurns(Interview state, List<Turn> turns, int existing) {
        for (int i = 0; i < turns.size(); i++) {
            if (turns.get(i).number() != existing + i + 1) {
                throw new IllegalArgumentException("turn numbers must continue the log at " + (existing + 1));
            }
        }
        if (state.turnCount() != existing + turns.size()) {
            throw new IllegalArgumentException("turnCount must be " + (existing + turns.size()) + ", was "
                    + state.turnCount());
        }
    }

    private static void writeFully(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover hidden directory is ignored by every scan
        }
    }
}
