package dev.interviewagent.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.exception.StoreException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class EncryptionAndRedactionTest {

    private static final byte[] KEY = new byte[32];
    private static final byte[] OTHER = "fedcba9876543210".getBytes();

    @Test
    void should_round_trip_and_never_repeat_ciphertext_when_encrypting_the_same_text() {
        AesGcmAnswerEncryption encryption = AesGcmAnswerEncryption.builder().key("k1", KEY).build();
        String a = encryption.encrypt("ответ 😀 with 'quotes'");
        String b = encryption.encrypt("ответ 😀 with 'quotes'");

        assertThat(a).startsWith("enc:v1:k1:").isNotEqualTo(b);
        assertThat(encryption.decrypt(a)).isEqualTo("ответ 😀 with 'quotes'");
        assertThat(encryption.decrypt("written before encryption")).isEqualTo("written before encryption");
    }

    @Test
    void should_fail_with_the_key_id_when_a_value_was_tampered_with_or_its_key_is_missing() {
        AesGcmAnswerEncryption encryption = AesGcmAnswerEncryption.builder().key("k1", KEY).build();
        String sealed = encryption.encrypt("secret");
        byte[] raw = Base64.getDecoder().decode(sealed.substring("enc:v1:k1:".length()));
        raw[raw.length - 1] ^= 1;
        String tampered = "enc:v1:k1:" + Base64.getEncoder().encodeToString(raw);

        assertThatThrownBy(() -> encryption.decrypt(tampered)).isInstanceOf(StoreException.class)
                .hasMessageContaining("k1").hasMessageNotContaining("secret");
        AesGcmAnswerEncryption other = AesGcmAnswerEncryption.builder().key("k2", OTHER).build();
        assertThatThrownBy(() -> other.decrypt(sealed)).isInstanceOf(StoreException.class)
                .hasMessageContaining("'k1'");
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
    }

    @Test
    void should_mask_emails_and_phones_and_leave_other_numbers_when_redacting() {
        PiiRedactor redactor = PiiRedactor.emailsAndPhones();
        assertThat(redactor.redact("mail ivan.petrov@mail.ru, tel +7 (912) 345-67-89; 20 years, 3 steps, 2009"))
                .isEqualTo("mail [email], tel [phone]; 20 years, 3 steps, 2009");
        assertThat(redactor.redact(redactor.redact("a@b.io 555-123-4567"))).isEqualTo("[email] [phone]");
    }
}
