package dev.interviewagent.bench.drill.harness;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.channel.SpeechTranscriber;
import dev.interviewagent.core.config.EngineSettings;
import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.persistence.InterviewStorage;
import dev.interviewagent.samples.websocket.InterviewServer;
import dev.interviewagent.samples.websocket.ServerSettings;
import java.net.URI;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The WebSocket sample's {@link InterviewServer} in this process, on a free loopback port, with the store stack
 * {@code env} configures (as the sample's {@code Main} does) and an engine the drill may customise — for the
 * drills that need what the sample's settings do not reach (an LLM brain with a short circuit-breaker pause and
 * streaming) or need to look inside (the brain's circuit state). Trusts {@code X-Forwarded-For} as the client's
 * address, like the drills' sample processes.
 */
public final class InProcessSample implements AutoCloseable {

    private final InterviewStorage storage;
    private final InterviewEngine engine;
    private final InterviewServer server;

    private InProcessSample(InterviewStorage storage, InterviewEngine engine, InterviewServer server) {
        this.storage = storage;
        this.engine = engine;
        this.server = server;
    }

    public static InProcessSample start(Map<String, String> env, UnaryOperator<InterviewEngine.Builder> customise,
                                        SpeechTranscriber transcriber) throws Exception {
        InterviewConfig config = InterviewConfig.builder().environment(env).build();
        InterviewStorage storage = InterviewStorage.open(config);
        InterviewEngine engine = null;
        try {
            InterviewEngine.Builder builder = EngineSettings.from(config).applyTo(InterviewEngine.builder());
            storage.applyTo(builder);
            engine = customise.apply(builder).build();
            ServerSettings settings = ServerSettings.from(new String[] {"--host", "127.0.0.1", "--port", "0",
                    "--client-address-header", "X-Forwarded-For", "--starts-per-minute", "1000000"}, env);
            return new InProcessSample(storage, engine, InterviewServer.start(settings, engine, transcriber));
        } catch (Exception e) {
            if (engine != null) {
                engine.close();
            }
            storage.close();
            throw e;
        }
    }

    public URI webSocketUri() {
        return server.webSocketUri();
    }

    public URI pageUri() {
        return server.uri();
    }

    public InterviewEngine engine() {
        return engine;
    }

    public InterviewStore store() {
        return storage.store();
    }

    @Override
    public void close() throws Exception {
        try {
            server.close();
        } finally {
            engine.close();
            storage.close();
        }
    }
}
