package dev.interviewagent.bench.drill.harness;

import dev.interviewagent.bench.drill.load.Ledger;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.spi.InterviewStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads back what the servers stored for every interview of a load and holds it against what the respondents were
 * told: each acknowledged answer must be in the turn log exactly once (by its {@code clientMessageId}, and no
 * answer text twice), and every interview must have ended (each respondent ended its own) or at least wait with a
 * question for its respondent. Also counts the interviewer turns the offline brain phrased in place of the
 * configured one ({@code fallback}).
 */
public final class StoreAudit {

    /**
     * @param stored            acknowledged answers found exactly once
     * @param lost              acknowledged answers not found
     * @param duplicated        answers stored more than once (same id, or the same words under two ids)
     * @param stuck             interviews neither ended nor waiting with a question
     * @param interviewerTurns  questions and closings stored
     * @param fallbackTurns     of those, phrased by the offline brain because the configured one failed
     * @param findings          the first few problems, for the report
     */
    public record Result(long stored, long lost, long duplicated, long stuck, long interviewerTurns,
                         long fallbackTurns, List<String> findings) {
    }

    private StoreAudit() {
    }

    public static Result audit(InterviewStore store, Ledger ledger) {
        long stored = 0;
        long lost = 0;
        long duplicated = 0;
        long stuck = 0;
        long interviewerTurns = 0;
        long fallbackTurns = 0;
        List<String> findings = new ArrayList<>();
        for (Ledger.InterviewLog log : ledger.interviews()) {
            InterviewId id = InterviewId.of(log.interviewId);
            Optional<Interview> state = store.load(id);
            if (state.isEmpty()) {
                lost += log.acknowledged().size();
                findings.add(log.interviewId + " is not in the store");
                continue;
            }
            List<Turn> turns = store.turns(id);
            Map<String, Integer> byId = new HashMap<>();
            Map<String, Integer> byText = new HashMap<>();
            for (Turn t : turns) {
                if (t.isRespondent() && t.kind() == Turn.Kind.ANSWER) {
                    if (t.messageId() != null) {
                        byId.merge(t.messageId().value(), 1, Integer::sum);
                    }
                    byText.merge(t.text(), 1, Integer::sum);
                } else if (!t.isRespondent()) {
                    interviewerTurns++;
                    if (t.fallback()) {
                        fallbackTurns++;
                    }
                }
            }
            for (Map.Entry<String, String> acked : log.acknowledged().entrySet()) {
                int n = byId.getOrDefault(acked.getKey(), 0);
                if (n == 0) {
                    lost++;
                    findings.add(log.interviewId + ": acknowledged answer " + acked.getKey() + " not stored");
                } else {
                    stored++;
                }
            }
            for (Map.Entry<String, Integer> e : byId.entrySet()) {
                if (e.getValue() > 1) {
                    duplicated += e.getValue() - 1;
                    findings.add(log.interviewId + ": answer " + e.getKey() + " stored " + e.getValue() + " times");
                }
            }
            for (Map.Entry<String, Integer> e : byText.entrySet()) {
                if (e.getValue() > 1 && log.script.codeWord() != null && e.getKey().contains(log.script.codeWord())) {
                    duplicated += e.getValue() - 1;
                    findings.add(log.interviewId + ": the same answer text stored " + e.getValue() + " times");
                }
            }
            Interview interview = state.get();
            boolean waiting = interview.pendingQuestion() != null
                    && !turns.isEmpty() && !turns.get(turns.size() - 1).isRespondent();
            if (interview.isActive() && !waiting) {
                stuck++;
                findings.add(log.interviewId + " is active with no question waiting (last turn "
                        + (turns.isEmpty() ? "none" : turns.get(turns.size() - 1).kind()) + ")");
            } else if (interview.isActive() && log.completed()) {
                stuck++;
                findings.add(log.interviewId + " was reported completed to its respondent but is still active");
            }
        }
        return new Result(stored, lost, duplicated, stuck, interviewerTurns, fallbackTurns, findings);
    }
}
