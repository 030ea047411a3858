package dev.interviewagent.persistence.internal;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewMemory;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import dev.interviewagent.persistence.PiiRedactor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Applies a {@link PiiRedactor} to the respondent's words in turns and in the interview state. */
public final class Redaction {

    private Redaction() {
    }

    public static Turn turn(PiiRedactor redactor, Turn turn) {
        if (redactor == PiiRedactor.NONE || !turn.isRespondent()) {
            return turn;
        }
        String text = redactor.redact(turn.text());
        if (text.equals(turn.text())) {
            return turn;
        }
        return new Turn(turn.number(), turn.role(), turn.kind(), text, turn.stage(), turn.modality(), turn.at(),
                turn.confidence(), turn.messageId(), turn.replyTo(), turn.move(), turn.depth(), turn.phrasedBy(),
                turn.fallback());
    }

    /** The state with knowledge items (text, steps, attributes) and recall quotes redacted. */
    public static Interview state(PiiRedactor redactor, Interview s) {
        if (redactor == PiiRedactor.NONE) {
            return s;
        }
        List<KnowledgeItem> knowledge = new ArrayList<>(s.knowledge().size());
        for (KnowledgeItem item : s.knowledge()) {
            List<String> steps = item.steps().stream().map(redactor::redact).toList();
            Map<String, String> attributes = new LinkedHashMap<>();
            item.attributes().forEach((k, v) -> attributes.put(k, redactor.redact(v)));
            String text = redactor.redact(item.text());
            knowledge.add(new KnowledgeItem(item.kind(), text.isBlank() ? "[redacted]" : text, item.stage(),
                    item.turn(), item.source(), steps, attributes));
        }
        List<Interview.Recall> recalls = s.recalls().stream()
                .map(r -> new Interview.Recall(r.stage(), r.turn(), redactor.redact(r.quote()))).toList();
        return new Interview(s.id(), s.version(), s.status(), s.language(), s.style(), s.guideId(), s.guideRevision(),
                s.profile(), s.channelKey(), s.stage(), s.stages(), knowledge, s.turnCount(), s.pendingQuestion(),
                s.askedQuestions(), recalls, s.memberCheck(), s.engagement(), s.closeReason(), s.attributes(),
                s.createdAt(), s.updatedAt(), s.endedAt(), memory(redactor, s.memory()));
    }

    /** The interview memory with the respondent's words in it (facts, story anchors and cues, quotes) redacted. */
    private static InterviewMemory memory(PiiRedactor redactor, InterviewMemory m) {
        Map<String, String> facts = new LinkedHashMap<>();
        m.facts().forEach((slot, value) -> facts.put(slot, redactor.redact(value)));
        List<InterviewMemory.Episode> episodes = m.episodes().stream()
                .map(e -> new InterviewMemory.Episode(e.turn(), e.stage(), redactor.redact(e.anchor()),
                        e.cues().stream().map(redactor::redact).toList(), e.probes()))
                .toList();
        List<String> quoted = m.quoted().stream().map(redactor::redact).toList();
        return new InterviewMemory(facts, episodes, quoted, m.sentences(), m.fatigueInRow(), m.tacitProbes(),
                m.pauseOffered(), m.probedTurns());
    }
}
