package dev.interviewagent.voice.assemblyai;

import com.assemblyai.api.resources.transcripts.requests.TranscriptParams;
import com.assemblyai.api.resources.transcripts.types.PiiPolicy;
import com.assemblyai.api.resources.transcripts.types.SubstitutionPolicy;
import com.assemblyai.api.resources.transcripts.types.TranscriptLanguageCode;
import com.assemblyai.api.resources.transcripts.types.TranscriptWord;
import dev.interviewagent.core.Language;
import dev.interviewagent.voice.AudioInfo;
import dev.interviewagent.voice.Transcript;
import dev.interviewagent.voice.TranscriptionOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Maps between the SDK's types and AssemblyAI's for {@link AssemblyAiSpeechToText}: the transcript request from the
 * options and configuration, the finished transcript to a {@link Transcript}. No calls, no state.
 */
final class AssemblyAiMapping {

    private AssemblyAiMapping() {
    }

    static TranscriptParams params(String uploadUrl, TranscriptionOptions options,
            AssemblyAiSpeechToText.Builder config) {
        TranscriptParams._FinalStage builder = TranscriptParams.builder()
                .audioUrl(uploadUrl)
                .punctuate(config.punctuate)
                .formatText(config.formatText);
        if (options.languageHint().isPresent()) {
            builder.languageCode(TranscriptLanguageCode.valueOf(options.languageHint().get().code()));
        } else {
            builder.languageDetection(true);
        }
        if (options.redactPii() || config.redactPii) {
            List<PiiPolicy> policies = new ArrayList<>();
            config.piiPolicies.forEach(policy -> policies.add(PiiPolicy.valueOf(policy)));
            builder.redactPii(true).redactPiiPolicies(policies).redactPiiSub(SubstitutionPolicy.ENTITY_NAME);
        }
        TranscriptParams params = builder.build();
        // fields newer than SDK 1.2 go through its additional-properties map, which it serialises as-is
        Map<String, Object> extra = params.getAdditionalProperties();
        extra.put("speech_models", config.speechModels);
        if (options.languageHint().isEmpty()) {
            List<String> expected = options.expectedLanguages().stream().map(Language::code).sorted().toList();
            Map<String, Object> detection = new LinkedHashMap<>();
            detection.put("expected_languages", expected);
            extra.put("language_detection_options", detection);
        }
        return params;
    }

    static Transcript transcript(com.assemblyai.api.resources.transcripts.types.Transcript done, AudioInfo info,
            TranscriptionOptions options) {
        List<Transcript.Word> words = new ArrayList<>();
        for (TranscriptWord word : done.getWords().orElse(List.of())) {
            words.add(new Transcript.Word(word.getText(), Duration.ofMillis(Math.max(0, word.getStart())),
                    Duration.ofMillis(Math.max(word.getStart(), word.getEnd())),
                    OptionalDouble.of(clamp(word.getConfidence()))));
        }
        double confidence = done.getConfidence().map(AssemblyAiMapping::clamp)
                .orElseGet(() -> words.stream().mapToDouble(w -> w.confidence().orElse(0)).average().orElse(0));
        Optional<String> language = done.getLanguageCode().map(Object::toString)
                .map(code -> code.split("_", 2)[0])
                .or(() -> options.languageHint().map(Language::code));
        Object languageConfidence = done.getAdditionalProperties().get("language_confidence");
        OptionalDouble languageScore = languageConfidence instanceof Number number
                ? OptionalDouble.of(clamp(number.doubleValue()))
                : OptionalDouble.empty();
        return new Transcript(done.getText().orElse(""), confidence, language, languageScore, words,
                info.duration(), AssemblyAiSpeechToText.PROVIDER_ID);
    }

    private static double clamp(double value) {
        return Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
    }
}
