package dev.interviewagent.persistence;

import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.core.config.InvalidConfigurationException;
import dev.interviewagent.core.exception.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key file of an embedded store that was given no {@code interview.encryption.keys}: one random AES-256 key,
 * created once next to the database and readable by its owner only, so a host with zero configuration still stores
 * answers encrypted. Lines are {@code id:base64key} (the first is the primary key; more may be added for rotation) or
 * {@code #} comments. The key never leaves this class except into the {@link AesGcmAnswerEncryption} it builds; only
 * the path and key id are ever shown.
 */
final class LocalKeyFile {

    /** The file name, in the embedded store's directory. */
    static final String FILE_NAME = "encryption.key";

    private static final Logger log = LoggerFactory.getLogger(LocalKeyFile.class);
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private final Path path;
    private final AesGcmAnswerEncryption encryption;
    private final boolean created;

    private LocalKeyFile(Path path, AesGcmAnswerEncryption encryption, boolean created) {
        this.path = path;
        this.encryption = encryption;
        this.created = created;
    }

    /** The key file in {@code directory}, if there is one. */
    static boolean exists(Path directory) {
        return Files.exists(directory.resolve(FILE_NAME));
    }

    /**
     * Reads the key file in {@code directory}, creating the directory and the file first if missing.
     *
     * @throws StoreException                if the file cannot be created or read
     * @throws InvalidConfigurationException if the file exists but does not hold a valid key ring
     */
    static LocalKeyFile openOrCreate(Path directory, SecureRandom random) {
        Path path = directory.toAbsolutePath().normalize().resolve(FILE_NAME);
        boolean created = false;
        try {
            if (!Files.exists(path)) {
                created = create(path, random);
            }
            return new LocalKeyFile(path, read(path), created);
        } catch (IOException e) {
            throw new StoreException("cannot " + (created ? "read" : "create or read") + " the encryption key file "
                    + path + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    Path path() {
        return path;
    }

    AesGcmAnswerEncryption encryption() {
        return encryption;
    }

    /** Whether this call created the file (so the store holds nothing encrypted with it yet). */
    boolean created() {
        return created;
    }

    /** Writes a new key to a temporary file that only the owner may read, then links it into place. */
    private static boolean create(Path path, SecureRandom random) throws IOException {
        Files.createDirectories(path.getParent());
        byte[] key = new byte[32];
        random.nextBytes(key);
        byte[] idBytes = new byte[4];
        random.nextBytes(idBytes);
        String id = "local-" + HexFormat.of().formatHex(idBytes);
        String text = "# Encryption key of the embedded interview store in this directory (AES-256, id:base64key).\n"
                + "# Keep it secret and keep it safe: without it the stored interviews cannot be read.\n"
                + id + ":" + Base64.getEncoder().encodeToString(key) + "\n";
        boolean posix = Files.getFileStore(path.getParent()).supportsFileAttributeView(PosixFileAttributeView.class);
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(path.getParent(), ".encryption-", ".tmp", ownerOnly);
        try {
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            if (!posix) {
                restrictWithoutPosix(temporary);
            }
            try {
                Files.createLink(path, temporary); // atomic, and never replaces a key file another process wrote
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (e instanceof FileAlreadyExistsException exists) {
                    throw exists;
                }
                Files.move(temporary, path); // no hard links here: a plain move, which also refuses to replace
            }
        } catch (FileAlreadyExistsException e) {
            return false; // another process created it first: use theirs
        } finally {
            Files.deleteIfExists(temporary);
        }
        log.info("created the encryption key file {} for the embedded store (key id {})", path, id);
        return true;
    }

    /** Best effort where there are no POSIX permissions (Windows): readable and writable by the owner only. */
    private static void restrictWithoutPosix(Path file) {
        var f = file.toFile();
        boolean restricted = f.setReadable(false, false) && f.setReadable(true, true)
                && f.setWritable(false, false) && f.setWritable(true, true);
        if (!restricted) {
            log.warn("could not restrict the permissions of the encryption key file {}", file);
        }
    }

    private static AesGcmAnswerEncryption read(Path path) throws IOException {
        warnIfOthersCanRead(path);
        List<String> lines = Files.readAllLines(path, StandardCharsets.US_ASCII);
        Map<String, byte[]> keys = new LinkedHashMap<>();
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String id = colon < 0 ? "" : line.substring(0, colon).strip();
            if (!KEY_ID.matcher(id).matches()) {
                throw invalid(path, "line " + number + " must be id:base64key");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(line.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw invalid(path, "key '" + id + "' is not valid base64");
            }
            if (keys.putIfAbsent(id, key) != null) {
                throw invalid(path, "key '" + id + "' is listed twice");
            }
        }
        if (keys.isEmpty()) {
            throw invalid(path, "it holds no key");
        }
        AesGcmAnswerEncryption.Builder builder = AesGcmAnswerEncryption.builder();
        try {
            keys.forEach(builder::key);
        } catch (IllegalArgumentException e) {
            throw invalid(path, e.getMessage()); // names the key id and its length, never key material
        }
        return builder.build();
    }

    private static InvalidConfigurationException invalid(Path path, String problem) {
        return new InvalidConfigurationException(InterviewSettings.ENCRYPTION_KEYS, "the encryption key file " + path
                + " is invalid: " + problem + " (fix it, or set " + InterviewSettings.ENCRYPTION_KEYS + ")");
    }

    private static void warnIfOthersCanRead(Path path) throws IOException {
        if (!Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        if (!OWNER_ONLY.containsAll(permissions)) {
            log.warn("the encryption key file {} is accessible to other users ({}): chmod 600 it", path,
                    PosixFilePermissions.toString(permissions));
        }
    }

    @Override
    public String toString() {
        return "LocalKeyFile{" + path + ", primaryKeyId=" + encryption.primaryKeyId() + "}";
    }
}
