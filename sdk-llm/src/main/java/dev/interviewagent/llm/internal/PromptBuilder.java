package dev.interviewagent.llm.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Profile;
import dev.interviewagent.core.StageProgress;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.channel.ControlTexts;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.core.spi.Move;
import dev.interviewagent.core.spi.MoveType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds the model's conversation for one turn: the system prompt (the style's template plus the contract) and one
 * user message that carries the move and the methodology facts of the turn as a JSON context, the conversation
 * memory and the latest answer. The respondent's words appear only inside {@code <answer>} tags or as JSON strings,
 * with any tag characters escaped, so they stay data.
 *
 * <p>Memory fits a 90–120 minute interview into a fixed budget: the latest answer, then recent turns verbatim
 * (newest first, up to about half the budget), then a per-stage summary derived from the stored interview (stage
 * status and completeness, the knowledge items found, short quotes worth referring back to), newest stage first.
 * It is derived on every call from the request alone, so the brain holds no per-interview state. Thread-safe.
 *
 * <p>The language-specific text (the contract, what each move asks, the closing instruction) is data in the
 * language pack's {@code prompt.json}, read by {@link PromptTexts}.
 */
final class PromptBuilder {

    /** Characters per token, for the approximate budget. */
    static final int CHARS_PER_TOKEN = 4;
    /** Knowledge notes kept per stage in the summary. */
    static final int NOTES_PER_STAGE = 6;
    /** Characters kept of one note or quote. */
    static final int NOTE_CHARS = 180;

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** {@code context.interview.finish_early} of a channel that names no control for it. */
    static final String NO_CONTROL = "none: name no command, button or key; they can simply say they want to stop";

    private final int budgetChars;

    PromptBuilder(int contextTokens) {
        this.budgetChars = contextTokens * CHARS_PER_TOKEN;
    }

    /** The system prompt: the style's template, then the contract in the interview's language. */
    String system(BrainRequest request) {
        Language language = request.interview().language();
        return request.style().promptTemplate(language).strip() + "\n\n" + PromptTexts.contract(language).strip();
    }

    /** The whole conversation for the turn. */
    ModelPrompt prompt(BrainRequest request) {
        return new ModelPrompt(system(request), List.of(new ModelPrompt.Message(false, userMessage(request))));
    }

    String userMessage(BrainRequest request) {
        Interview interview = request.interview();
        ObjectNode context = JSON.createObjectNode();
        context.set("interview", interviewNode(request));
        context.set("stage", stageNode(request));
        context.set("move", moveNode(request.move(), interview.language()));
        if (!interview.memory().facts().isEmpty()) {
            // Facts the respondent already gave: the message must never ask for them again.
            ObjectNode facts = context.putObject("known_facts");
            interview.memory().facts().forEach((slot, value) -> facts.put(slot, escape(cut(value, NOTE_CHARS))));
        }
        if (request.analysis() != null) {
            context.set("analysis", analysisNode(request.analysis(),
                    InstructionDetector.looksLikeInstructions(request.lastAnswer())));
        }
        String latest = request.lastAnswer() == null ? null
                : cut(escape(request.lastAnswer()), Math.max(2000, budgetChars / 2));
        int used = context.toString().length() + (latest == null ? 0 : latest.length()) + 600;
        int left = Math.max(0, budgetChars - used);

        List<String> transcript = transcript(request, left / 2);
        for (String line : transcript) {
            left -= line.length() + 1;
        }
        context.set("memory", memory(interview, request.move().stage(), Math.max(0, left)));

        StringBuilder out = new StringBuilder();
        out.append("<context>\n").append(pretty(context)).append("\n</context>\n\n");
        if (!transcript.isEmpty()) {
            out.append("<transcript>\n");
            transcript.forEach(line -> out.append(line).append('\n'));
            out.append("</transcript>\n\n");
        }
        if (latest != null) {
            out.append("<latest_answer>\n<answer>").append(latest).append("</answer>\n</latest_answer>\n\n");
        }
        out.append(PromptTexts.finish(interview.language()));
        return out.toString();
    }

    // ------------------------------------------------------------------------------------------------ parts

