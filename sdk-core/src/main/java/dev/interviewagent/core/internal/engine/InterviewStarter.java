package dev.interviewagent.core.internal.engine;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.exception.ConcurrentTurnException;
import dev.interviewagent.core.exception.InterviewException;
import dev.interviewagent.core.guide.InterviewGuide;
import dev.interviewagent.core.guide.InterviewStyle;
import dev.interviewagent.core.guide.InterviewStyles;
import dev.interviewagent.core.internal.lock.TurnLeases;
import dev.interviewagent.core.internal.planner.Planner;
import dev.interviewagent.core.spi.InterviewLock;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.core.spi.Move;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts an interview: resolves its style, language and id (a stable one for an idempotency key), plans and phrases
 * the opening and stores the new interview with it, under the interview's lock.
 */
public final class InterviewStarter {

    private static final Logger log = LoggerFactory.getLogger("dev.interviewagent.core.InterviewEngine");

    private final InterviewStore store;
    private final TurnLeases leases;
    private final TurnRunner turns;
    private final InterviewGuide guide;
    private final InterviewStyles styles;
    private final Supplier<InterviewId> ids;
    private final Planner planner;
    private final TurnCommitter committer;
    private final InterviewNotifier notifier;
    private final EngineCounters counters;
    private final Clock clock;

    public InterviewStarter(InterviewStore store, TurnLeases leases, TurnRunner turns, InterviewGuide guide,
            InterviewStyles styles, Supplier<InterviewId> ids, Planner planner, TurnCommitter committer,
            InterviewNotifier notifier, EngineCounters counters, Clock clock) {
        this.store = store;
        this.leases = leases;
        this.turns = turns;
        this.guide = guide;
        this.styles = styles;
        this.ids = ids;
        this.planner = planner;
        this.committer = committer;
        this.notifier = notifier;
        this.counters = counters;
        this.clock = clock;
    }

    /** The opening of a new interview, or of the one an earlier request with the same idempotency key started. */
    public Reply start(StartRequest request) {
        InterviewStyle style = styles.get(request.style() == null ? InterviewStyles.DEFAULT_STYLE : request.style());
        InterviewId id = request.idempotencyKey() == null ? ids.get()
                : InterviewId.of(UUID.nameUUIDFromBytes(("start:" + request.idempotencyKey())
                        .getBytes(StandardCharsets.UTF_8)).toString());
        Language language = request.language() != null ? request.language()
                : Language.fromCode(request.localeHint()).orElse(Language.ENGLISH);
        Map<String, String> attributes = new HashMap<>(request.attributes());
        if (request.language() == null && Language.fromCode(request.localeHint()).isEmpty()) {
            attributes.put(StateUpdates.DETECT_LANGUAGE, "true");
        }
        String controls = request.controls() == null ? null : ControlsAttribute.encode(request.controls());
        if (controls != null) {
            // remembered, so that a resumed interview and the LLM brain still name this channel's controls only
            attributes.put(ControlsAttribute.KEY, controls);
        }
        try (LogContext logged = LogContext.of(TurnRunner.MDC_INTERVIEW_ID, id);
             InterviewLock.Lease ignored = leases.acquire(id)) {
            Optional<Interview> existing = store.load(id);
            if (existing.isPresent()) {
                counters.duplicate();
                return ReplyRecovery.pendingReply(existing.get(), true);
            }
            Instant now = clock.instant();
            Interview initial = Interview.start(id, language, style.code(), guide.id(), guide.revision(),
                    request.profile(), request.channelKey(), attributes, now);
            Move opening = planner.opening(initial);
            TurnCommitter.Outcome outcome = committer.phraseAndApply(initial, opening, null, null, null, null, now,
                    s -> { });
            leases.ensureHeld(id);
            store.create(outcome.state(), List.of(outcome.turn()));
            counters.started();
            log.info("{} started (guide {}/{}, style {}, language {})", id, guide.id(), guide.revision(),
                    style.code(), language.code());
            notifier.started(outcome.state(), outcome.turn());
            return new Reply(outcome.state(), outcome.turn(), List.of(), false);
        } catch (ConcurrentTurnException e) {
            // A concurrent start with the same idempotency key won; answer with its opening.
            return ReplyRecovery.pendingReply(turns.load(id), true);
        } catch (InterviewException e) {
            throw e;
        } catch (RuntimeException e) {
            throw TurnRunner.unexpected(id, "start", e);
        }
    }
}
