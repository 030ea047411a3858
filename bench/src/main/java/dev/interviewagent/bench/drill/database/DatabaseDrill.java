package dev.interviewagent.bench.drill.database;

import dev.interviewagent.bench.drill.Drill;
import dev.interviewagent.bench.drill.DrillContext;
import dev.interviewagent.bench.drill.DrillReport;
import dev.interviewagent.bench.drill.harness.LocalPostgres;
import dev.interviewagent.bench.drill.harness.StoreAudit;
import dev.interviewagent.bench.drill.load.ExpertScript;
import dev.interviewagent.bench.drill.load.Ledger;
import dev.interviewagent.bench.drill.load.Load;
import dev.interviewagent.bench.websocket.SampleServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Database: the drill's own PostgreSQL is stopped at once (as by a crash: {@code pg_ctl -m immediate}) a third of
 * the way into the load, kept down for 10 s and started again, while the sample server keeps running. Expected:
 * respondents get {@code unavailable} (retriable) and send again by themselves; afterwards every acknowledged
 * answer is in the store exactly once, every turn got its reply and no interview is stuck.
 */
public final class DatabaseDrill implements Drill {

    static final Duration OUTAGE = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "database";
    }

    @Override
    public DrillReport run(DrillContext context) throws Exception {
        var options = context.options();
        LocalPostgres postgres = context.ownPostgres();
        Map<String, String> env = context.storeEnv(postgres, name());
        SampleServer server = context.startNode(env, List.of());
        Ledger ledger = new Ledger();
        DrillReport report = new DrillReport(name(), options.load(), "PostgreSQL stopped (immediate) for "
                + OUTAGE.toSeconds() + " s at a third of the load, then restarted");
        long acknowledgedBefore;
        long unavailableBefore;
        try (Load load = context.cleanup().add(new Load(List.of(server.webSocketUri()), options.interviews(),
                ExpertScript.factory(), ledger, new Load.Settings(options.thinkMs(), Duration.ofSeconds(20),
                rampUp(options))))) {
            load.start();
            long started = System.nanoTime();
            Thread.sleep(options.loadTime().toMillis() / 3);   // the load runs; the fault comes a third in
            acknowledgedBefore = ledger.acknowledgedCount();
            unavailableBefore = ledger.errorCount("unavailable");
            postgres.stopNow();
            Thread.sleep(OUTAGE.toMillis());                    // the outage itself
            postgres.startAgain();
            long left = options.loadTime().toNanos() - (System.nanoTime() - started);
            Thread.sleep(Math.max(Duration.ofSeconds(5).toMillis(), left / 1_000_000));
            load.stop(Duration.ofSeconds(90));
        }
        StoreAudit.Result audit = StoreAudit.audit(context.openStorage(env).store(), ledger);
        report.account(ledger, audit);
        long unavailable = ledger.errorCount("unavailable") - unavailableBefore;
        report.check("respondents were told unavailable (retriable) during the outage", unavailable > 0,
                unavailable + " unavailable errors");
        report.check("answers were acknowledged before the outage", acknowledgedBefore > 0, acknowledgedBefore
                + " before, " + (ledger.acknowledgedCount() - acknowledgedBefore) + " after");
        report.check("the server process lived through it", server.alive(), server.alive() ? "alive" : "exited");
        report.note("respondents sent " + ledger.sentCount() + " answers, " + ledger.resentCount() + " again, "
                + ledger.reconnectCount() + " reconnects");
        return report;
    }

    static Duration rampUp(dev.interviewagent.bench.drill.DrillOptions options) {
        return Duration.ofMillis(Math.min(10_000, options.loadTime().toMillis() / 5));
    }
}
