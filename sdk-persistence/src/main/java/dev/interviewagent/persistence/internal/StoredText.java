package dev.interviewagent.persistence.internal;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.exception.StoreException;
import dev.interviewagent.core.spi.InterviewCodec;
import dev.interviewagent.persistence.AnswerEncryption;
import dev.interviewagent.persistence.AnswerEncryption.Binding;
import dev.interviewagent.persistence.PiiRedactor;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How every store turns a text into the form it keeps, and back: the {@link PiiRedactor} first, then the
 * {@link AnswerEncryption} sealed to the value's {@link Binding} (AES-GCM associated data in the shipped
 * {@code enc:v2:} format). The JDBC store, its report archive and inbox, and the Redis cache all go through one
 * instance of this, so a value is redacted and sealed the same way wherever it is kept. Thread-safe.
 */
public final class StoredText {

    /** A value in the stores' encrypted format (for a clear error when it is read without a key). */
    private static final Pattern CIPHERTEXT = Pattern.compile("enc:v[12]:([A-Za-z0-9._-]{1,64}):[A-Za-z0-9+/]+={0,2}");

    private final InterviewCodec codec;
    private final AnswerEncryption encryption;
    private final PiiRedactor redactor;
    private final boolean migrating;

    /**
     * @param codec      the JSON codec of state documents
     * @param encryption the encryption at rest, {@link AnswerEncryption#NONE} for none
     * @param redactor   applied to every text before it is sealed, {@link PiiRedactor#NONE} for none
     * @param migrating  whether values written before bound encryption (plain text, {@code enc:v1:}) are still read
     */
    public StoredText(InterviewCodec codec, AnswerEncryption encryption, PiiRedactor redactor, boolean migrating) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.encryption = Objects.requireNonNull(encryption, "encryption");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.migrating = migrating;
    }

    public InterviewCodec codec() {
        return codec;
    }

    public AnswerEncryption encryption() {
        return encryption;
    }

    public PiiRedactor redactor() {
        return redactor;
    }

    /** Whether values written before bound encryption are read (see {@link #open}). */
    public boolean migrating() {
        return migrating;
    }

    /** Whether values are encrypted (else they are kept as plain, redacted text). */
    public boolean encrypts() {
        return encryption.isEnabled();
    }

    /** {@code plaintext} in the form to store at {@code binding}: encrypted and bound when encryption is on. */
    public String seal(String plaintext, Binding binding) {
        return encryption.isEnabled() ? encryption.encrypt(plaintext, binding) : plaintext;
    }

    /**
     * The plaintext of a value stored at {@code binding}. With encryption on, only values sealed for this binding
     * are read, unless migrating (then plain text and unbound values too); with encryption off, a value in the
     * encrypted format is refused rather than shown as text.
     *
     * @throws StoreException if the value is refused or cannot be decrypted (the message names the key id and the
     *                        binding, never the value)
     */
    public String open(String stored, Binding binding) {
        if (!encryption.isEnabled()) {
            var ciphertext = CIPHERTEXT.matcher(stored);
            if (ciphertext.matches()) {
                throw new StoreException(binding + " is encrypted with key '" + ciphertext.group(1) + "', but this"
                        + " store has no encryption configured");
            }
            return stored;
        }
        if (migrating && encryption.isLegacy(stored)) {
            return encryption.decrypt(stored);
        }
        return encryption.decrypt(stored, binding);
    }

    /** The turn with its text redacted (not sealed). */
    public Turn redacted(Turn turn) {
        return Redaction.turn(redactor, turn);
    }

    /** The text redacted (not sealed). */
    public String redacted(String text) {
        return redactor.redact(text);
    }

    /** A JSON document with its string values redacted, identifiers kept (see {@link Redaction#json}). */
    public String redactedJson(String document) {
        return Redaction.json(redactor, document);
    }

    /** The state as a JSON document with every text in it redacted (not sealed). */
    public String stateJson(Interview state) {
        return codec.toJson(Redaction.state(redactor, state));
    }

    /** The state redacted and sealed at {@code binding}. */
    public String sealedState(Interview state, Binding binding) {
        return seal(stateJson(state), binding);
    }

    /** The state stored at {@code binding}, opened as {@link #open} does. */
    public Interview openState(String stored, Binding binding) {
        return codec.interview(open(stored, binding));
    }
}
