/** The AssemblyAI speech-to-text provider of sdk-voice, found through {@link java.util.ServiceLoader}. */
module dev.interviewagent.voice.assemblyai {
    requires transitive dev.interviewagent.voice;
    // the AssemblyAI Java SDK has no module name of its own: the name Java derives from its file
    requires assemblyai.java;
    requires okhttp3;
    requires org.slf4j;
    requires static transitive org.jspecify;

    exports dev.interviewagent.voice.assemblyai;

    provides dev.interviewagent.voice.spi.SpeechToTextProvider
            with dev.interviewagent.voice.assemblyai.AssemblyAiSpeechToTextProvider;
}
