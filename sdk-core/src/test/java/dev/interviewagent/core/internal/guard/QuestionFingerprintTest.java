package dev.interviewagent.core.internal.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuestionFingerprintTest {

    @Test
    void should_ignore_case_punctuation_quotes_and_spacing_when_fingerprinting() {
        assertThat(QuestionFingerprint.of("  Thank you — that’s helpful.\nWhat  do you DO?"))
                .isEqualTo("thank you that s helpful what do you do");
        assertThat(QuestionFingerprint.of("You said “as usual”?")).isEqualTo(QuestionFingerprint.of("you said as usual"));
    }

    @Test
    void should_keep_cyrillic_and_digits_and_fold_yo_when_fingerprinting() {
        assertThat(QuestionFingerprint.of("Ещё раз: «как обычно» — 1 до 4?")).isEqualTo("еще раз как обычно 1 до 4");
    }

    @Test
    void should_return_empty_when_message_has_no_letters() {
        assertThat(QuestionFingerprint.of("?! — 👋")).isEmpty();
    }
}
