package dev.interviewagent.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.channel.QualityTiers;
import dev.interviewagent.core.channel.TranscriptQuality;
import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.voice.SpeechException.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TranscriptTest {

    private static Transcript withConfidence(double confidence) {
        return new Transcript("I tuned the pump first", confidence, Optional.of("EN"), OptionalDouble.of(0.9),
                List.of(), Duration.ofSeconds(3), "test");
    }

    @ParameterizedTest
    @CsvSource({"1.0,HIGH", "0.85,HIGH", "0.849,MEDIUM", "0.6,MEDIUM", "0.599,LOW", "0.0,LOW"})
    void should_grade_by_default_tiers_when_classified(double confidence, TranscriptQuality expected) {
        assertThat(withConfidence(confidence).quality(QualityTiers.defaults())).isEqualTo(expected);
    }

    @Test
    void should_use_custom_tiers_when_configured() {
        QualityTiers strict = new QualityTiers(0.95, 0.8);

        assertThat(withConfidence(0.9).quality(strict)).isEqualTo(TranscriptQuality.MEDIUM);
        assertThat(withConfidence(0.7).quality(strict)).isEqualTo(TranscriptQuality.LOW);
    }

    @Test
    void should_reject_inconsistent_tiers_and_confidences() {
        assertThatThrownBy(() -> new QualityTiers(0.5, 0.6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("medium");
        assertThatThrownBy(() -> new QualityTiers(1.2, 0.6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("high");
        assertThatThrownBy(() -> withConfidence(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("confidence");
        assertThatThrownBy(() -> new Transcript.Word("w", Duration.ofSeconds(2), Duration.ofSeconds(1),
                OptionalDouble.empty())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end");
    }

    @Test
    void should_carry_wire_values_for_quality_and_only_low_needs_confirmation() {
        assertThat(Arrays.stream(TranscriptQuality.values()).map(TranscriptQuality::wireValue))
                .containsExactly("high", "medium", "low");
        assertThat(TranscriptQuality.LOW.usableWithoutConfirmation()).isFalse();
        assertThat(TranscriptQuality.MEDIUM.usableWithoutConfirmation()).isTrue();
    }

    @Test
    void should_expose_language_and_copy_words_when_built() {
        List<Transcript.Word> words = new ArrayList<>();
        words.add(new Transcript.Word("pump", Duration.ZERO, Duration.ofMillis(300), OptionalDouble.of(0.9)));
        Transcript transcript = new Transcript("pump", 0.9, Optional.of("RU"), OptionalDouble.empty(), words,
                Duration.ofSeconds(1), "test");
        words.clear();

        assertThat(transcript.words()).hasSize(1);
        assertThat(transcript.languageCode()).contains("ru");
        assertThat(transcript.language()).contains(Language.RUSSIAN);
    }

    @Test
    void should_not_show_the_text_when_printed() {
        Transcript transcript = withConfidence(0.9);

        assertThat(transcript.toString()).doesNotContain("pump").contains("chars=");
        assertThat(transcript.words().toString()).doesNotContain("pump");
    }

    @Test
    void should_give_every_reason_a_unique_stable_code_and_an_sdk_error_code() {
        Set<String> codes = Arrays.stream(Reason.values()).map(Reason::code).collect(Collectors.toSet());

        assertThat(codes).hasSize(Reason.values().length);
        assertThat(new SpeechException(Reason.TOO_LONG, "x").code()).isEqualTo(ErrorCode.TOO_LARGE);
        assertThat(new SpeechException(Reason.AUTH, "x").code()).isEqualTo(ErrorCode.UNAUTHORIZED);
        assertThat(new SpeechException(Reason.TRANSCRIPTION_FAILED, "x").isRetriable()).isFalse();
        assertThat(new SpeechException(Reason.RATE_LIMITED, "x").isRetriable()).isTrue();
    }

    @Test
    void should_default_to_english_and_russian_detection_without_redaction() {
        TranscriptionOptions options = TranscriptionOptions.defaults();

        assertThat(options.languageHint()).isEmpty();
        assertThat(options.expectedLanguages()).containsExactlyInAnyOrder(Language.ENGLISH, Language.RUSSIAN);
        assertThat(options.redactPii()).isFalse();
        assertThatThrownBy(() -> TranscriptionOptions.builder().expectedLanguages(Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
