package dev.interviewagent.persistence;

/**
 * Encrypts respondent text, interview state documents and archived reports before a store writes them, and decrypts
 * them on reading. Implementations must be thread-safe and fast (they run on every commit).
 *
 * <p>{@link #decrypt} must accept both its own output and plaintext written before encryption was switched on, so
 * encryption can be enabled on an existing database. The default is {@link #NONE}; the shipped implementation is
 * {@link AesGcmAnswerEncryption}.
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

    /** The form to store. Never returns null. */
    String encrypt(String plaintext);

    /**
     * The plaintext of a stored value; a value that was never encrypted is returned as it is.
     *
     * @throws dev.interviewagent.core.exception.StoreException if the value is encrypted with an unknown key or was
     *                                                          tampered with
     */
    String decrypt(String stored);

    /** Whether {@link #encrypt} changes anything (stores skip work when it does not). */
    default boolean isEnabled() {
        return true;
    }
}
