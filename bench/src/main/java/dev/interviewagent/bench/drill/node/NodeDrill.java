package dev.interviewagent.bench.drill.node;

import dev.interviewagent.bench.drill.Drill;
import dev.interviewagent.bench.drill.DrillContext;
import dev.interviewagent.bench.drill.DrillReport;
import dev.interviewagent.bench.drill.harness.LocalRedis;
import dev.interviewagent.bench.drill.harness.StoreAudit;
import dev.interviewagent.bench.drill.load.ExpertScript;
import dev.interviewagent.bench.drill.load.Ledger;
import dev.interviewagent.bench.drill.load.Load;
import dev.interviewagent.bench.websocket.SampleServer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Node: two sample nodes on the suite's PostgreSQL and the drill's own Redis, the respondents split between them;
 * a third into the load one node is killed with SIGKILL (no shutdown hook, turns cut mid-way). Its respondents
 * reconnect to the other node and resume with their tokens. Expected: every interview continues from its pending
 * question (checked by each respondent on resume), no answer stored twice, none lost.
 */
public final class NodeDrill implements Drill {

    @Override
    public String name() {
        return "node";
    }

    @Override
    public DrillReport run(DrillContext context) throws Exception {
        var options = context.options();
        LocalRedis redis = context.cleanup().add(LocalRedis.start());
        Map<String, String> env = new LinkedHashMap<>(context.storeEnv(context.sharedPostgres(), name()));
        env.put("REDIS_URL", redis.url());
        env.put("INTERVIEW_REDIS_KEY_PREFIX", "drill-" + env.get("INTERVIEW_STORE_SCHEMA"));
        SampleServer victim = context.startNode(env, List.of());
        SampleServer survivor = context.startNode(env, List.of());
        Ledger ledger = new Ledger();
        DrillReport report = new DrillReport(name(), options.load() + ", 2 nodes", "one of two nodes killed "
                + "(kill -9) at a third of the load");
        long acknowledgedBefore;
        try (Load load = context.cleanup().add(new Load(List.of(victim.webSocketUri(), survivor.webSocketUri()),
                options.interviews(), ExpertScript.factory(), ledger, new Load.Settings(options.thinkMs(),
                Duration.ofSeconds(20), Duration.ofMillis(Math.min(10_000, options.loadTime().toMillis() / 5)))))) {
            load.start();
            long started = System.nanoTime();
            Thread.sleep(options.loadTime().toMillis() / 3);
            acknowledgedBefore = ledger.acknowledgedCount();
            victim.kill();
            long left = options.loadTime().toNanos() - (System.nanoTime() - started);
            Thread.sleep(Math.max(10_000, left / 1_000_000));
            load.stop(Duration.ofSeconds(90));
        }
        StoreAudit.Result audit = StoreAudit.audit(context.openStorage(env).store(), ledger);
        report.account(ledger, audit);
        long reconnected = ledger.reconnectCount();
        report.check("the killed node's respondents reconnected to the other", reconnected >= 1
                && !victim.alive(), reconnected + " reconnects");
        report.check("answers were acknowledged before and after the kill", acknowledgedBefore > 0
                && ledger.acknowledgedCount() > acknowledgedBefore, acknowledgedBefore + " before, "
                + (ledger.acknowledgedCount() - acknowledgedBefore) + " after");
        report.check("the surviving node lived through it", survivor.alive(), survivor.alive() ? "alive" : "exited");
        report.note("respondents sent " + ledger.sentCount() + " answers, " + ledger.resentCount() + " again");
        return report;
    }
}
