package dev.interviewagent.persistence;

import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.core.config.InvalidConfigurationException;
import java.util.ServiceLoader;

/** Finds the {@link ClusterStackProvider} for a URL among those on the classpath. */
final class ClusterStacks {

    /** The artifact that registers the Redis provider, named in the error when it is missing. */
    static final String REDIS_ARTIFACT = "dev.interviewagent:sdk-persistence-redis";

    private ClusterStacks() {
    }

    /**
     * The first provider on the classpath that supports {@code url}.
     *
     * @throws InvalidConfigurationException naming {@code interview.redis.url}: and the artifact to add when no
     *                                       provider is on the classpath, or the schemes accepted when none supports
     *                                       the URL's
     */
    static ClusterStackProvider provider(String url) {
        boolean anyProvider = false;
        for (ClusterStackProvider provider : ServiceLoader.load(ClusterStackProvider.class,
                ClusterStacks.class.getClassLoader())) {
            if (provider.supports(url)) {
                return provider;
            }
            anyProvider = true;
        }
        if (anyProvider) {
            throw new InvalidConfigurationException(InterviewSettings.REDIS_URL, InterviewSettings.REDIS_URL
                    + " must start with redis:// or rediss://");
        }
        throw new InvalidConfigurationException(InterviewSettings.REDIS_URL, InterviewSettings.REDIS_URL
                + " is set, but no cluster backend on the classpath supports its scheme: add " + REDIS_ARTIFACT
                + " (the same version as sdk-persistence) to use Redis");
    }
}
