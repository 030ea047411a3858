package dev.interviewagent.voice.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fakes are only as good as their checks: prove they reject what the specs reject and answer what they allow. */
class FakeServersFollowTheSpecsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode transcriptParams() {
        ObjectNode body = JSON.createObjectNode();
        body.put("audio_url", "https://cdn.assemblyai.com/upload/abc");
        body.putArray("speech_models").add("universal-2");
        return body;
    }

    @Test
    void should_accept_a_minimal_transcript_request_when_it_has_audio_url_and_speech_models() {
        assertThat(FakeAssemblyAiServer.spec().violations("allOf:TranscriptParams", transcriptParams())).isEmpty();
    }

    @Test
    void should_reject_transcript_requests_when_speech_models_is_missing_or_a_property_is_unknown() {
        ObjectNode missing = transcriptParams();
        missing.remove("speech_models");
        ObjectNode unknown = transcriptParams().put("bogus", 1);
        ObjectNode wrongType = transcriptParams().put("punctuate", "yes");
        ObjectNode badPolicy = transcriptParams().put("redact_pii", true);
        badPolicy.putArray("redact_pii_policies").add("shoe_size");

        SpecSchemas spec = FakeAssemblyAiServer.spec();
        assertThat(spec.violations("allOf:TranscriptParams", missing)).anyMatch(m -> m.contains("speech_models"));
        assertThat(spec.violations("allOf:TranscriptParams", unknown)).anyMatch(m -> m.contains("bogus"));
        assertThat(spec.violations("allOf:TranscriptParams", wrongType)).anyMatch(m -> m.contains("punctuate"));
        assertThat(spec.violations("allOf:TranscriptParams", badPolicy)).isNotEmpty();
    }

    @Test
    void should_answer_transcripts_that_match_the_published_transcript_schema_in_every_status() {
        try (FakeAssemblyAiServer server = new FakeAssemblyAiServer("k")) {
            for (String status : List.of("queued", "processing", "completed", "error")) {
                ObjectNode transcript = server.transcript("6b1d2c6a-2d2b-4a4e-9a1b-1234567890ab", status,
                        transcriptParams());

                assertThat(FakeAssemblyAiServer.spec().violations("Transcript", transcript)).as(status).isEmpty();
            }
        }
    }

    @Test
    void should_answer_deletions_with_a_transcript_that_matches_the_published_schema() {
        try (FakeAssemblyAiServer server = new FakeAssemblyAiServer("k")) {
            ObjectNode deleted = server.deletedTranscript("6b1d2c6a-2d2b-4a4e-9a1b-1234567890ab");

            assertThat(FakeAssemblyAiServer.spec().violations("Transcript", deleted)).isEmpty();
            assertThat(deleted.get("text").asText()).isEqualTo(FakeAssemblyAiServer.spec().spec()
                    .at("/components/examples/DeleteTranscriptResponse/value/text").asText());
            assertThat(FakeAssemblyAiServer.spec().spec().at("/paths/~1v2~1transcript~1{transcript_id}/delete/"
                    + "responses/200/content/application~1json/schema/$ref").asText())
                    .isEqualTo("#/components/schemas/Transcript");
        }
    }

    @Test
    void should_reject_transcription_forms_when_model_or_file_is_missing_or_format_unknown() {
        SpecSchemas spec = FakeOpenAiServer.spec();
        ObjectNode noModel = JSON.createObjectNode().put("file", "<binary>");
        ObjectNode badFormat = JSON.createObjectNode().put("file", "<binary>").put("model", "whisper-1")
                .put("response_format", "xml");
        ObjectNode ok = JSON.createObjectNode().put("file", "<binary>").put("model", "whisper-1")
                .put("response_format", "verbose_json");
        ok.putArray("timestamp_granularities").add("word").add("segment");

        assertThat(spec.violations("CreateTranscriptionRequest", noModel)).anyMatch(m -> m.contains("model"));
        assertThat(spec.violations("CreateTranscriptionRequest", badFormat)).isNotEmpty();
        assertThat(spec.violations("CreateTranscriptionRequest", ok)).isEmpty();
    }

    @Test
    void should_answer_transcriptions_that_match_the_published_response_schemas() {
        try (FakeOpenAiServer server = new FakeOpenAiServer("k")) {
            assertThat(FakeOpenAiServer.spec().violations("CreateTranscriptionResponseVerboseJson", server.verbose()))
                    .isEmpty();
            assertThat(FakeOpenAiServer.spec().violations("CreateTranscriptionResponseJson", server.json())).isEmpty();
        }
    }

    @Test
    void should_reject_speech_requests_when_input_is_missing_or_format_unknown() {
        SpecSchemas spec = FakeOpenAiServer.spec();
        ObjectNode noInput = JSON.createObjectNode().put("model", "tts-1").put("voice", "alloy");
        ObjectNode badFormat = JSON.createObjectNode().put("model", "tts-1").put("voice", "alloy")
                .put("input", "hi").put("response_format", "ogg");

        assertThat(spec.violations("CreateSpeechRequest", noInput)).anyMatch(m -> m.contains("input"));
        assertThat(spec.violations("CreateSpeechRequest", badFormat)).isNotEmpty();
    }
}
