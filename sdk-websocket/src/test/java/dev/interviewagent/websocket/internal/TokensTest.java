package dev.interviewagent.websocket.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class TokensTest {

    private static final String CLIENT_KEY = "Qm9vdHN0cmFwcGVkLWNsaWVudC1rZXk";

    @Test
    void should_mint_distinct_256_bit_tokens_and_match_only_their_own_hash() {
        Tokens tokens = new Tokens(new SecureRandom());
        String a = tokens.newToken();
        String b = tokens.newToken();
        assertThat(a).hasSize(43).isNotEqualTo(b);
        assertThat(Tokens.matches(a, Tokens.hash(a))).isTrue();
        assertThat(Tokens.matches(b, Tokens.hash(a))).isFalse();
        assertThat(Tokens.matches(null, Tokens.hash(a))).isFalse();
        assertThat(Tokens.matches(a, null)).isFalse();
        assertThat(Tokens.hash(a)).doesNotContain(a);
    }

    @Test
    void should_derive_a_stable_respondent_key_that_does_not_reveal_the_client_key() {
        String key = Tokens.respondentKey(CLIENT_KEY);
        assertThat(key).isEqualTo(Tokens.respondentKey(CLIENT_KEY)).startsWith("web:").hasSize(4 + 43)
                .doesNotContain(CLIENT_KEY);
        assertThat(Tokens.respondentKey(CLIENT_KEY + "x")).isNotEqualTo(key);
        // each use of the client key has its own prefix: none of the stored values equals another
        assertThat(key.substring(4)).isNotEqualTo(Tokens.derivedToken(CLIENT_KEY, ""))
                .isNotEqualTo(Tokens.idempotencyKey(CLIENT_KEY, "")).isNotEqualTo(Tokens.hash(CLIENT_KEY));
    }

    @Test
    void should_accept_only_base64url_client_keys_of_128_bits_or_more() {
        assertThat(Tokens.isClientKey(CLIENT_KEY)).isTrue();
        assertThat(Tokens.isClientKey("a".repeat(21))).isFalse();
        assertThat(Tokens.isClientKey("a".repeat(129))).isFalse();
        assertThat(Tokens.isClientKey("a".repeat(30) + "+/")).isFalse();
        assertThat(Tokens.isClientKey(null)).isFalse();
    }
}
