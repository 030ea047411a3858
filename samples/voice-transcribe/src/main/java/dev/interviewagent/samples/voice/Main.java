package dev.interviewagent.samples.voice;

import dev.interviewagent.voice.AudioInfo;
import dev.interviewagent.voice.AudioInput;
import dev.interviewagent.voice.AudioInspector;
import dev.interviewagent.voice.OpenAiTextToSpeech;
import dev.interviewagent.voice.QualityTiers;
import dev.interviewagent.voice.SpeechException;
import dev.interviewagent.voice.SpeechToText;
import dev.interviewagent.voice.SpeechToTextFactory;
import dev.interviewagent.voice.SynthesizedSpeech;
import dev.interviewagent.voice.TextToSpeech;
import dev.interviewagent.voice.Transcript;
import dev.interviewagent.voice.TranscriptQuality;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a voice answer the way a channel does, transcribes it when a speech key is set, and answers by voice when
 * OpenAI is configured. Usage: {@code Main <audio file> [reply text]}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: Main <audio file> [reply text]");
            System.exit(2);
        }
        Map<String, String> env = System.getenv();
        Path file = Path.of(args[0]);
        AudioInput audio = AudioInput.of(Files.readAllBytes(file), file.getFileName().toString());

        // 1. Pure-Java checks before anything is uploaded: format, duration, limits.
        AudioInfo info;
        try {
            info = AudioInspector.withDefaults().inspect(audio);
        } catch (SpeechException e) {
            System.out.println("rejected: " + e.reason().code() + " (" + e.getMessage() + ")");
            return;
        }
        System.out.printf("audio: %s, %.2f s, %d bytes%n", info.format().code(),
                info.duration().toMillis() / 1000.0, info.sizeBytes());

        // 2. Transcribe with whichever provider has a key (STT_PROVIDER chooses when both do).
        Optional<SpeechToText> configured = SpeechToTextFactory.fromEnvironment(env);
        if (configured.isEmpty()) {
            System.out.println("no ASSEMBLYAI_API_KEY or OPENAI_API_KEY set: offline, checks only");
        } else {
            try (SpeechToText stt = configured.get()) {
                Transcript transcript = stt.transcribe(audio);
                TranscriptQuality quality = transcript.quality(QualityTiers.defaults());
                System.out.printf("provider: %s, language: %s, confidence: %.2f, quality: %s%n",
                        transcript.providerId(), transcript.languageCode().orElse("?"), transcript.confidence(),
                        quality.wireValue());
                System.out.println(quality.usableWithoutConfirmation()
                        ? "heard: " + transcript.text()
                        : "not sure, ask the respondent to confirm: " + transcript.text());
            } catch (SpeechException e) {
                System.out.println("transcription failed: " + e.reason().code() + " (retriable: "
                        + e.isRetriable() + ")");
            }
        }

        // 3. Answer by voice (Ogg/Opus, as Telegram plays it) when OpenAI is configured.
        if (args.length > 1) {
            Optional<TextToSpeech> voice = OpenAiTextToSpeech.fromEnvironment(env);
            if (voice.isEmpty()) {
                System.out.println("no OPENAI_API_KEY set: no voice reply");
                return;
            }
            try (TextToSpeech tts = voice.get()) {
                SynthesizedSpeech reply = tts.synthesize(args[1]);
                Path out = Path.of("reply." + reply.format().fileExtension());
                Files.write(out, reply.audio());
                System.out.println("voice reply written to " + out.toAbsolutePath());
            }
        }
    }
}
