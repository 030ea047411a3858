package dev.interviewagent.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.docs.DocRegions;
import dev.interviewagent.voice.fake.FakeOpenAiServer;
import dev.interviewagent.voice.testkit.AudioFixtures;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar ({@code target/rest-server-sample.jar}, built by the package phase) as a user runs it: started with
 * {@code --server.port}, the README's curl lines run by bash and real curl, every exchange going through a local
 * recording proxy ({@code http_proxy}) that checks it against docs/openapi.yaml; and started again with {@code PORT}
 * and no store setting, so the embedded store lands in {@code ./interviews} of its working directory (and a sample
 * setting comes from its environment variable, {@code REST_MAX_JSON_BYTES}).
 */
class ReadmeCurlIT {

    private static final String ADMIN_TOKEN = "readme-operator-token-0123456789";
    private static final String SPEECH_KEY = "sk-readme-speech-key";
    private static final Path OUT = Path.of("target", "readme-it");

    private static FakeOpenAiServer speech;
    private static Server withPortOption;
    private static Server withPortVariable;

    /** A running jar. */
    private record Server(Process process, int port, Path workDir) {
        String base() {
            return "http://localhost:" + port;
        }
    }

    @BeforeAll
    static void startBoth() throws Exception {
        Files.createDirectories(OUT);
        speech = new FakeOpenAiServer(SPEECH_KEY);
        speech.result("At shift change I read the chlorine residual and log it by hand.", "english", -0.05);
        // both at once: each takes a while to start on a small machine
        Path first = Files.createTempDirectory("ia-readme");
        int port = freePort();
        withPortOption = start(first, Map.of("INTERVIEW_ADMIN_TOKEN", ADMIN_TOKEN), "--server.port=" + port,
                "--interview.store.url=" + first.resolve("db"), "--interview.voice.provider=openai",
                "--interview.voice.openai.api-key=" + SPEECH_KEY,
                "--interview.voice.openai.base-url=" + speech.baseUrl());
        withPortOption = new Server(withPortOption.process(), port, first);
        Path second = Files.createTempDirectory("ia-readme-port");
        int port2 = freePort();
        Server variable = start(second, Map.of("PORT", Integer.toString(port2), "REST_MAX_JSON_BYTES", "2KB"));
        withPortVariable = new Server(variable.process(), port2, second);
        awaitHealth(withPortOption, "server-option.log");
        awaitHealth(withPortVariable, "server-variable.log");
    }

    @AfterAll
    static void stopBoth() throws Exception {
        for (Server server : new Server[] {withPortOption, withPortVariable}) {
            if (server != null) {
                server.process().destroy();
                if (!server.process().waitFor(30, TimeUnit.SECONDS)) {
                    server.process().destroyForcibly();
                }
            }
        }
        if (speech != null) {
            speech.close();
        }
    }

    @Test
    void should_run_the_readme_curl_lines_against_the_jar() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        List<String> lines = new ArrayList<>(List.of(DocRegions.region(readme, "curl").split("\n")));
        lines.removeIf(line -> line.startsWith("```"));
        String script = String.join("\n", lines).replace("http://localhost:8080", withPortOption.base());
        assertThat(script).contains("curl").doesNotContain("8080");
        Files.copy(AudioFixtures.sharedPath(AudioFixtures.TELEGRAM_VOICE_NOTE),
                withPortOption.workDir().resolve("answer.ogg"));

        try (ValidatingProxy proxy = ValidatingProxy.forward()) {
            ProcessBuilder bash = new ProcessBuilder("bash", "-c", "set -euo pipefail\n" + script)
                    .directory(withPortOption.workDir().toFile())
                    .redirectErrorStream(true);
            Map<String, String> env = bash.environment();
            env.keySet().removeIf(name -> name.toLowerCase(Locale.ROOT).endsWith("_proxy"));
            env.put("http_proxy", proxy.base());
            env.put("INTERVIEW_ADMIN_TOKEN", ADMIN_TOKEN);
            Process run = bash.start();
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
            Files.writeString(OUT.resolve("curl-output.txt"), output);
            assertThat(run.exitValue()).as(output).isZero();
            assertThat(proxy.failures()).as("exchanges that break docs/openapi.yaml").isEmpty();

            // (the proxy writes header names in its own case)
            assertThat(output.toLowerCase(Locale.ROOT)).contains("idempotent-replayed: true");
            assertThat(output).contains("\"interviewId\"").contains("\"token\"")
                    .contains("\"transcript\":{\"text\":\"At shift change I read the chlorine residual")
                    .contains("\"kind\":\"closing\"")
                    .contains("# Expertise interview report")
                    .contains("\"status\":\"ended_early\"")
                    .contains("\"engine\":{\"started\":1")
                    .contains("204\n")
                    .contains("\"status\":404")
                    .contains("\"status\":\"UP\"")
                    .contains("interview_starts_total");
            long curls = script.lines().filter(line -> line.contains("curl -s")).count();
            assertThat(proxy.exchanges()).as("every curl line went through the proxy").hasSize((int) curls);
            assertThat(proxy.exchanges().stream().filter(e -> e.contains(" /api/"))).hasSizeGreaterThanOrEqualTo(13);
            assertThat(speech.requests("POST", "/v1/audio/transcriptions")).hasSize(1);
            String id = output.replaceAll("(?s).*?\"interviewId\":\"([^\"]+)\".*", "$1");
            Path export = withPortOption.workDir().resolve("interview-" + id + ".json");
            assertThat(Files.readString(export)).contains("water treatment plant").contains("chlorine residual");
        }
    }

    @Test
    void should_listen_on_PORT_with_the_embedded_store_in_the_working_directory() throws Exception {
        ApiClient api = new ApiClient(URI.create(withPortVariable.base() + "/"));
        Interviews.Started started = Interviews.start(api);
        Interviews.answerSome(api, started, 1);
        assertThat(withPortVariable.workDir().resolve("interviews").resolve("interviews.mv.db")).exists();
        assertThat(withPortVariable.workDir().resolve("interviews").resolve("encryption.key")).exists();
        // a sample setting from its environment variable, as the README's table names it
        ApiClient.Reply tooLarge = Interviews.answer(api, started, "big", "word ".repeat(600));
        assertThat(tooLarge.status()).isEqualTo(413);
        // no admin token given: the operator API is off
        ApiClient.Reply admin = api.get("/api/admin/metrics").bearer(ADMIN_TOKEN).send();
        assertThat(admin.status()).isEqualTo(403);
        assertThat(Files.readString(OUT.resolve("server-variable.log"))).contains("offline brain")
                .doesNotContain(ADMIN_TOKEN).doesNotContain(started.token());
    }

    private static Server start(Path workDir, Map<String, String> env, String... args) throws IOException {
        String jar = System.getProperty("rest.jar", "target/rest-server-sample.jar");
        assertThat(Path.of(jar)).as("the runnable jar (package phase)").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", Path.of(jar).toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().remove("INTERVIEW_ADMIN_TOKEN");
        builder.environment().remove("PORT");
        builder.environment().putAll(env);
        String log = env.containsKey("PORT") ? "server-variable.log" : "server-option.log";
        builder.redirectOutput(OUT.resolve(log).toFile());
        return new Server(builder.start(), -1, workDir);
    }

    private static void awaitHealth(Server server, String log) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            assertThat(server.process().isAlive()).as("the jar stopped; see target/readme-it/" + log).isTrue();
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                        URI.create(server.base() + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the jar did not become healthy within 180 s; see target/readme-it/" + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
