package dev.interviewagent.telegram;

import static dev.interviewagent.telegram.fake.FakeBotApi.callback;
import static dev.interviewagent.telegram.fake.FakeBotApi.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.persistence.JdbcChannelInbox;
import dev.interviewagent.persistence.JdbcInterviewStore;
import dev.interviewagent.telegram.fake.FakeBotApi;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Answers the user saw as sent survive a crash: a bot process with 10 answers queued behind a hanging brain is
 * killed with SIGKILL after Telegram's offset moved past them; the bot restarted on the same database stores and
 * answers every one exactly once.
 */
class TelegramCrashRecoveryTest {

    private static final long CHAT = 9001;
    private static final int ANSWERS = 10;
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final FakeBotApi api = FakeBotApi.start(TestBed.TOKEN);
    private Process child;

    @AfterEach
    void stop() throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor();
        }
        api.close();
    }

    private TelegramChannel bot(JdbcInterviewStore store, InterviewEngine engine) {
        return TelegramChannel.builder(TestBed.TOKEN, engine).apiUrl(api.url()).inbox(JdbcChannelInbox.of(store))
                .build();
    }

    private void deliver(TelegramChannel channel, com.fasterxml.jackson.databind.node.ObjectNode update)
            throws InterruptedException {
        api.awaitTaken(api.push(update), WAIT);
        assertThat(channel.awaitIdle(WAIT)).isTrue();
    }

    @Test
    void should_store_and_answer_every_queued_update_once_when_the_bot_is_killed_and_restarted() throws Exception {
        Path dir = Files.createTempDirectory("ia-telegram-crash-");
        // an interview is running, and the bot stopped cleanly
        try (JdbcInterviewStore store = JdbcInterviewStore.embedded(dir);
             InterviewEngine engine = InterviewEngine.builder().store(store).brain(TestBrains.echo()).build();
             TelegramChannel channel = bot(store, engine)) {
            channel.start();
            deliver(channel, text(CHAT, "en", "/start"));
            deliver(channel, callback(CHAT, "en", 1, "lang:en"));
            deliver(channel, callback(CHAT, "en", 2, "style:master"));
            deliver(channel, callback(CHAT, "en", 3, "profile:skip"));
            assertThat(engine.findActive("telegram:" + CHAT)).isPresent();
        }

        // a new bot process takes 10 answers (the offset moves past all of them) and hangs on the first
        File log = Files.createTempFile("ia-telegram-crash-child-", ".log").toFile();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), CrashBotDriver.class.getName(), api.url(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.appendTo(log)).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> read(child, lines));
        reader.setDaemon(true);
        reader.start();
        assertThat(lines.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).as("child ready; see %s", log).isEqualTo("READY");
        int last = 0;
        for (int i = 0; i < ANSWERS; i++) {
            last = api.push(text(CHAT, "en", "answer-" + i));
        }
        api.awaitTaken(last, WAIT);
        assertThat(lines.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).as("brain called; see %s", log)
                .isEqualTo("BRAIN answer-0");
        child.destroyForcibly(); // SIGKILL: nothing is drained
        child.waitFor();
        assertThat(api.messages(String.valueOf(CHAT))).noneMatch(m -> m.startsWith("Got answer-"));

        // restarted on the same database: every answer stored once, and answered once, in order
        try (JdbcInterviewStore store = JdbcInterviewStore.embedded(dir);
             InterviewEngine engine = InterviewEngine.builder().store(store).brain(TestBrains.echo()).build();
             TelegramChannel channel = bot(store, engine)) {
            channel.start();
            assertThat(channel.awaitIdle(WAIT)).isTrue();

            InterviewId id = engine.findActive("telegram:" + CHAT).orElseThrow();
            List<Turn> answers = engine.transcript(id).stream().filter(Turn::isRespondent).toList();
            assertThat(answers).extracting(Turn::text).containsExactly(expected("answer-"));
            assertThat(answers).extracting(t -> t.messageId().value()).doesNotHaveDuplicates()
                    .allMatch(m -> m.startsWith("tg-"));
            List<String> replies = api.messages(String.valueOf(CHAT)).stream().filter(m -> m.startsWith("Got "))
                    .map(m -> m.substring(4, m.indexOf(','))).toList();
            assertThat(replies).containsExactly(expected("answer-"));
            assertThat(JdbcChannelInbox.of(store).pending("telegram:123456")).as("nothing left pending").isEmpty();
        }
    }

    private static String[] expected(String prefix) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ANSWERS; i++) {
            out.add(prefix + i);
        }
        return out.toArray(String[]::new);
    }

    private static void read(Process process, BlockingQueue<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (java.io.IOException e) {
            // the process was killed
        }
    }
}
