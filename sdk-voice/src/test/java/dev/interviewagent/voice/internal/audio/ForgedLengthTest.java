package dev.interviewagent.voice.internal.audio;

import static dev.interviewagent.voice.internal.audio.SyntheticAudio.AAC_FRAME_SECONDS;
import static dev.interviewagent.voice.internal.audio.SyntheticAudio.FLAC_FRAME_SECONDS;
import static dev.interviewagent.voice.internal.audio.SyntheticAudio.MP3_FRAME_SECONDS;
import static dev.interviewagent.voice.internal.audio.SyntheticAudio.OPUS_PACKET_SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.voice.AudioFormat;
import dev.interviewagent.voice.AudioInfo;
import dev.interviewagent.voice.AudioInput;
import dev.interviewagent.voice.AudioInspector;
import dev.interviewagent.voice.SpeechException;
import dev.interviewagent.voice.SpeechException.Reason;
import dev.interviewagent.voice.internal.audio.SyntheticAudio.Lacing;
import dev.interviewagent.voice.testkit.AudioFixtures;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Files whose headers declare about 5 s while the content lasts over 10 minutes (what a provider would transcribe and
 * bill), and the other way round, for every supported container. The content is generated here, byte by byte.
 */
class ForgedLengthTest {

    private static final double FIVE_SECONDS = 5.0;
    private final AudioInspector inspector = AudioInspector.withDefaults();

