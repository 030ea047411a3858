package dev.interviewagent.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.voice.SpeechException.Reason;
import dev.interviewagent.voice.testkit.AudioFixtures;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AudioInspectorTest {

    private final AudioInspector inspector = AudioInspector.withDefaults();

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("speech-en.wav", AudioFormat.WAV_PCM, 2.525),
                Arguments.of("speech-en.opus.ogg", AudioFormat.OGG_OPUS, 2.525),
                Arguments.of("speech-en.vorbis.ogg", AudioFormat.OGG_VORBIS, 2.525),
                Arguments.of("speech-en.cbr.mp3", AudioFormat.MP3, 2.628),
                Arguments.of("speech-en.vbr.mp3", AudioFormat.MP3, 2.628),
                Arguments.of("speech-en.flac", AudioFormat.FLAC, 2.525),
                Arguments.of("speech-en.m4a", AudioFormat.MP4_AAC, 2.526),
                Arguments.of("speech-en.webm", AudioFormat.WEBM, 2.533),
                Arguments.of("speech-en.stream.webm", AudioFormat.WEBM, 2.52),
                Arguments.of("speech-en.mka", AudioFormat.WEBM, 2.557));
    }

    @Test
    void should_read_ogg_opus_and_12_56_seconds_when_given_the_real_telegram_voice_note() {
        // given
        byte[] note = AudioFixtures.shared(AudioFixtures.TELEGRAM_VOICE_NOTE);

        // when
        AudioInfo info = inspector.inspect(AudioInput.of(note, "voice.oga"));

        // then
        assertThat(info.format()).isEqualTo(AudioFormat.OGG_OPUS);
        assertThat(info.duration().toMillis() / 1000.0).isCloseTo(12.56, within(0.05));
        assertThat(info.sizeBytes()).isEqualTo(note.length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void should_detect_format_and_duration_when_file_is_complete(String file, AudioFormat format, double seconds) {
        AudioInfo info = inspector.inspect(AudioInput.of(AudioFixtures.resource(file), file));

        assertThat(info.format()).isEqualTo(format);
        assertThat(info.duration().toMillis() / 1000.0).isCloseTo(seconds, within(0.15));
        assertThat(AudioInspector.detectFormat(AudioFixtures.resource(file))).contains(format);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void should_reject_as_truncated_when_file_is_cut(String file, AudioFormat format, double seconds) {
        byte[] good = AudioFixtures.resource(file);
        for (double fraction : new double[] {0.3, 0.6, 0.9}) {
            byte[] cut = Arrays.copyOf(good, (int) (good.length * fraction));

            assertThatThrownBy(() -> inspector.inspect(AudioInput.of(cut, file)))
                    .as("%s cut to %.0f%%", file, fraction * 100)
                    .isInstanceOfSatisfying(SpeechException.class, e -> {
                        assertThat(e.reason()).isIn(Reason.TRUNCATED, Reason.CORRUPT);
                        assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_AUDIO);
                        assertThat(e.isRetriable()).isFalse();
                    });
        }
    }

    @Test
    void should_reject_as_truncated_when_telegram_note_loses_its_last_bytes() {
        byte[] note = AudioFixtures.shared(AudioFixtures.TELEGRAM_VOICE_NOTE);
        byte[] cut = Arrays.copyOf(note, note.length - 100);

        assertThatThrownBy(() -> inspector.inspect(AudioInput.of(cut)))
                .isInstanceOfSatisfying(SpeechException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED));
    }

    @Test
    void should_accept_shorter_audio_when_an_ogg_file_ends_between_pages_without_end_of_stream() {
        byte[] note = AudioFixtures.shared(AudioFixtures.TELEGRAM_VOICE_NOTE);
        int lastPage = new String(note, java.nio.charset.StandardCharsets.ISO_8859_1).lastIndexOf("OggS");
        byte[] cutAtPage = Arrays.copyOf(note, lastPage);

        AudioInfo info = inspector.inspect(AudioInput.of(cutAtPage));

        assertThat(info.format()).isEqualTo(AudioFormat.OGG_OPUS);
        assertThat(info.duration()).isLessThan(Duration.ofMillis(12_560)).isGreaterThan(Duration.ofSeconds(10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"speech-en.opus.ogg", "speech-en.vorbis.ogg", "speech-en.flac"})
    void should_reject_as_corrupt_when_checksummed_payload_is_damaged(String file) {
        byte[] damaged = AudioFixtures.resource(file);
        damaged[damaged.length - 20] ^= 0x5A;

        assertThatThrownBy(() -> inspector.inspect(AudioInput.of(damaged)))
                .isInstanceOfSatisfying(SpeechException.class,
                        e -> assertThat(e.reason()).isIn(Reason.CORRUPT, Reason.TRUNCATED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void should_reject_as_unknown_or_damaged_when_header_is_overwritten(String file, AudioFormat f, double s) {
        byte[] damaged = AudioFixtures.resource(file);
        Arrays.fill(damaged, 0, 16, (byte) 0x00);

        assertThatThrownBy(() -> inspector.inspect(AudioInput.of(damaged, file)))
                .isInstanceOfSatisfying(SpeechException.class,
                        e -> assertThat(e.reason()).isIn(Reason.UNKNOWN_FORMAT, Reason.CORRUPT));
    }

    @Test
    void should_reject_as_empty_when_there_are_no_bytes() {
        assertThatThrownBy(() -> inspector.inspect(AudioInput.of(new byte[0], "voice.ogg")))
                .isInstanceOfSatisfying(SpeechException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.EMPTY);
                    assertThat(e.reason().code()).isEqualTo("empty");
                });
    }

    @Test
    void should_reject_as_unknown_format_when_file_has_one_byte() {
        assertThatThrownBy(() -> inspector.inspect(AudioInput.of(new byte[] {'O'}, "voice.ogg")))
                .isInstanceOfSatisfying(SpeechException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_FORMAT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"voice.ogg", "answer.mp3", "clip.wav", "rec.m4a", "rec.webm", "a.flac"})
    void should_reject_as_unknown_format_when_random_bytes_carry_an_audio_extension(String name) {
        byte[] random = new byte[64 * 1024];
        new Random(name.hashCode()).nextBytes(random);
        random[0] = 0x12; // a seed could start with a real magic by chance; this byte starts none

        assertThatThrownBy(() -> inspector.inspect(AudioInput.of(random, name)))
                .isInstanceOfSatisfying(SpeechException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_FORMAT));
        assertThat(AudioInspector.detectFormat(random)).isEmpty();
    }

    @Test
    void should_reject_as_unknown_format_when_text_is_named_like_audio() {
        byte[] text = "this is not audio at all, just text".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> inspector.inspect(AudioInput.of(text, AudioFormat.OGG_OPUS)))
                .isInstanceOfSatisfying(SpeechException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_FORMAT));
    }

    @Test
    void should_reject_as_too_short_when_shorter_than_half_a_second() {
        byte[] blip = AudioFixtures.wav(300, 8000);

        assertThatThrownBy(() -> inspector.inspect(AudioInput.of(blip)))
                .isInstanceOfSatisfying(SpeechException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TOO_SHORT);
                    assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_AUDIO);
                });
    }

    @Test
    void should_accept_when_exactly_at_minimum_duration() {
        assertThat(inspector.inspect(AudioInput.of(AudioFixtures.wav(500, 8000))).duration())
                .isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void should_reject_as_too_long_when_longer_than_ten_minutes() {
        byte[] longWav = AudioFixtures.wav(601_000, 2000); // 2.4 MB of 2 kHz audio, under the size limit

        assertThatThrownBy(() -> inspector.inspect(AudioInput.of(longWav)))
                .isInstanceOfSatisfying(SpeechException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TOO_LONG);
                    assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE);
                });
    }

    @Test
    void should_reject_as_too_large_before_parsing_when_over_the_byte_limit() {
        AudioInspector small = AudioInspector.of(AudioLimits.builder().maxBytes(10_000).build());
        byte[] note = AudioFixtures.shared(AudioFixtures.TELEGRAM_VOICE_NOTE);

        assertThatThrownBy(() -> small.inspect(AudioInput.of(note)))
                .isInstanceOfSatisfying(SpeechException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    }

    @Test
    void should_reject_as_too_large_when_over_25_megabytes_by_default() {
        byte[] huge = new byte[(int) AudioLimits.DEFAULT_MAX_BYTES + 1];

        assertThatThrownBy(() -> inspector.inspect(AudioInput.of(huge)))
                .isInstanceOfSatisfying(SpeechException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    }

    @Test
    void should_apply_custom_limits_when_configured() {
        AudioInspector strict = AudioInspector.of(AudioLimits.builder()
                .minDuration(Duration.ofSeconds(3)).maxDuration(Duration.ofSeconds(10)).build());

        assertThatThrownBy(() -> strict.inspect(AudioInput.of(AudioFixtures.resource("speech-en.wav"))))
                .isInstanceOfSatisfying(SpeechException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_SHORT));
        assertThatThrownBy(() -> strict.inspect(
                        AudioInput.of(AudioFixtures.shared(AudioFixtures.TELEGRAM_VOICE_NOTE))))
                .isInstanceOfSatisfying(SpeechException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LONG));
    }

    @Test
    void should_reject_invalid_limits_when_building() {
        assertThatThrownBy(() -> AudioLimits.builder().maxBytes(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBytes");
        assertThatThrownBy(() -> AudioLimits.builder().minDuration(Duration.ofMinutes(11)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minDuration");
    }

    @Test
    void should_not_reveal_content_when_audio_input_is_printed() {
        AudioInput input = AudioInput.of(AudioFixtures.resource("speech-en.wav"), "secret-name.wav");

        assertThat(input.toString()).doesNotContain("secret-name").contains("size=");
    }
}
