package dev.interviewagent.persistence.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.Turn;
import dev.interviewagent.persistence.JdbcInterviewStore;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Crash safety: a child JVM runs interviews through the engine and is killed with SIGKILL at random points; afterwards
 * every answer acknowledged to the client is in the store with its reply, every interview is consistent, and each
 * one resumes.
 */
class CrashSafetyTest {

    private static final int THREADS = 3;

    private static String schema;
    private static JdbcInterviewStore postgres;

    @BeforeAll
    static void migrate() {
        schema = dev.interviewagent.persistence.CrashTestSupport.newSchema();
        postgres = dev.interviewagent.persistence.CrashTestSupport.postgres(schema);
    }

    @AfterAll
    static void drop() {
        postgres.close();
        dev.interviewagent.persistence.CrashTestSupport.dropSchema(schema);
    }

    @Test
    void should_keep_every_acknowledged_answer_when_the_process_is_killed_50_times_on_postgresql() throws Exception {
        // two independent children (their own interviews) side by side, 25 kills each: most of a child's life is
        // JVM start-up, which one core alone does not use fully
        Map<String, Set<String>> acked = new ConcurrentHashMap<>();
        List<Thread> lanes = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int lane = 0; lane < 2; lane++) {
            String runId = "pg" + lane + UUID.randomUUID().toString().substring(0, 8);
            List<String> args = List.of(dev.interviewagent.persistence.CrashTestSupport.PG_URL,
                    dev.interviewagent.persistence.CrashTestSupport.PG_USER, orDash(
                            dev.interviewagent.persistence.CrashTestSupport.PG_PASSWORD), schema, runId,
                    String.valueOf(THREADS));
            Random random = new Random(42 + lane);
            Thread t = new Thread(() -> {
                try {
                    acked.putAll(killRepeatedly(args, 25, random));
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            t.start();
            lanes.add(t);
        }
        for (Thread t : lanes) {
            t.join();
        }
        assertThat(failures).isEmpty();
        assertThat(acked).isNotEmpty();
        verify(postgres, acked);
    }

    @Test
    void should_keep_every_acknowledged_answer_when_the_process_is_killed_on_the_embedded_store() throws Exception {
        Path dir = Files.createTempDirectory("ia-crash-h2-");
        try (JdbcInterviewStore created = JdbcInterviewStore.embedded(dir)) {
            assertThat(created.databaseKind()).isEqualTo("h2");
        }
        String runId = "h2" + UUID.randomUUID().toString().substring(0, 8);
        List<String> args = List.of(dir.toString(), "-", "-", "-", runId, String.valueOf(THREADS));
        Map<String, Set<String>> acked = killRepeatedly(args, 5, new Random(7));
        try (JdbcInterviewStore embedded = JdbcInterviewStore.embedded(dir)) {
            verify(embedded, acked);
        }
    }

    private static String orDash(String s) {
        return s.isEmpty() ? "-" : s;
    }

    /** Runs the child {@code kills} times, killing it at a random moment each time; returns the ACKs it printed. */
    private static Map<String, Set<String>> killRepeatedly(List<String> driverArgs, int kills, Random random)
            throws Exception {
        Map<String, Set<String>> acked = new ConcurrentHashMap<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = Files.createTempFile("ia-crash-child-", ".log").toFile();
        int killed = 0;
        for (int run = 0; run < kills; run++) {
            List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Xshare:auto", "-cp", System.getProperty("java.class.path"), CrashDriver.class.getName()));
            command.addAll(driverArgs);
            command.add(String.valueOf(run));
            Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log)).start();
            // kill after a random number of acknowledgements, at a random moment after the last one: in the middle of
            // commits, brain calls and reads
            CountDownLatch acks = new CountDownLatch(1 + random.nextInt(4));
            Thread reader = new Thread(() -> readAcks(child, acked, acks));
            reader.start();
            if (!acks.await(90, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor();
                throw new AssertionError("child made no progress; see " + log);
            }
            boolean exited = child.waitFor(random.nextInt(25), TimeUnit.MILLISECONDS);
            assertThat(exited).as("child died by itself; see %s", log).isFalse();
            child.destroyForcibly(); // SIGKILL
            child.waitFor();
            reader.join();
            killed++;
        }
        assertThat(killed).isEqualTo(kills);
        assertThat(acked.values().stream().mapToInt(Set::size).sum()).as("acknowledged answers").isGreaterThan(kills);
        return acked;
    }

    private static void readAcks(Process child, Map<String, Set<String>> acked, CountDownLatch acks) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    String[] parts = line.split(" ");
                    if (parts.length == 3) { // a line cut by the kill is not an acknowledgement
                        acked.computeIfAbsent(parts[1], k -> java.util.Collections.synchronizedSet(
                                new LinkedHashSet<>())).add(parts[2]);
                        acks.countDown();
                    }
                }
            }
        } catch (IOException e) {
            // the pipe closes when the child is killed
        }
    }

    private static void verify(JdbcInterviewStore store, Map<String, Set<String>> acked) {
        Map<InterviewId, Interview> states = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> entry : acked.entrySet()) {
            InterviewId id = InterviewId.of(entry.getKey());
            Interview state = store.load(id).orElseThrow(() -> new AssertionError("lost interview " + id));
            states.put(id, state);
            List<Turn> turns = store.turns(id);
            // no corruption: contiguous log, state agrees with it, one version per stored change
            assertThat(turns).extracting(Turn::number)
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, turns.size()).boxed().toList());
            assertThat(state.turnCount()).isEqualTo(turns.size());
            assertThat(state.version()).isEqualTo(turns.size());
            for (String messageId : entry.getValue()) {
                MessageId mid = MessageId.of(messageId);
                assertThat(store.findByMessageId(id, mid)).as("acked answer %s of %s", messageId, id).isPresent();
                assertThat(turns).as("reply to acked answer %s of %s", messageId, id)
                        .anyMatch(t -> t.isInterviewer() && mid.equals(t.replyTo()));
            }
        }
        // every interview resumes: the pending message is available and a new answer is taken
        try (InterviewEngine engine = InterviewEngine.builder().store(store).build()) {
            for (Map.Entry<InterviewId, Interview> entry : states.entrySet()) {
                Reply pending = engine.pending(entry.getKey());
                if (pending.interview().isActive()) {
                    int number = pending.message().number();
                    Reply next = engine.answer(entry.getKey(), Answer.text("resume-" + number,
                            "We resumed after the crash and I continue the story."));
                    assertThat(next.message().number()).isEqualTo(number + 2);
                    assertThat(store.load(entry.getKey()).orElseThrow().version()).isEqualTo(number + 2);
                }
            }
        }
    }
}