    private static void assertRefused(byte[] audio, Reason... reasons) {
        assertThatThrownBy(() -> AudioInspector.withDefaults().inspect(AudioInput.of(audio)))
                .isInstanceOfSatisfying(SpeechException.class, e -> {
                    assertThat(e.reason()).isIn((Object[]) reasons);
                    assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_AUDIO);
                    assertThat(e.isRetriable()).isFalse();
                    assertThat(e.reason().audioProblem()).isTrue();
                });
    }

    private static double measured(byte[] audio) {
        return AudioProber.probe(audio).seconds();
    }

    // ---------------------------------------------------------------------------------------------------- Ogg

    @Test
    void should_refuse_ogg_opus_when_the_last_granule_declares_5_s_but_the_pages_hold_over_10_minutes() {
        byte[] note = AudioFixtures.shared(AudioFixtures.TELEGRAM_VOICE_NOTE); // 12.56 s, pre-skip 312
        byte[] forged = SyntheticAudio.oggRepeated(note, 50, 312 + 5 * 48_000);

        assertThat(AudioProber.probe(forged).declaredSeconds()).isCloseTo(FIVE_SECONDS, within(0.001));
        assertThat(measured(forged)).isCloseTo(50 * 12.57, within(1.0));
        assertRefused(forged, Reason.DURATION_MISMATCH);
    }

    @Test
    void should_refuse_as_truncated_when_the_last_granule_declares_10_minutes_of_a_12_second_note() {
        byte[] note = AudioFixtures.shared(AudioFixtures.TELEGRAM_VOICE_NOTE);
        byte[] forged = SyntheticAudio.oggRepeated(note, 1, 312 + 600L * 48_000);

        assertThat(measured(forged)).isCloseTo(12.56, within(0.1));
        assertRefused(forged, Reason.TRUNCATED);
    }

    @Test
    void should_still_measure_the_telegram_note_as_12_56_seconds_when_it_is_re_paginated_honestly() {
        byte[] note = AudioFixtures.shared(AudioFixtures.TELEGRAM_VOICE_NOTE);
        byte[] honest = SyntheticAudio.oggRepeated(note, 1, 312 + Math.round(12.56 * 48_000));

        AudioInfo info = inspector.inspect(AudioInput.of(honest));

        assertThat(info.format()).isEqualTo(AudioFormat.OGG_OPUS);
        assertThat(info.duration().toMillis() / 1000.0).isCloseTo(12.56, within(0.1));
        assertThat(measured(honest)).isCloseTo(12.56, within(0.1));
    }

    @Test
    void should_refuse_ogg_vorbis_when_the_last_granule_declares_5_s_but_the_packets_last_over_10_minutes() {
        byte[] clip = AudioFixtures.resource("speech-en.vorbis.ogg"); // 2.525 s at 16 kHz
        byte[] forged = SyntheticAudio.oggRepeated(clip, 300, 5 * 16_000);

        // each repetition's first packet now overlaps the previous one's last block, so a repetition adds a bit more
        // than the 2.528 s the clip measures alone
        assertThat(measured(forged)).isBetween(300 * 2.525, 300 * 2.57);
        assertRefused(forged, Reason.DURATION_MISMATCH);
    }

    @Test
    void should_refuse_an_ogg_file_when_a_second_logical_stream_follows_the_first() {
        byte[] chained = SyntheticAudio.concat(AudioFixtures.shared(AudioFixtures.TELEGRAM_VOICE_NOTE),
                AudioFixtures.resource("speech-en.opus.ogg"));

        assertThatThrownBy(() -> inspector.inspect(AudioInput.of(chained)))
                .isInstanceOfSatisfying(SpeechException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_FORMAT));
    }

    // ---------------------------------------------------------------------------------------------------- MP3

    @Test
    void should_refuse_mp3_when_the_xing_header_counts_5_s_but_over_10_minutes_of_frames_follow() {
        int declaredFrames = (int) (FIVE_SECONDS / MP3_FRAME_SECONDS);
        byte[] forged = SyntheticAudio.mp3(8_400, declaredFrames);

        assertThat(measured(forged)).isCloseTo(8_399 * MP3_FRAME_SECONDS, within(0.001));
        assertRefused(forged, Reason.DURATION_MISMATCH);
    }

    @Test
    void should_refuse_as_truncated_when_the_xing_header_counts_10_minutes_of_a_5_second_mp3() {
        byte[] forged = SyntheticAudio.mp3(70, 8_400);

        assertThat(measured(forged)).isCloseTo(69 * MP3_FRAME_SECONDS, within(0.001));
        assertRefused(forged, Reason.TRUNCATED);
    }

    @Test
    void should_walk_on_when_frames_hide_behind_a_fake_id3v1_tag_in_the_middle() {
        byte[] tag = new byte[128];
        System.arraycopy("TAG".getBytes(StandardCharsets.US_ASCII), 0, tag, 0, 3);
        byte[] hidden = SyntheticAudio.concat(SyntheticAudio.mp3(70, -1), tag, SyntheticAudio.mp3(8_400, -1));

        assertRefused(hidden, Reason.CORRUPT);
    }

    @Test
    void should_measure_every_frame_when_an_mp3_has_no_xing_header() {
        byte[] clip = SyntheticAudio.mp3(100, -1);
        byte[] withId3v1 = SyntheticAudio.concat(clip, tagV1());

        assertThat(inspector.inspect(AudioInput.of(withId3v1)).duration().toMillis())
                .isEqualTo(Math.round(100 * MP3_FRAME_SECONDS * 1000));
        assertThatThrownBy(() -> inspector.inspect(AudioInput.of(SyntheticAudio.mp3(8_400, -1))))
                .isInstanceOfSatisfying(SpeechException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LONG));
    }

    private static byte[] tagV1() {
        byte[] tag = new byte[128];
        System.arraycopy("TAG".getBytes(StandardCharsets.US_ASCII), 0, tag, 0, 3);
        return tag;
    }

    // ---------------------------------------------------------------------------------------------------- WAV

    @Test
    void should_refuse_wav_when_a_second_data_chunk_holds_10_minutes_behind_a_5_second_one() {
        byte[] forged = SyntheticAudio.wav(FIVE_SECONDS, 600);

        assertThat(AudioProber.probe(forged).declaredSeconds()).isEqualTo(FIVE_SECONDS);
        assertThat(measured(forged)).isEqualTo(605.0);
        assertRefused(forged, Reason.DURATION_MISMATCH);
    }

    @Test
    void should_refuse_as_truncated_when_a_wav_header_declares_10_minutes_and_5_seconds_follow() {
        byte[] full = SyntheticAudio.wav(600);
        byte[] cut = Arrays.copyOf(full, 44 + 5 * 2000);

        assertRefused(cut, Reason.TRUNCATED);
    }

    @Test
    void should_measure_an_honest_wav_from_its_data_chunk() {
        assertThat(inspector.inspect(AudioInput.of(SyntheticAudio.wav(FIVE_SECONDS))).duration().toMillis())
                .isEqualTo(5_000);
    }

    // --------------------------------------------------------------------------------------------------- FLAC

    @Test
    void should_refuse_flac_when_streaminfo_declares_5_s_but_the_frames_last_over_10_minutes() {
        byte[] forged = SyntheticAudio.flac(1_200, 5 * 8000, -1);

        assertThat(measured(forged)).isCloseTo(1_200 * FLAC_FRAME_SECONDS, within(0.001));
        assertRefused(forged, Reason.DURATION_MISMATCH);
    }

    @Test
    void should_refuse_flac_when_streaminfo_and_the_last_frame_number_both_declare_5_s() {
        // the last frame claims to be number 9, as if the file held 10 frames (5.12 s)
        byte[] forged = SyntheticAudio.flac(1_200, 10 * 4096, 9);

        assertRefused(forged, Reason.DURATION_MISMATCH, Reason.TRUNCATED);
    }

    @Test
    void should_refuse_as_truncated_when_streaminfo_declares_10_minutes_of_a_5_second_flac() {
        byte[] forged = SyntheticAudio.flac(10, 600 * 8000, -1);

        assertThat(measured(forged)).isCloseTo(10 * FLAC_FRAME_SECONDS, within(0.001));
        assertRefused(forged, Reason.TRUNCATED);
    }

    @Test
    void should_measure_an_honest_flac_from_its_frames() {
        byte[] honest = SyntheticAudio.flac(20, 20 * 4096, -1);

        assertThat(inspector.inspect(AudioInput.of(honest)).duration().toMillis())
                .isEqualTo(Math.round(20 * FLAC_FRAME_SECONDS * 1000));
    }

    // ---------------------------------------------------------------------------------------------------- MP4

    @Test
    void should_refuse_m4a_when_mvhd_and_mdhd_declare_5_s_but_the_sample_table_holds_over_10_minutes() {
        byte[] forged = SyntheticAudio.m4a(9_400, FIVE_SECONDS, FIVE_SECONDS, 1024, 0, 0);

        assertThat(measured(forged)).isCloseTo(9_400 * AAC_FRAME_SECONDS, within(0.001));
        assertRefused(forged, Reason.DURATION_MISMATCH);
    }

    @Test
    void should_refuse_m4a_when_every_header_and_the_sample_times_declare_5_s_but_the_frames_last_10_minutes() {
        // 9,400 samples of 8 ticks each at 16 kHz: the tables say 4.7 s; AAC frames decode to 1,024 samples each
        byte[] forged = SyntheticAudio.m4a(9_400, 4.7, 4.7, 8, 0, 0);

        assertThat(measured(forged)).isCloseTo(601.6, within(0.001));
        assertRefused(forged, Reason.DURATION_MISMATCH);
    }

    @Test
    void should_refuse_m4a_when_an_edit_list_plays_5_seconds_of_samples_for_10_minutes() {
        byte[] forged = SyntheticAudio.m4a(80, 600, -1, 1024, 120, FIVE_SECONDS);

        assertRefused(forged, Reason.TRUNCATED);
    }

    @Test
    void should_read_an_empty_edit_list_as_declaring_nothing() {
        byte[] zeroLengthEdit = SyntheticAudio.m4a(100, -1, -1, 1024, 1, 0);

        assertThat(inspector.inspect(AudioInput.of(zeroLengthEdit)).duration().toMillis()).isEqualTo(6_400);
    }

    @Test
    void should_refuse_fragmented_m4a_when_mehd_declares_5_s_but_the_fragments_hold_over_10_minutes() {
        byte[] forged = SyntheticAudio.fragmentedM4a(10, 940, FIVE_SECONDS);

        assertThat(measured(forged)).isCloseTo(9_400 * AAC_FRAME_SECONDS, within(0.001));
        assertRefused(forged, Reason.DURATION_MISMATCH);
    }

    @Test
    void should_measure_fragmented_m4a_from_its_fragments_when_it_declares_no_length() {
        byte[] fragmented = SyntheticAudio.fragmentedM4a(2, 50, -1);

        AudioInfo info = inspector.inspect(AudioInput.of(fragmented));

        assertThat(info.format()).isEqualTo(AudioFormat.MP4_AAC);
        assertThat(info.duration().toMillis()).isEqualTo(6_400);
    }

    @Test
    void should_measure_an_honest_m4a_from_its_frames() {
        assertThat(inspector.inspect(AudioInput.of(SyntheticAudio.m4a(100, -1, -1, 1024, 0, 0))).duration()
                .toMillis()).isEqualTo(6_400);
    }

    @Test
    void should_refuse_without_reading_it_when_a_table_counts_more_entries_than_its_box_holds() {
        byte[] good = SyntheticAudio.m4a(100, -1, -1, 1024, 0, 0);
        int stsz = new String(good, StandardCharsets.ISO_8859_1).indexOf("stsz");
        byte[] forged = good.clone();
        ByteBuffer.wrap(forged, stsz + 12, 4).putInt(0x7FFFFFFF); // sample count

        assertRefused(forged, Reason.CORRUPT);
    }

    // --------------------------------------------------------------------------------------------------- WebM

    @ParameterizedTest(name = "{0} lacing")
    @EnumSource(Lacing.class)
    void should_refuse_webm_when_its_duration_declares_5_s_but_the_blocks_hold_over_10_minutes(Lacing lacing) {
        // time stamps stop at 4.9 s too: only the packets themselves tell the length
        byte[] forged = SyntheticAudio.webm(5_100, lacing == Lacing.NONE ? 1 : 8, lacing, 5_000, 4_900);

        assertThat(AudioProber.probe(forged).declaredSeconds()).isEqualTo(FIVE_SECONDS);
        assertThat(measured(forged)).isCloseTo(5_100 * OPUS_PACKET_SECONDS, within(0.001));
        assertRefused(forged, Reason.DURATION_MISMATCH);
    }

    @Test
    void should_refuse_as_truncated_when_a_webm_duration_declares_10_minutes_of_6_seconds() {
        byte[] forged = SyntheticAudio.webm(50, 1, Lacing.NONE, 600_000, 0);

        assertRefused(forged, Reason.TRUNCATED);
    }

    @Test
    void should_measure_a_streamed_webm_without_duration_from_its_packets() {
        byte[] streamed = SyntheticAudio.webm(50, 4, Lacing.EBML, -1, 0);

        AudioInfo info = inspector.inspect(AudioInput.of(streamed));

        assertThat(info.format()).isEqualTo(AudioFormat.WEBM);
        assertThat(info.duration().toMillis()).isEqualTo(6_000);
    }
}
