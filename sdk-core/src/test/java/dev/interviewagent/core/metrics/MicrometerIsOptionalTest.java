package dev.interviewagent.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Micrometer is an optional dependency of sdk-core: hosts without it must be able to load and run everything but
 * the {@code metrics.micrometer} package.
 */
class MicrometerIsOptionalTest {

    private static final String MICROMETER_PACKAGE = "dev/interviewagent/core/metrics/micrometer/";

    @Test
    void should_refer_to_micrometer_only_from_the_micrometer_package() throws IOException {
        MicrometerChecks.assertOnlyPackageRefersToMicrometer(MICROMETER_PACKAGE);
    }

    @Test
    void should_run_an_observed_interview_when_micrometer_is_not_on_the_classpath() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.replace(File.separatorChar, '/').contains("/io/micrometer/")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        assertThat(urls).as("the test classes are on the class path").anyMatch(u -> u.getPath().endsWith(
                "target/test-classes/"));
        try (URLClassLoader withoutMicrometer = new URLClassLoader(urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry", false,
                    withoutMicrometer)).isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> Class.forName("dev.interviewagent.core.metrics.micrometer.InterviewEngineMetrics",
                    true, withoutMicrometer)).as("the isolation works").isInstanceOf(NoClassDefFoundError.class);

            Class<?> probe = Class.forName(ObservedInterview.class.getName(), true, withoutMicrometer);
            assertThat(probe.getClassLoader()).isSameAs(withoutMicrometer);
            @SuppressWarnings("unchecked")
            Callable<String> run = (Callable<String>) probe.getConstructor().newInstance();

            assertThat(run.call()).isEqualTo("turns=3 observed=2");
        }
    }

    /** Runs in the class loader without Micrometer: an engine with an observer, one answer. */
    public static final class ObservedInterview implements Callable<String> {

        public ObservedInterview() {
        }

        @Override
        public String call() {
            AtomicInteger turns = new AtomicInteger();
            EngineObserver observer = new EngineObserver() {
                @Override
                public void onTurn(TurnTiming turn) {
                    turns.incrementAndGet();
                }
            };
            try (InterviewEngine engine = InterviewEngine.builder().observer(observer).build()) {
                Reply start = engine.start(StartRequest.builder().language(Language.ENGLISH).build());
                Reply next = engine.answer(start.interviewId(), Answer.text("m-1", "Twelve years at the depot."));
                return "turns=" + next.message().number() + " observed=" + turns.get();
            }
        }
    }
}
