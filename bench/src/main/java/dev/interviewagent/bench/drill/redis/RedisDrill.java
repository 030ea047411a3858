package dev.interviewagent.bench.drill.redis;

import dev.interviewagent.bench.drill.Drill;
import dev.interviewagent.bench.drill.DrillContext;
import dev.interviewagent.bench.drill.DrillReport;
import dev.interviewagent.bench.drill.harness.Await;
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
 * Redis: two sample nodes share PostgreSQL and the drill's own Redis (turn lock and state cache); a third into the
 * load Redis is killed (SIGKILL, its keys gone) and started again empty 10 s later, without touching the nodes.
 * Expected: turns go on database-only meanwhile, no answer lost or stored twice, and the nodes use Redis again
 * by themselves (its keys come back) without a restart.
 */
public final class RedisDrill implements Drill {

    static final Duration OUTAGE = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public DrillReport run(DrillContext context) throws Exception {
        var options = context.options();
        LocalRedis redis = context.cleanup().add(LocalRedis.start());
        Map<String, String> env = new LinkedHashMap<>(context.storeEnv(context.sharedPostgres(), name()));
        env.put("REDIS_URL", redis.url());
        env.put("INTERVIEW_REDIS_KEY_PREFIX", "drill-" + env.get("INTERVIEW_STORE_SCHEMA"));
        SampleServer a = context.startNode(env, List.of());
        SampleServer b = context.startNode(env, List.of());
        Ledger ledger = new Ledger();
        DrillReport report = new DrillReport(name(), options.load() + ", 2 nodes", "Redis killed (SIGKILL) at a "
                + "third of the load, started again empty after " + OUTAGE.toSeconds() + " s");
        boolean keysBefore;
        boolean keysAfter;
        long acknowledgedDuring;
        try (Load load = context.cleanup().add(new Load(List.of(a.webSocketUri(), b.webSocketUri()),
                options.interviews(), ExpertScript.factory(), ledger, new Load.Settings(options.thinkMs(),
                Duration.ofSeconds(20), Duration.ofMillis(Math.min(10_000, options.loadTime().toMillis() / 5)))))) {
            load.start();
            long started = System.nanoTime();
            Thread.sleep(options.loadTime().toMillis() / 3);
            keysBefore = redis.keys() > 0;
            redis.kill();
            long acknowledged = ledger.acknowledgedCount();
            Thread.sleep(OUTAGE.toMillis());                       // the outage itself
            acknowledgedDuring = ledger.acknowledgedCount() - acknowledged;
            redis.startAgain();
            keysAfter = Await.within(Duration.ofSeconds(30), () -> redis.keys() > 0);
            long left = options.loadTime().toNanos() - (System.nanoTime() - started);
            Thread.sleep(Math.max(5_000, left / 1_000_000));
            load.stop(Duration.ofSeconds(90));
        }
        StoreAudit.Result audit = StoreAudit.audit(context.openStorage(env).store(), ledger);
        report.account(ledger, audit);
        report.check("the nodes used Redis before the fault", keysBefore, keysBefore ? "keys present" : "no keys");
        report.check("turns went on database-only while Redis was down", acknowledgedDuring > 0,
                acknowledgedDuring + " answers acknowledged during the outage");
        report.check("the nodes use Redis again without a restart", keysAfter, keysAfter
                ? "keys written to the new Redis" : "no keys within 30 s");
        report.check("both nodes lived through it", a.alive() && b.alive(), a.alive() && b.alive() ? "alive"
                : "a node exited");
        report.note("respondents sent " + ledger.sentCount() + " answers, " + ledger.resentCount() + " again, "
                + ledger.reconnectCount() + " reconnects");
        return report;
    }
}
