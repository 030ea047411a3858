/**
 * Voice for interviews: speech-to-text, text-to-speech and audio checks, provider-neutral. The speech-to-text
 * providers plug in through {@link dev.interviewagent.voice.spi.SpeechToTextProvider}. The audio parsers in
 * {@code dev.interviewagent.voice.internal.audio} are not exported.
 */
// "module": the qualified exports name the provider modules, which are not on the path when this one compiles
@SuppressWarnings("module")
module dev.interviewagent.voice {
    requires transitive dev.interviewagent.core;
    requires io.github.resilience4j.bulkhead;
    requires org.slf4j;
    requires static transitive org.jspecify;
    // the .metrics.micrometer binder only: hosts without Micrometer never load it
    requires static micrometer.core;

    // The API, pinned by ModuleGraphTest (it/module-path) and docs/architecture.md#modules.
    exports dev.interviewagent.voice;
    exports dev.interviewagent.voice.metrics.micrometer;
    exports dev.interviewagent.voice.spi;

    // Failure mapping and argument checks for provider modules, of no use to hosts.
    exports dev.interviewagent.voice.provider to dev.interviewagent.voice.assemblyai, dev.interviewagent.voice.openai;

    uses dev.interviewagent.voice.spi.SpeechToTextProvider;
}
