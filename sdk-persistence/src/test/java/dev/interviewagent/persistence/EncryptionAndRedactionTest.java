package dev.interviewagent.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewagent.core.exception.StoreException;
import dev.interviewagent.persistence.AnswerEncryption.Binding;
import dev.interviewagent.persistence.internal.Redaction;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class EncryptionAndRedactionTest {

    private static final byte[] KEY = new byte[32];
    private static final byte[] OTHER = "fedcba9876543210".getBytes();
    private static final Binding TURN_3 = new Binding("kit-1", "turns.text", "3");

    private final AesGcmAnswerEncryption encryption = AesGcmAnswerEncryption.builder().key("k1", KEY).build();

    @Test
    void should_round_trip_and_never_repeat_ciphertext_when_encrypting_the_same_text() {
        String a = encryption.encrypt("ответ 😀 with 'quotes'", TURN_3);
        String b = encryption.encrypt("ответ 😀 with 'quotes'", TURN_3);

        assertThat(a).startsWith("enc:v2:k1:").isNotEqualTo(b);
        assertThat(encryption.decrypt(a, TURN_3)).isEqualTo("ответ 😀 with 'quotes'");
        assertThat(encryption.isCurrent(a)).isTrue();
        assertThat(encryption.isLegacy(a)).isFalse();
    }

    @Test
    void should_refuse_a_ciphertext_moved_to_another_interview_field_or_turn() {
        String sealed = encryption.encrypt("the valve sequence is 3-1-2", TURN_3);

        for (Binding elsewhere : new Binding[] {new Binding("kit-2", "turns.text", "3"),
                new Binding("kit-1", "turns.text", "4"), Binding.of("kit-1", "interviews.state"),
                Binding.of("kit-1", "turns.text"), new Binding("kit-13", "turns.text", ""),
                new Binding("kit-1", "turns.tex", "t3")}) {
            assertThatThrownBy(() -> encryption.decrypt(sealed, elsewhere)).as("%s", elsewhere)
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("k1").hasMessageContaining(elsewhere.toString())
                    .hasMessageContaining("copied from another row or field")
                    .hasMessageNotContaining("3-1-2").hasMessageNotContaining(Base64.getEncoder().encodeToString(KEY));
        }
    }

    @Test
    void should_refuse_plain_text_and_the_unbound_format_when_reading_bound_values() {
        String legacy = encryption.encrypt("written by an older SDK");

        assertThat(legacy).startsWith("enc:v1:k1:");
        assertThatThrownBy(() -> encryption.decrypt("planted in the database", TURN_3))
                .isInstanceOf(StoreException.class).hasMessageContaining("plain text")
                .hasMessageContaining("turns.text #3 of kit-1").hasMessageNotContaining("planted");
        assertThatThrownBy(() -> encryption.decrypt(legacy, TURN_3)).isInstanceOf(StoreException.class)
                .hasMessageContaining("enc:v1").hasMessageContaining("'k1'").hasMessageNotContaining("older SDK");
        assertThat(encryption.isLegacy(legacy)).isTrue();
        assertThat(encryption.isLegacy("plain")).isTrue();
        assertThat(encryption.isCurrent(legacy)).isFalse();
        // the migration path reads both
        assertThat(encryption.decrypt(legacy)).isEqualTo("written by an older SDK");
        assertThat(encryption.decrypt("written before encryption")).isEqualTo("written before encryption");
        assertThatThrownBy(() -> encryption.decrypt(encryption.encrypt("x", TURN_3)))
                .isInstanceOf(StoreException.class).hasMessageContaining("binding");
    }

    @Test
    void should_fail_with_the_key_id_when_a_value_was_tampered_with_or_its_key_is_missing() {
        String sealed = encryption.encrypt("secret", TURN_3);
        byte[] raw = Base64.getDecoder().decode(sealed.substring("enc:v2:k1:".length()));
        raw[raw.length - 1] ^= 1;
        String tampered = "enc:v2:k1:" + Base64.getEncoder().encodeToString(raw);

        assertThatThrownBy(() -> encryption.decrypt(tampered, TURN_3)).isInstanceOf(StoreException.class)
                .hasMessageContaining("k1").hasMessageNotContaining("secret");
        AesGcmAnswerEncryption other = AesGcmAnswerEncryption.builder().key("k2", OTHER).build();
        assertThatThrownBy(() -> other.decrypt(sealed, TURN_3)).isInstanceOf(StoreException.class)
                .hasMessageContaining("'k1'");
        assertThatThrownBy(() -> encryption.decrypt("enc:v2:k1:%%%", TURN_3)).isInstanceOf(StoreException.class)
                .hasMessageContaining("malformed");
    }

    @Test
    void should_rotate_keys_when_a_new_primary_key_is_added() {
        String old = encryption.encrypt("kept", TURN_3);
        AesGcmAnswerEncryption rotated = AesGcmAnswerEncryption.builder().key("k2", OTHER).key("k1", KEY).build();

        assertThat(rotated.decrypt(old, TURN_3)).isEqualTo("kept");
        assertThat(rotated.isCurrent(old)).as("a migration rewrites it").isFalse();
        assertThat(rotated.encrypt("new", TURN_3)).startsWith("enc:v2:k2:");
        assertThat(rotated.toString()).contains("k1", "k2").doesNotContain(Base64.getEncoder().encodeToString(OTHER));
    }

    @Test
    void should_reject_bad_keys_when_building() {
        assertThatThrownBy(() -> AesGcmAnswerEncryption.builder().key("k1", new byte[15]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16, 24 or 32");
        assertThatThrownBy(() -> AesGcmAnswerEncryption.builder().key("bad id", KEY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AesGcmAnswerEncryption.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AesGcmAnswerEncryption.builder().key("k1", KEY).primaryKeyId("k9").build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Binding(" ", "turns.text", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_mask_emails_and_phones_and_leave_other_numbers_when_redacting() {
        PiiRedactor redactor = PiiRedactor.emailsAndPhones();
        assertThat(redactor.redact("mail ivan.petrov@mail.ru, tel +7 (912) 345-67-89; 20 years, 3 steps, 2009"))
                .isEqualTo("mail [email], tel [phone]; 20 years, 3 steps, 2009");
        assertThat(redactor.redact(redactor.redact("a@b.io 555-123-4567"))).isEqualTo("[email] [phone]");
    }

    @Test
    void should_redact_string_values_and_keep_ids_numbers_and_structure_when_redacting_json() throws Exception {
        String update = "{\"update_id\":912345678,\"message\":{\"message_id\":5551234567,\"chat\":{\"id\":7946095812,"
                + "\"first_name\":\"Ada ada.l@example.com\"},\"text\":\"call +44 20 7946 0958\",\"voice\":{\"file_id\":"
                + "\"AwAC-1234567-x\"},\"ratio\":1.10,\"contact\":{\"phone_number\":\"+442079460958\"}}}";

        String redacted = Redaction.json(PiiRedactor.emailsAndPhones(), update);

        JsonNode node = new ObjectMapper().readTree(redacted);
        assertThat(redacted).doesNotContain("example.com", "7946 0958", "+442079460958").contains("\"ratio\":1.10");
        assertThat(node.path("update_id").asLong()).isEqualTo(912345678L);
        assertThat(node.path("message").path("chat").path("id").asLong()).isEqualTo(7946095812L);
        assertThat(node.path("message").path("chat").path("first_name").asText()).isEqualTo("Ada [email]");
        assertThat(node.path("message").path("text").asText()).isEqualTo("call [phone]");
        assertThat(node.path("message").path("voice").path("file_id").asText()).isEqualTo("AwAC-1234567-x");
        assertThat(Redaction.json(PiiRedactor.emailsAndPhones(), "not json: ada@example.com"))
                .isEqualTo("not json: [email]");
        assertThat(Redaction.json(PiiRedactor.emailsAndPhones(), "\"a@b.io\"")).isEqualTo("\"[email]\"");
    }
}
