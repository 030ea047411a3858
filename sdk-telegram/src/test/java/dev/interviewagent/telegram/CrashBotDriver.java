package dev.interviewagent.telegram;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.persistence.JdbcChannelInbox;
import dev.interviewagent.persistence.JdbcInterviewStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The child process of {@link TelegramCrashRecoveryTest}: the bot on the embedded database with the durable inbox,
 * long-polling the test's fake Bot API, with a brain that never finishes phrasing a reply to an answer (it prints
 * {@code BRAIN <answer>} and hangs), so updates queue up behind it until the test kills the process.
 *
 * <p>Arguments: {@code <fake Bot API url> <database directory>}.
 */
public final class CrashBotDriver {

    private CrashBotDriver() {
    }

    public static void main(String[] args) throws Exception {
        String apiUrl = args[0];
        Path dir = Path.of(args[1]);
        PrintStream out = System.out;
        CountDownLatch never = new CountDownLatch(1);
        JdbcInterviewStore store = JdbcInterviewStore.embedded(dir);
        InterviewEngine engine = InterviewEngine.builder().store(store).brainTimeout(Duration.ofMinutes(10))
                .brain(TestBrains.of(request -> {
                    synchronized (out) {
                        out.println("BRAIN " + request.lastAnswer());
                        out.flush();
                    }
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return "unreachable";
                })).build();
        TelegramChannel channel = TelegramChannel.builder(TestBed.TOKEN, engine).apiUrl(apiUrl)
                .inbox(JdbcChannelInbox.of(store)).build();
        channel.start();
        synchronized (out) {
            out.println("READY");
            out.flush();
        }
        never.await();
    }
}
