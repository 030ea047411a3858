package dev.interviewagent.persistence.crash;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.persistence.InterviewStores;
import dev.interviewagent.persistence.JdbcInterviewStore;
import dev.interviewagent.persistence.JdbcInterviewStoreBuilder;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The child process of {@link CrashSafetyTest}: drives interviews through the engine on a durable store until it is
 * killed, printing {@code ACK <interviewId> <messageId>} after each answer returned (that is, after the answer and
 * the interviewer's reply were acknowledged to the "client").
 *
 * <p>Arguments: {@code <jdbc url or directory> <user> <password> <schema or -> <run id> <threads> <seed>}. Interviews
 * have fixed idempotency keys ({@code <run id>-<thread>-<generation>}), so a restarted child resumes them.
 */
public final class CrashDriver {

    private static final String[] ANSWERS = {
        "I started as a field technician in 2009 and moved into planning after five years.",
        "First we check the pump pressure, then the valves, and after that we log every reading.",
        "Last week a seal failed at the north station; we caught it because the vibration rose 20 percent.",
        "Honestly it depends, as usual.",
        "The mistake every newcomer makes is trusting the dashboard instead of listening to the machine.",
        "'; DROP TABLE turns; -- said nobody, but we do keep notes in a spreadsheet with 40 columns.",
    };

    private CrashDriver() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        String schema = args[3];
        String runId = args[4];
        int threads = Integer.parseInt(args[5]);
        long seed = Long.parseLong(args[6]);
        // optional eighth argument: stop after that many answers per thread and exit normally (manual runs)
        int stopAfter = args.length > 7 ? Integer.parseInt(args[7]) : Integer.MAX_VALUE;
        PrintStream out = System.out;

        JdbcInterviewStoreBuilder builder = InterviewStores.builderFor(url, user.equals("-") ? null : user,
                password.equals("-") ? null : password).migrate(false).maxPoolSize(threads + 1);
        if (!schema.equals("-")) {
            builder.schema(schema);
        }
        JdbcInterviewStore store = builder.build();
        InterviewEngine engine = InterviewEngine.builder().store(store).build();
        synchronized (out) {
            out.println("READY");
            out.flush();
        }
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> drive(engine, out, runId, thread, new Random(seed * 31 + thread),
                    stopAfter));
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        engine.close();
        store.close();
        System.exit(0);
    }

    private static void drive(InterviewEngine engine, PrintStream out, String runId, int thread, Random random,
                              int stopAfter) {
        int answered = 0;
        for (int generation = 0; ; generation++) {
            Reply reply = engine.start(StartRequest.builder().language(Language.ENGLISH)
                    .channelKey("crash:" + runId + ":" + thread)
                    .idempotencyKey(runId + "-" + thread + "-" + generation).build());
            if (reply.duplicate()) {
                if (!reply.interview().isActive()) {
                    continue; // finished in an earlier life of this process
                }
                reply = engine.pending(reply.interviewId());
            }
            while (!reply.completed()) {
                String messageId = "a" + reply.message().number();
                String text = ANSWERS[random.nextInt(ANSWERS.length)];
                reply = engine.answer(reply.interviewId(), Answer.text(messageId, text));
                synchronized (out) {
                    out.println("ACK " + reply.interviewId() + " " + messageId);
                    out.flush();
                }
                if (++answered >= stopAfter) {
                    return;
                }
            }
        }
    }
}
