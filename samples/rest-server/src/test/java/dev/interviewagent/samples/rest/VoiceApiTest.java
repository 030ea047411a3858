package dev.interviewagent.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.voice.testkit.AudioFixtures;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Spoken answers: checked by sdk-voice's audio inspector, transcribed by the starter's speech-to-text (the real
 * OpenAI client against a local fake of OpenAI's audio API, shared/specs), answered once per Idempotency-Key.
 */
class VoiceApiTest extends ApiTestBase {

    private static final String HEARD = "I check the chlorine residual at every shift change and write it down.";

    @Autowired
    InterviewStore store;

    @BeforeEach
    void speechHearsAnAnswer() {
        SPEECH.result(HEARD, "english", -0.05);
    }

    @Test
    void should_answer_with_a_recording_once_per_key() {
        Interviews.Started interview = Interviews.start(api);
        int calls = transcriptions();
        byte[] wav = AudioFixtures.wav(2500, 16000);

        ApiClient.Reply reply = audio(interview, "voice-1", "answer.wav", "audio/wav", wav);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.path("transcript").path("text").asText()).isEqualTo(HEARD);
        assertThat(body.path("transcript").path("quality").asText()).isEqualTo("high");
        assertThat(body.path("message").path("replyTo").asText()).isEqualTo("voice-1");
        assertThat(transcriptions()).isEqualTo(calls + 1);
        assertThat(SPEECH.violations()).isEmpty();
        // the interview's language went to the provider as the hint
        assertThat(SPEECH.lastTranscriptionParts()).anySatisfy(part -> {
            assertThat(part.name()).isEqualTo("language");
            assertThat(part.text()).isEqualTo("en");
        });
        List<Turn> turns = store.turns(InterviewId.of(interview.id()));
        Turn answer = turns.get(1);
        assertThat(answer.modality()).isEqualTo(Turn.Modality.VOICE);
        assertThat(answer.text()).isEqualTo(HEARD);

        // the same recording with the same key: no second transcription, no second turn, the first reply
        ApiClient.Reply repeat = audio(interview, "voice-1", "answer.wav", "audio/wav", wav);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.header("Idempotent-Replayed")).contains("true");
        assertThat(repeat.json().path("message")).isEqualTo(body.path("message"));
        assertThat(repeat.json().path("transcript").path("text").asText()).isEqualTo(HEARD);
        assertThat(transcriptions()).isEqualTo(calls + 1);
        assertThat(store.turns(InterviewId.of(interview.id()))).hasSize(turns.size());

        // the same key with another recording, or as a typed answer: refused, nothing transcribed
        ApiClient.Reply other = audio(interview, "voice-1", "answer.wav", "audio/wav", AudioFixtures.wav(3000, 16000));
        assertThat(other.status()).isEqualTo(422);
        ApiClient.Reply typed = Interviews.answer(api, interview, "voice-1", HEARD);
        assertThat(typed.status()).isEqualTo(422);
        assertThat(transcriptions()).isEqualTo(calls + 1);
        assertThat(store.turns(InterviewId.of(interview.id()))).hasSize(turns.size());
    }

    @Test
    void should_take_a_real_telegram_voice_note() {
        Interviews.Started interview = Interviews.start(api);
        byte[] ogg = AudioFixtures.shared(AudioFixtures.TELEGRAM_VOICE_NOTE);
        ApiClient.Reply reply = audio(interview, "ogg-1", "voice.ogg", "audio/ogg", ogg);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().path("message").path("turn").asInt()).isEqualTo(3);
    }

    @Test
    void should_refuse_bad_recordings_before_any_upload() {
        Interviews.Started interview = Interviews.start(api);
        int calls = transcriptions();
        byte[] noise = new byte[8000];
        new Random(7).nextBytes(noise);

        ApiClient.Reply unknown = audio(interview, "bad-1", "voice.ogg", "audio/ogg", noise);
        assertThat(unknown.status()).isEqualTo(415);
        assertThat(unknown.problemCode()).isEqualTo("unsupported_audio");
        assertThat(unknown.json().path("reason").asText()).isEqualTo("unknown_format");

        ApiClient.Reply tooShort = audio(interview, "bad-2", "a.wav", "audio/wav", AudioFixtures.wav(200, 16000));
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(tooShort.problemCode()).isEqualTo("unsupported_audio");
        assertThat(tooShort.json().path("reason").asText()).isEqualTo("too_short");

        byte[] truncated = java.util.Arrays.copyOf(AudioFixtures.wav(2000, 16000), 20000);
        ApiClient.Reply cut = audio(interview, "bad-3", "a.wav", "audio/wav", truncated);
        assertThat(cut.status()).isEqualTo(422);

        ApiClient.Reply empty = audio(interview, "bad-4", "a.wav", "audio/wav", new byte[0]);
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().path("reason").asText()).isEqualTo("empty");

        ApiClient.Reply tooLarge = audio(interview, "bad-5", "a.wav", "audio/wav", new byte[25 * 1024 * 1024 + 1]);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.problemCode()).isEqualTo("too_large");

        assertThat(transcriptions()).isEqualTo(calls);
        assertThat(store.turns(InterviewId.of(interview.id()))).hasSize(1);
    }

    @Test
    void should_return_an_unclear_transcript_without_answering() {
        Interviews.Started interview = Interviews.start(api);
        SPEECH.result("chlorine maybe at the tank", "english", -1.6);
        ApiClient.Reply unclear = audio(interview, "unclear-1", "a.wav", "audio/wav", AudioFixtures.wav(2000, 16000));
        assertThat(unclear.status()).isEqualTo(422);
        assertThat(unclear.problemCode()).isEqualTo("unsupported_audio");
        JsonNode problem = unclear.json();
        assertThat(problem.path("reason").asText()).isEqualTo("unclear");
        assertThat(problem.path("transcript").path("text").asText()).isEqualTo("chlorine maybe at the tank");
        assertThat(problem.path("transcript").path("quality").asText()).isEqualTo("low");
        assertThat(store.turns(InterviewId.of(interview.id()))).hasSize(1);

        SPEECH.result("", "english", -0.05);
        ApiClient.Reply silent = audio(interview, "silent-1", "a.wav", "audio/wav", AudioFixtures.wav(2000, 16000));
        assertThat(silent.status()).isEqualTo(422);
        assertThat(silent.json().path("reason").asText()).isEqualTo("nothing_heard");
        assertThat(store.turns(InterviewId.of(interview.id()))).hasSize(1);
    }

    @Test
    void should_refuse_recordings_for_an_ended_interview_without_transcribing() {
        Interviews.Started interview = Interviews.start(api);
        api.post(interview.path() + "/complete").bearer(interview.token()).send();
        int calls = transcriptions();
        ApiClient.Reply late = audio(interview, "late-1", "a.wav", "audio/wav", AudioFixtures.wav(2000, 16000));
        assertThat(late.status()).isEqualTo(409);
        assertThat(transcriptions()).isEqualTo(calls);
    }

    private ApiClient.Reply audio(Interviews.Started interview, String key, String name, String type, byte[] bytes) {
        return api.post(interview.path() + "/answers/audio").bearer(interview.token()).idempotencyKey(key)
                .multipart("audio", name, type, bytes).send();
    }

    private static int transcriptions() {
        return SPEECH.requests("POST", "/v1/audio/transcriptions").size();
    }
}
