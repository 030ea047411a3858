package dev.interviewagent.samples.voice;

import dev.interviewagent.core.channel.QualityTiers;
import dev.interviewagent.core.channel.TranscriptQuality;
import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.voice.AudioInfo;
import dev.interviewagent.voice.AudioInput;
import dev.interviewagent.voice.AudioInspector;
import dev.interviewagent.voice.SpeechException;
import dev.interviewagent.voice.SpeechToText;
import dev.interviewagent.voice.SpeechToTextFactory;
import dev.interviewagent.voice.SynthesizedSpeech;
import dev.interviewagent.voice.TextToSpeech;
import dev.interviewagent.voice.Transcript;
import dev.interviewagent.voice.openai.OpenAiTextToSpeech;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks a voice answer the way a channel does, transcribes it when a speech key is set, and answers by voice when
 * OpenAI is configured. Usage: {@code Main <audio file> [reply text]}. Settings (keys, providers, voice) come from
 * environment variables, {@code -D} system properties or the file {@code INTERVIEW_CONFIG_FILE} names; see
 * docs/configuration.md.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws IOException {
        int code;
        try {
            code = run(args, InterviewConfig.load(), System.out, Path.of(""));
        } catch (IllegalArgumentException e) {     // a bad setting, named in the message
            System.err.println(e.getMessage());
            code = 2;
        }
        System.exit(code);
    }

    /** Runs the sample; the voice reply is written to {@code outputDir}. Returns the exit code (2: bad usage). */
    static int run(String[] args, InterviewConfig config, PrintStream out, Path outputDir) throws IOException {
        if (args.length < 1) {
            out.println("usage: Main <audio file> [reply text]");
            return 2;
        }
        Path file = Path.of(args[0]);
        AudioInput audio = AudioInput.of(Files.readAllBytes(file), file.getFileName().toString());

        // 1. Pure-Java checks before anything is uploaded: format, duration, limits.
        AudioInfo info;
        try {
            info = AudioInspector.withDefaults().inspect(audio);
        } catch (SpeechException e) {
            out.println("rejected: " + e.reason().code() + " (" + e.getMessage() + ")");
            return 0;
        }
        out.printf("audio: %s, %.2f s, %d bytes%n", info.format().code(), info.duration().toMillis() / 1000.0,
                info.sizeBytes());

        // 2. Transcribe with whichever provider has a key (interview.voice.provider chooses when both do).
        Optional<SpeechToText> configured = SpeechToTextFactory.from(config);
        if (configured.isEmpty()) {
            out.println("no ASSEMBLYAI_API_KEY or OPENAI_API_KEY set: offline, checks only");
        } else {
            try (SpeechToText stt = configured.get()) {
                Transcript transcript = stt.transcribe(audio);
                TranscriptQuality quality = transcript.quality(QualityTiers.defaults());
                out.printf("provider: %s, language: %s, confidence: %.2f, quality: %s%n", transcript.providerId(),
                        transcript.languageCode().orElse("?"), transcript.confidence(), quality.wireValue());
                out.println(quality.usableWithoutConfirmation()
                        ? "heard: " + transcript.text()
                        : "not sure, ask the respondent to confirm: " + transcript.text());
            } catch (SpeechException e) {
                out.println("transcription failed: " + e.reason().code() + " (retriable: " + e.isRetriable() + ")");
            }
        }

        // 3. Answer by voice (Ogg/Opus, as Telegram plays it, unless interview.voice.tts.format says otherwise).
        if (args.length > 1) {
            Optional<TextToSpeech> voice = OpenAiTextToSpeech.from(config);
            if (voice.isEmpty()) {
                out.println("no OPENAI_API_KEY set: no voice reply");
                return 0;
            }
            try (TextToSpeech tts = voice.get()) {
                SynthesizedSpeech reply = tts.synthesize(args[1]);
                Path written = outputDir.resolve("reply." + reply.format().fileExtension());
                Files.write(written, reply.audio());
                out.println("voice reply written to " + written.toAbsolutePath());
            }
        }
        return 0;
    }
}
