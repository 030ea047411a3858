package dev.interviewagent.bench.drill;

import dev.interviewagent.bench.drill.harness.StoreAudit;
import dev.interviewagent.bench.drill.load.Ledger;
import dev.interviewagent.bench.drill.load.Percentiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of one drill: the respondents' accounting (answers acknowledged, found in the store, lost,
 * duplicated, turns without a reply, errors by code, turn times) and the drill's own checks. It passes only when
 * nothing acknowledged was lost or stored twice, every turn got its reply and every check held.
 */
public final class DrillReport {

    /** One expectation of the drill, with what was seen. */
    public record Check(String name, boolean passed, String seen) {
    }

    private final String drill;
    private final String load;
    private final String fault;
    private long acknowledged;
    private long stored;
    private long lost;
    private long duplicated;
    private long unanswered;
    private Map<String, Long> errors = new TreeMap<>();
    private Percentiles turnTimes = Percentiles.ofNanos(List.of());
    private final List<Check> checks = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private Duration took = Duration.ZERO;

    public DrillReport(String drill, String load, String fault) {
        this.drill = drill;
        this.load = load;
        this.fault = fault;
    }

    /** Takes the respondents' side from {@code ledger} and the store's side from {@code audit}. */
    public DrillReport account(Ledger ledger, StoreAudit.Result audit) {
        return account("", ledger, audit);
    }

    /** Like {@link #account(Ledger, StoreAudit.Result)} for one of several loads, named in its checks. */
    public DrillReport account(String load, Ledger ledger, StoreAudit.Result audit) {
        String of = load.isEmpty() ? "" : " (" + load + ")";
        acknowledged += ledger.acknowledgedCount();
        stored += audit.stored();
        lost += audit.lost();
        duplicated += audit.duplicated();
        unanswered += ledger.unansweredCount();
        ledger.errors().forEach((code, n) -> errors.merge(code, n, Long::sum));
        turnTimes = ledger.turnTimes();
        check("no interview left stuck" + of, audit.stuck() == 0, audit.stuck() + " stuck");
        check("the protocol's promises kept" + of, ledger.problems().isEmpty(), ledger.problems().size()
                + " problems" + (ledger.problems().isEmpty() ? "" : ", first: " + ledger.problems().get(0)));
        audit.findings().stream().limit(5).forEach(notes::add);
        ledger.problems().stream().limit(5).forEach(notes::add);
        return this;
    }

    /** Adds an error count seen outside the respondents (e.g. by the fuzzer). */
    public DrillReport errors(Map<String, Long> more) {
        more.forEach((code, n) -> errors.merge(code, n, Long::sum));
        return this;
    }

    public DrillReport check(String name, boolean passed, String seen) {
        checks.add(new Check(name, passed, seen));
        return this;
    }

    /** How long the drill ran, start to stop (set by the runner). */
    public DrillReport took(Duration took) {
        this.took = took;
        return this;
    }

    public Duration took() {
        return took;
    }

    public DrillReport note(String note) {
        notes.add(note);
        return this;
    }

    public boolean passed() {
        return lost == 0 && duplicated == 0 && unanswered == 0 && checks.stream().allMatch(Check::passed);
    }

    public List<Check> checks() {
        return List.copyOf(checks);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    public String drill() {
        return drill;
    }

    public long lost() {
        return lost;
    }

    public long duplicated() {
        return duplicated;
    }

    public long unanswered() {
        return unanswered;
    }

    public long acknowledged() {
        return acknowledged;
    }

    /** The one summary line. */
    public String line() {
        long failed = checks.stream().filter(c -> !c.passed()).count();
        return String.format("%-9s %s | load: %s | fault: %s | answers acknowledged %d / stored %d / lost %d / "
                + "duplicated %d | turns without reply %d | errors %s | turn p50/p99 %s | checks %d/%d | %d s",
                drill, passed() ? "PASS" : "FAIL", load, fault, acknowledged, stored, lost, duplicated, unanswered,
                errors.isEmpty() ? "none" : errors, turnTimes, checks.size() - failed, checks.size(),
                took.toSeconds());
    }

    /** The line, then one line per check and note. */
    public String details() {
        StringBuilder out = new StringBuilder(line()).append('\n');
        for (Check c : checks) {
            out.append("    ").append(c.passed() ? "ok   " : "FAIL ").append(c.name()).append(": ").append(c.seen())
                    .append('\n');
        }
        for (String n : notes) {
            out.append("    note ").append(n).append('\n');
        }
        return out.toString();
    }
}