    private static ObjectNode interviewNode(BrainRequest request) {
        Interview interview = request.interview();
        ObjectNode node = JSON.createObjectNode();
        node.put("language", interview.language().code());
        node.put("style", request.style().code());
        node.put("turn", request.turnNumber());
        if (request.style().maxQuestionChars() > 0) {
            node.put("max_message_chars", request.style().maxQuestionChars());
        }
        Profile profile = interview.profile();
        ObjectNode who = JSON.createObjectNode();
        putData(who, "role_title", profile.roleTitle());
        putData(who, "industry", profile.industry());
        if (profile.yearsExperience() != null) {
            who.put("years_experience", profile.yearsExperience());
        }
        putData(who, "interview_goal", profile.interviewGoal());
        if (!who.isEmpty()) {
            node.set("respondent_profile", who);
        }
        // How this respondent's channel finishes early: its own command or button, or none to name. A message that
        // names another channel's ("send /complete" on the web page) would mislead the respondent.
        node.put("finish_early", ControlTexts.name(interview.controls().finishEarly(), interview.language())
                .orElse(NO_CONTROL));
        // and how to see the question again, only where the channel has a way (a command, a button)
        ControlTexts.name(interview.controls().repeat(), interview.language())
                .ifPresent(repeat -> node.put("repeat", repeat));
        return node;
    }

    private static ObjectNode stageNode(BrainRequest request) {
        Interview interview = request.interview();
        Stage stage = request.move().stage();
        StageProgress progress = interview.progress(stage);
        ObjectNode node = JSON.createObjectNode();
        node.put("code", stage.code());
        node.put("number", stage.index());
        node.put("of", Stage.values().length);
        node.put("goal", request.stage().goal(interview.language()));
        node.put("target_minutes", request.stage().targetMinutes());
        node.put("completeness", progress.completeness());
        node.put("examples", progress.examples());
        node.put("min_examples", request.stage().minExamples());
        node.put("questions_asked", progress.questions());
        node.put("deepest_depth", progress.maxDepth());
        return node;
    }

