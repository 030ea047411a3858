package dev.interviewagent.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.metrics.MicrometerChecks;
import dev.interviewagent.core.metrics.micrometer.InterviewEngineMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The metrics example of docs/operations.md for a host without Spring, compiled and run here against a real
 * Prometheus registry. The docs quote the region between the markers verbatim; the last test fails when they
 * drift apart.
 */
class MetricsExampleTest {

    @Test
    void should_expose_the_engine_meters_in_a_prometheus_scrape() {
        // region metrics
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        InterviewEngineMetrics metrics = new InterviewEngineMetrics();      // an EngineObserver and a MeterBinder
        try (InterviewEngine engine = InterviewEngine.builder().observer(metrics).build()) {
            metrics.bindTo(registry);
            // the LLM brain, speech and Redis have binders too (see the table below):
            // new LlmMetrics(brain).bindTo(registry); RedisMetrics.of(store, lock).bindTo(registry);
            // MeteredSpeechToText speech = MeteredSpeechToText.of(stt); speech.bindTo(registry); use speech
            Reply reply = engine.start(StartRequest.builder().language(Language.ENGLISH).build());
            engine.answer(reply.interviewId(), Answer.text("m-1", "I have run the depot for twelve years."));
        }
        String scrape = registry.scrape();                                  // serve it at GET /metrics
        // endregion
        assertThat(scrape).contains(
                "interview_turn_duration_seconds_count{error=\"none\",language=\"en\",operation=\"start\","
                        + "outcome=\"ok\"} 1",
                "interview_starts_total{language=\"en\",style=\"master\"} 1.0",
                "interview_answers_total{language=\"en\",modality=\"text\",stage=\"greeting\"} 1.0",
                "interview_brain_duration_seconds_count{brain=\"methodology\",outcome=\"ok\",role=\"only\"} 2",
                "interview_store_commit_duration_seconds_count{operation=\"create\",outcome=\"ok\"} 1",
                "interview_store_commit_duration_seconds_count{operation=\"commit\",outcome=\"ok\"} 2");
    }

    @Test
    void should_be_quoted_verbatim_in_the_docs() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/interviewagent/core/docs/MetricsExampleTest.java"));
        String region = source.substring(source.indexOf("// region metrics") + "// region metrics".length(),
                source.indexOf("// endregion")).stripTrailing();
        String snippet = region.lines().map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .filter(l -> !l.isBlank()).reduce((a, b) -> a + "\n" + b).orElseThrow();
        assertThat(Files.readString(Path.of("../docs/operations.md"))).contains(snippet);
    }

    @Test
    void should_document_every_meter_of_the_engine_binder() throws Exception {
        MicrometerChecks.assertMetersDocumented(InterviewEngineMetrics.class);
    }
}
