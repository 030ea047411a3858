package dev.interviewagent.persistence;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Encrypts respondent text, interview state documents, archived reports and channel inbox payloads before a store
 * writes them, and decrypts them on reading. Implementations must be thread-safe and fast (they run on every commit).
 *
 * <p>Stores use the <em>bound</em> forms, {@link #encrypt(String, Binding)} and {@link #decrypt(String, Binding)}:
 * each value is sealed to the place it is stored in (interview id, column, turn number), so a ciphertext copied to
 * another row or column does not decrypt, and a value that is not sealed at all (plain text) is refused rather than
 * returned. The unbound forms {@link #encrypt(String)} and {@link #decrypt(String)} are the format of earlier
 * versions: {@code decrypt(String)} also accepts plain text, and stores call it only while migrating values written
 * before (see {@link JdbcInterviewStoreBuilder#migrateEncryption}).
 *
 * <p>The default is {@link #NONE}; the shipped implementation is {@link AesGcmAnswerEncryption}. An implementation
 * that does not override the bound forms gets the unbound ones (no binding, plain text accepted).
 */
public interface AnswerEncryption {

    /** Stores text as it is. */
    AnswerEncryption NONE = new AnswerEncryption() {
        @Override
        public String encrypt(String plaintext) {
            return plaintext;
        }

        @Override
        public String decrypt(String stored) {
            return stored;
        }

        @Override
        public boolean isEnabled() {
            return false;
        }

        @Override
        public String toString() {
            return "AnswerEncryption.NONE";
        }
    };

    /** The form to store, not bound to a place (the format of earlier versions). Never returns null. */
    String encrypt(String plaintext);

    /**
     * The plaintext of a value written by {@link #encrypt(String)}; a value that was never encrypted is returned as it
     * is. Only for migrating values written before bound encryption; stores read with
     * {@link #decrypt(String, Binding)}.
     *
     * @throws dev.interviewagent.core.exception.StoreException if the value is encrypted with an unknown key or was
     *                                                          tampered with
     */
    String decrypt(String stored);

    /**
     * The form to store {@code plaintext} in at {@code binding}: only {@link #decrypt(String, Binding)} with an equal
     * binding opens it. Never returns null. The default ignores the binding.
     */
    default String encrypt(String plaintext, Binding binding) {
        Objects.requireNonNull(binding, "binding");
        return encrypt(plaintext);
    }

    /**
     * The plaintext of a value stored at {@code binding}. An enabled implementation refuses anything it did not seal
     * for this binding: plain text, the unbound format of earlier versions, a value copied from another row or column.
     * The default ignores the binding.
     *
     * @throws dev.interviewagent.core.exception.StoreException if the value is refused, encrypted with an unknown key,
     *                                                          or was tampered with; the message names the key id and
     *                                                          the binding, never the value
     */
    default String decrypt(String stored, Binding binding) {
        Objects.requireNonNull(binding, "binding");
        return decrypt(stored);
    }

    /**
     * Whether {@code stored} predates bound encryption: plain text or the unbound format, which
     * {@link #decrypt(String, Binding)} refuses and only a migration reads (with {@link #decrypt(String)}).
     * The default: never.
     */
    default boolean isLegacy(String stored) {
        return false;
    }

    /**
     * Whether {@code stored} is in the current format with the current key; a migration rewrites the others. The
     * default: whatever is not {@link #isLegacy legacy}.
     */
    default boolean isCurrent(String stored) {
        return !isLegacy(stored);
    }

    /** Whether {@link #encrypt} changes anything (stores skip work when it does not). */
    default boolean isEnabled() {
        return true;
    }

    /**
     * Where a value is stored, which its ciphertext is bound to (AES-GCM associated data): the row's owner, the field
     * and, for rows of a log, the item. Never stored; it is rebuilt from the row when reading. The names of the
     * fields stores use are stable: changing one makes every value stored under it unreadable.
     *
     * @param subject the owner of the row, e.g. the interview id or an inbox scope; not blank
     * @param field   the table and column (or cache entry), e.g. {@code turns.text}; not blank
     * @param item    the row within the owner where there are several, e.g. the turn number; null if none
     */
    record Binding(String subject, String field, @Nullable String item) {

        public Binding {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(field, "field");
            if (subject.isBlank()) {
                throw new IllegalArgumentException("subject must not be blank");
            }
            if (field.isBlank()) {
                throw new IllegalArgumentException("field must not be blank");
            }
        }

        /** A value that is the only one of its field for {@code subject}. */
        public static Binding of(String subject, String field) {
            return new Binding(subject, field, null);
        }

        /** For messages: the binding without the subject's content, e.g. {@code turns.text #3 of kit-1}. */
        @Override
        public String toString() {
            return field + (item == null ? "" : " #" + item) + " of " + subject;
        }
    }
}