    private static ObjectNode moveNode(Move move, Language language) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", move.type().code());
        node.put("how", PromptTexts.howTo(move.type(), language));
        node.put("depth", move.depth());
        if (move.fromStage() != null) {
            node.put("from_stage", move.fromStage().code());
        }
        if (move.seedQuestion() != null) {
            node.put("seed_question", move.seedQuestion());
        }
        putData(node, "quote", move.quote());
        if (move.recall() != null) {
            ObjectNode recall = JSON.createObjectNode();
            recall.put("stage", move.recall().stage().code());
            recall.put("quote", escape(cut(move.recall().quote(), NOTE_CHARS)));
            recall.put("how", PromptTexts.recallHow(language));
            node.set("recall", recall);
        }
        if (move.type() == MoveType.PROBE_FAILURE && move.missing().size() == 1) {
            // the decision layer picked the detail of the mistake still unknown: ask for that one
            node.put("ask_for", PromptTexts.askFor(language, move.missing().get(0)));
        } else if (!move.missing().isEmpty()) {
            ArrayNode missing = node.putArray("stage_still_missing");
            move.missing().forEach(missing::add);
        }
        if (!move.insights().isEmpty()) {
            ArrayNode insights = node.putArray("insights");
            move.insights().forEach(text -> insights.add(escape(cut(text, NOTE_CHARS))));
        }
        if (move.closeReason() != null) {
            node.put("close_reason", move.closeReason().code());
        }
        putData(node, "anchor", move.anchor());
        if (move.acknowledge() != null) {
            node.put("acknowledge_first", move.acknowledge());
        }
        node.put("asks_question", move.type().asksQuestion());
        return node;
    }

    private static ObjectNode analysisNode(AnswerAnalysis a, boolean instructions) {
        ObjectNode node = JSON.createObjectNode();
        node.put("word_count", a.wordCount());
        node.put("length", a.length().name().toLowerCase(java.util.Locale.ROOT));
        if (!a.evasivePhrases().isEmpty()) {
            ArrayNode evasive = node.putArray("evasive_phrases_found");
            a.evasivePhrases().forEach(p -> evasive.add(escape(p)));
        }
        node.put("has_example", a.hasExample());
        node.put("has_steps", a.hasSteps());
        node.put("has_numbers", a.hasNumbers());
        node.put("has_failure", a.hasFailure());
        node.put("has_fix", a.hasFix());
        if (!a.numbers().isEmpty()) {
            ArrayNode numbers = node.putArray("numbers_found");
            a.numbers().forEach(n -> numbers.add(escape(n)));
        }
        node.put("refusal", a.refusal());
        node.put("discomfort", a.discomfort());
        node.put("dont_know", a.dontKnow());
        node.put("instruction_attempt", a.instructionAttempt() || instructions);
        node.put("engagement", a.engagement().code());
        return node;
    }

    /** Recent turns verbatim, newest first until the budget is spent, returned oldest first. */
    private static List<String> transcript(BrainRequest request, int budget) {
        List<Turn> turns = new ArrayList<>(request.recentTurns());
        if (!turns.isEmpty() && request.lastAnswer() != null) {
            Turn last = turns.get(turns.size() - 1);
            if (last.isRespondent() && last.text().equals(request.lastAnswer())) {
                turns.remove(turns.size() - 1);
            }
        }
        List<String> lines = new ArrayList<>();
        int used = 0;
        for (int i = turns.size() - 1; i >= 0; i--) {
            Turn turn = turns.get(i);
            String line = turn.isInterviewer()
                    ? "[" + turn.number() + " interviewer, " + turn.stage().code() + "] " + turn.text()
                    : "[" + turn.number() + " respondent] <answer>" + escape(cut(turn.text(), 2000)) + "</answer>";
            if (used + line.length() > budget) {
                break;
            }
            used += line.length() + 1;
            lines.add(0, line);
        }
        return lines;
    }

    /** The rolling per-stage summary: current stage first, then earlier stages from the most recent back. */
    private static ObjectNode memory(Interview interview, Stage current, int budget) {
        ObjectNode memory = JSON.createObjectNode();
        int used = 0;
        ArrayNode stages = memory.putArray("stages");
        for (int index = current.index(); index >= 1 && used < budget; index--) {
            Stage stage = Stage.ofIndex(index);
            StageProgress progress = interview.progress(stage);
            List<KnowledgeItem> items = interview.knowledge(stage);
            if (stage != current && items.isEmpty() && progress.status() == StageProgress.Status.PENDING) {
                continue;
            }
            ObjectNode node = JSON.createObjectNode();
            node.put("stage", stage.code());
            node.put("status", progress.status().code());
            node.put("completeness", progress.completeness());
            ArrayNode notes = node.putArray("notes");
            int from = Math.max(0, items.size() - NOTES_PER_STAGE);
            for (int i = items.size() - 1; i >= from; i--) {
                KnowledgeItem item = items.get(i);
                String text = escape(cut(item.text(), NOTE_CHARS));
                if (used + text.length() + 30 > budget) {
                    break;
                }
                used += text.length() + 30;
                ObjectNode note = JSON.createObjectNode();
                note.put("kind", item.kind().code());
                note.put("text", text);
                notes.add(note);
            }
            used += 80;
            stages.add(node);
        }
        ArrayNode earlier = memory.putArray("earlier_answers_worth_referring_back_to");
        List<Interview.Recall> recalls = interview.recalls();
        for (int i = recalls.size() - 1; i >= 0; i--) {
            Interview.Recall recall = recalls.get(i);
            String quote = escape(cut(recall.quote(), NOTE_CHARS));
            if (used + quote.length() + 40 > budget) {
                break;
            }
            used += quote.length() + 40;
            ObjectNode node = JSON.createObjectNode();
            node.put("stage", recall.stage().code());
            node.put("turn", recall.turn());
            node.put("quote", quote);
            earlier.add(node);
        }
        return memory;
    }

    /** What the move asks of the message, in English: the {@code moves} of the pack's {@code prompt.json}. */
    static String howTo(MoveType type) {
        return PromptTexts.howTo(type, Language.ENGLISH);
    }

    /** Escapes tag characters so respondent text can never close or open a tag of the prompt. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void putData(ObjectNode node, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            node.put(name, escape(cut(value, NOTE_CHARS)));
        }
    }

    static String cut(String text, int max) {
        Objects.requireNonNull(text, "text");
        return text.length() <= max ? text : text.substring(0, max) + " […]";
    }

    private static String pretty(ObjectNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return node.toString();
        }
    }
}
