/**
 * The OpenAI speech-to-text provider of sdk-voice, found through {@link java.util.ServiceLoader}, and OpenAI
 * text-to-speech.
 */
module dev.interviewagent.voice.openai {
    requires transitive dev.interviewagent.voice;
    // the OpenAI Java SDK has no module names of its own: the names Java derives from its files
    requires openai.java.core;
    requires openai.java.client.okhttp;
    requires org.slf4j;
    requires static transitive org.jspecify;

    exports dev.interviewagent.voice.openai;

    provides dev.interviewagent.voice.spi.SpeechToTextProvider
            with dev.interviewagent.voice.openai.OpenAiSpeechToTextProvider;
}
