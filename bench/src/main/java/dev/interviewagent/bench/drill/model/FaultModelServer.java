package dev.interviewagent.bench.drill.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.bench.drill.harness.RawHttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local OpenAI-compatible model that fails in every way a real one (or the network to it) does. Healthy, it
 * answers as {@link ContractReplies} does; in {@link Mode#MIXED} each request gets the next {@link Fault} in turn;
 * in {@link Mode#OUTAGE} every request gets a 500. Each fault that produces text a respondent must never see
 * carries a canary beginning with {@value #CANARY}: the unparsed output of a reply that is not JSON, the second
 * question of a two-question reply, the unsent rest of a cut stream, a broken body. It also echoes the system prompt
 * (the brain's own check must catch it) and crosses replies between interviews: a reply written for another
 * respondent, quoting that respondent's words (their code word shows where they end up). Records the system
 * prompts it was sent, for the drill's leak check.
 */
public final class FaultModelServer implements AutoCloseable {

    public static final String KEY = "sk-drill-model";
    public static final String CANARY = "zq-";

    /** What the server does to the next requests. */
    public enum Mode { HEALTHY, MIXED, OUTAGE }

    /** One way to fail. */
    public enum Fault {
        NONE, HTTP_500, HTTP_429_RETRY_AFTER, HANG, TRUNCATED_STREAM, BROKEN_BODY, NOT_JSON, TWO_QUESTIONS,
        ECHO_SYSTEM_PROMPT, CROSSED_REPLY
    }

    private static final Fault[] ROTATION = {Fault.NONE, Fault.HTTP_500, Fault.NOT_JSON, Fault.HTTP_429_RETRY_AFTER,
        Fault.TWO_QUESTIONS, Fault.HANG, Fault.ECHO_SYSTEM_PROMPT, Fault.TRUNCATED_STREAM, Fault.CROSSED_REPLY,
        Fault.NONE, Fault.BROKEN_BODY};
    private static final Pattern CODE_WORD = Pattern.compile("ZK\\d{7}");

    private final RawHttpServer http;
    private final Duration hang;
    private final AtomicLong counter = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final Map<Fault, AtomicLong> injected = new EnumMap<>(Fault.class);
    private final Set<String> systemPrompts = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedDeque<String> recentAnswers = new ConcurrentLinkedDeque<>();
    private volatile Mode mode = Mode.HEALTHY;

    /** @param hang how long a hanging request is held (longer than the brain's call timeout) */
    public FaultModelServer(Duration hang) {
        this.hang = hang;
        for (Fault f : Fault.values()) {
            injected.put(f, new AtomicLong());
        }
        this.http = new RawHttpServer(this::handle);
    }

    /** The base URL the brain is configured with ({@code /chat/completions} is appended). */
    public String baseUrl() {
        return http.url();
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public long requests() {
        return requests.get();
    }

    /** How many times each fault was injected. */
    public Map<Fault, Long> injected() {
        Map<Fault, Long> out = new EnumMap<>(Fault.class);
        injected.forEach((f, n) -> out.put(f, n.get()));
        return out;
    }

    /** Every distinct system prompt received. */
    public Set<String> systemPrompts() {
        return Set.copyOf(systemPrompts);
    }

    private void handle(RawHttpServer.Request raw, RawHttpServer.Response response) throws IOException {
        ChatRequest request = ChatRequest.read(raw, KEY).orElse(null);
        if (request == null) {
            response.send(400, "application/json", ("{\"error\":{\"message\":\"invalid request\",\"type\":"
                    + "\"invalid_request_error\",\"param\":null,\"code\":null}}").getBytes(StandardCharsets.UTF_8),
                    Map.of());
            return;
        }
        long n = requests.incrementAndGet();
        systemPrompts.add(request.system());
        Fault fault = switch (mode) {
            case HEALTHY -> Fault.NONE;
            case OUTAGE -> Fault.HTTP_500;
            case MIXED -> ROTATION[(int) (counter.getAndIncrement() % ROTATION.length)];
        };
        injected.get(fault).incrementAndGet();
        String own = request.latestAnswer();
        try {
            answer(request, response, fault, n);
        } finally {
            remember(own);
        }
    }

    private void answer(ChatRequest request, RawHttpServer.Response response, Fault fault, long n)
            throws IOException {
        boolean closing = ContractReplies.closing(request);
        boolean ru = "ru".equals(request.language());
        switch (fault) {
            case NONE -> Completions.reply(request, response, ContractReplies.valid(request).toString());
            case HTTP_500 -> Completions.error(response, 500, Map.of());
            case HTTP_429_RETRY_AFTER -> Completions.error(response, 429, Map.of("Retry-After", "1"));
            case HANG -> {
                try {
                    Thread.sleep(hang.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                Completions.reply(request, response, ContractReplies.valid(request).toString());
            }
            case TRUNCATED_STREAM -> {
                String canary = CANARY + "cut-" + n;
                String message = (ru ? "Понятно. " : "I see. ") + ContractReplies.message(request).replace("?", "")
                        + " " + canary + (closing ? "." : "?");
                String content = ContractReplies.withMessage(request, message).toString();
                Completions.cut(request, response, content, content.indexOf(canary));
            }
            case BROKEN_BODY -> response.send(200, "application/json", ("{\"id\":\"chatcmpl-" + CANARY + "body-" + n
                    + "\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
                    + "\"assistant\",\"content\":\"" + CANARY + "body").getBytes(StandardCharsets.UTF_8), Map.of());
            case NOT_JSON -> Completions.reply(request, response, (ru ? "Конечно! " : "Sure! ") + CANARY + "raw-" + n
                    + " " + ContractReplies.message(request));
            case TWO_QUESTIONS -> {
                String second = ru ? " А что было потом, " + CANARY + "second-" + n + "?"
                        : " And what happened next, " + CANARY + "second-" + n + "?";
                Completions.reply(request, response, ContractReplies.withMessage(request,
                        ContractReplies.message(request) + second).toString());
            }
            case ECHO_SYSTEM_PROMPT -> {
                String[] words = request.system().strip().split("\\s+");
                String prompt = String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, 60)))
                        .replace("?", "");
                String echo = prompt.length() > 400 ? prompt.substring(0, 400) : prompt;
                Completions.reply(request, response, ContractReplies.withMessage(request,
                        echo + (closing ? "." : "?")).toString());
            }
            case CROSSED_REPLY -> Completions.reply(request, response, crossed(request).toString());
            default -> throw new IllegalStateException(fault.name());
        }
    }

    /** A reply written for another respondent: it quotes their words, not this respondent's. */
    private ObjectNode crossed(ChatRequest request) {
        String own = codeWord(request.latestAnswer());
        for (String other : recentAnswers) {
            String theirs = codeWord(other);
            if (theirs != null && !theirs.equals(own)) {
                String quote = other.split("(?<=[.!?:;])\\s+")[0];
                boolean ru = "ru".equals(request.language());
                String message = ContractReplies.closing(request)
                        ? (ru ? "Спасибо за рассказ «" + quote + "»." : "Thank you for \"" + quote + "\".")
                        : (ru ? "Вы рассказали: «" + quote + "». Что вы заметили первым?"
                        : "You told me about \"" + quote + "\". What did you notice first?");
                return ContractReplies.withMessage(request, message);
            }
        }
        return ContractReplies.valid(request);
    }

    private void remember(String answer) {
        if (answer != null && !answer.isBlank()) {
            recentAnswers.addFirst(answer);
            while (recentAnswers.size() > 64) {
                recentAnswers.pollLast();
            }
        }
    }

    private static String codeWord(String text) {
        Matcher m = CODE_WORD.matcher(text == null ? "" : text);
        return m.find() ? m.group() : null;
    }

    @Override
    public void close() {
        http.close();
    }
}
