package dev.interviewagent.bench.drill.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * N scripted respondents talking to one or more server nodes at once, each from its own client address
 * ({@code X-Forwarded-For}, which the drills' servers trust), joining over {@code rampUp}. Runs until
 * {@link #stop()} (or until every script has said all it had to say), then waits a bounded time for each to end
 * its interview; whoever has not by then is abandoned and its answer in flight counted as unanswered.
 */
public final class Load implements AutoCloseable {

    /**
     * @param thinkMs      mean pause before each answer (uniform from half to one and a half times this)
     * @param replyTimeout an answer without a reply this long is sent again with the same id
     * @param rampUp       the respondents join evenly over this time
     */
    public record Settings(long thinkMs, Duration replyTimeout, Duration rampUp) {
    }

    private final List<Respondent> respondents = new ArrayList<>();
    private final ExecutorService network = Executors.newFixedThreadPool(4, daemon("drill-ws"));
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, daemon("drill-timer"));
    private final HttpClient http = HttpClient.newBuilder().executor(network).build();
    private final Ledger ledger;
    private final Settings settings;

    public Load(List<URI> nodes, int count, Script.Factory scripts, Ledger ledger, Settings settings) {
        this.ledger = ledger;
        this.settings = settings;
        for (int i = 0; i < count; i++) {
            respondents.add(new Respondent(i, nodes, http, timer, ledger, scripts, settings));
        }
    }

    public Ledger ledger() {
        return ledger;
    }

    /** Lets the respondents join, spread over the ramp-up time. */
    public Load start() {
        long spread = settings.rampUp().toMillis();
        for (int i = 0; i < respondents.size(); i++) {
            Respondent r = respondents.get(i);
            timer.schedule(r::begin, spread * i / Math.max(1, respondents.size()), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** Whether every respondent has ended its interviews. */
    public boolean finished() {
        return respondents.stream().allMatch(r -> r.finished().isDone());
    }

    /**
     * Asks every respondent to end after its answer in flight, waits up to {@code grace} for all of them, and
     * abandons the rest. Returns whether all ended by themselves.
     */
    public boolean stop(Duration grace) {
        respondents.forEach(Respondent::stop);
        return awaitFinished(grace);
    }

    /** Waits up to {@code limit} for the scripts to end by themselves, then abandons who has not. */
    public boolean awaitFinished(Duration limit) {
        CompletableFuture<?> all = CompletableFuture.allOf(respondents.stream().map(Respondent::finished)
                .toArray(CompletableFuture[]::new));
        try {
            all.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            respondents.forEach(Respondent::abandon);
            return false;
        } catch (Exception e) {
            respondents.forEach(Respondent::abandon);
            return false;
        }
    }

    @Override
    public void close() {
        respondents.forEach(Respondent::abandon);
        timer.shutdownNow();
        network.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
