package dev.interviewagent.llm.spi;

import dev.interviewagent.llm.MissingChatModelProviderException;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

/** Finds the {@link ChatModelProvider}s on the classpath with {@link ServiceLoader}. */
public final class ChatModelProviders {

    private ChatModelProviders() {
    }

    /** The provider named {@code name}, if its module is on the classpath. */
    public static Optional<ChatModelProvider> find(String name) {
        Objects.requireNonNull(name, "name");
        for (ChatModelProvider provider : ServiceLoader.load(ChatModelProvider.class,
                ChatModelProvider.class.getClassLoader())) {
            if (provider.name().equals(name)) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }

    /**
     * The provider named {@code name}.
     *
     * @throws MissingChatModelProviderException if its module is not on the classpath; the message names it
     */
    public static ChatModelProvider require(String name) {
        return find(name).orElseThrow(() -> new MissingChatModelProviderException(name));
    }
}
