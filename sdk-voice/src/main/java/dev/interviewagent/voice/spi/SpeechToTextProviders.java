package dev.interviewagent.voice.spi;

import dev.interviewagent.voice.MissingSpeechToTextProviderException;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

/** Finds the {@link SpeechToTextProvider}s on the classpath with {@link ServiceLoader}. */
public final class SpeechToTextProviders {

    private SpeechToTextProviders() {
    }

    /** The provider named {@code name}, if its module is on the classpath. */
    public static Optional<SpeechToTextProvider> find(String name) {
        Objects.requireNonNull(name, "name");
        for (SpeechToTextProvider provider : ServiceLoader.load(SpeechToTextProvider.class,
                SpeechToTextProvider.class.getClassLoader())) {
            if (provider.name().equals(name)) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }

    /**
     * The provider named {@code name}.
     *
     * @throws MissingSpeechToTextProviderException if its module is not on the classpath; the message names it
     */
    public static SpeechToTextProvider require(String name) {
        return find(name).orElseThrow(() -> new MissingSpeechToTextProviderException(name));
    }
}
