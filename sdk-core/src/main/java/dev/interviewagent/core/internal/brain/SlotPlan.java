package dev.interviewagent.core.internal.brain;

import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.analysis.Engagement;
import dev.interviewagent.core.guide.InterviewStyle;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.internal.text.PackWords;
import dev.interviewagent.core.spi.MoveType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The plan of a message: which slots it has (emoji, mood, acknowledgement, announcement or bridge, break offer,
 * recall, question) and which variants may fill each. Which template key a move uses is data (the tables below);
 * the order of the slots per kind of move is code, since it depends on the style and on what the answer carried.
 */
final class SlotPlan {

    /** One slot of a message and the variants that may fill it; an optional slot has the empty variant. */
    record Slot(String name, List<String> variants) {
    }

    /** Fewer words than this, and nothing concrete in them, is a flat answer. */
    private static final int FLAT_ANSWER_WORDS = 4;

    /** The mood line a move opens with when the style tracks mood; other moves get one only after a flat answer. */
    private static final Map<MoveType, String> MOOD_KEYS = new EnumMap<>(Map.of(
            MoveType.RECOVER_REFUSAL, "mood.refusal",
            MoveType.RECOVER_DISCOMFORT, "mood.discomfort",
            MoveType.REDIRECT, "mood.redirect"));
    /** Moves that never open with a mood line: the greeting and the farewell set their own tone. */
    private static final Set<MoveType> NO_MOOD = EnumSet.of(MoveType.CLOSE, MoveType.OPEN);
    /** Moves with an acknowledgement of their own, whatever the answer carried. */
    private static final Map<MoveType, String> OWN_ACK_KEYS = new EnumMap<>(Map.of(
            MoveType.RECOVER_REFUSAL, "acks.refusal",
            MoveType.RECOVER_DISCOMFORT, "acks.discomfort",
            MoveType.ACKNOWLEDGE_GAP, "acks.gap",
            MoveType.REDIRECT, "acks.redirect"));
    /** The general acknowledgement of a move, when nothing more particular applies. */
    private static final Map<MoveType, String> ACK_BASE_KEYS = new EnumMap<>(Map.of(
            MoveType.CONTRADICTION, "acks.contradiction",
            MoveType.SUMMARY_CHECK, "acks.long",
            MoveType.MEMBER_CHECK, "acks.member"));
    private static final String GENERAL_ACK = "acks.general";
    /** Placeholders a move's question should use whenever they have a value (the quote of a vague phrase …). */
    private static final Map<MoveType, List<String>> PREFERRED_PLACEHOLDERS = new EnumMap<>(Map.of(
            MoveType.CLARIFY_VAGUE, List.of("quote"),
            MoveType.SUMMARY_CHECK, List.of("quote"),
            MoveType.CONTRADICTION, List.of("recall", "quote"),
            MoveType.ACKNOWLEDGE_GAP, List.of("seed"),
            MoveType.PROBE_CUE, List.of("anchor"),
            MoveType.PROBE_DECISION, List.of("anchor"),
            MoveType.PROBE_BASIS, List.of("anchor"),
            MoveType.PROBE_STEP, List.of("anchor"),
            MoveType.DEEPEN_EXAMPLE, List.of("anchor")));
    /** Moves whose question may be led by a recall of the respondent's earlier words. */
    private static final Set<MoveType> RECALL_LEAD_MOVES = EnumSet.of(MoveType.NEW_TOPIC, MoveType.DEEPEN_EXAMPLE,
            MoveType.DEEPEN_STEPS, MoveType.DEEPEN_NUMBERS, MoveType.DEEPEN_INSIGHT, MoveType.CLARIFY_VAGUE);

    /** A story of learning a skill: the {@code learned} lists of the packs' {@code patterns.json}. */
    private static final String LEARNED = "learned";
    private static final int LEARNED_FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE
            | Pattern.UNICODE_CHARACTER_CLASS;

    private SlotPlan() {
    }

    /** The slots of the message for the request's move, in message order; the question is always last. */
    static List<Slot> of(PhraseContext ctx, Map<String, String> values) {
        MoveType type = ctx.move().type();
        InterviewStyle style = ctx.style();
        List<Slot> slots = new ArrayList<>();
        boolean low = ctx.engagement() == Engagement.LOW && ctx.request().analysis() != null;
        // "The energy is dipping" is said to a few flat words, never to a concise expert: a short answer that
        // names what they do is full engagement, and a remark on their energy at every turn would wear anyone out.
        boolean flat = low && ctx.request().analysis().wordCount() < FLAT_ANSWER_WORDS
                && !ctx.request().analysis().isConcrete();

        if (style.stageEmoji() && (type == MoveType.OPEN || type == MoveType.NEXT_STAGE
                || type == MoveType.MEMBER_CHECK)) {
            slots.add(new Slot("emoji", List.of("{emoji}")));
        }
        if (style.moodTracking()) {
            String mood = MOOD_KEYS.getOrDefault(type, flat && !NO_MOOD.contains(type) ? "mood.low" : null);
            if (mood != null) {
                slots.add(required("mood", ctx.t().variants(mood), values));
            }
        }
        switch (type) {
            case OPEN -> {
                slots.add(required("intro", VariantPools.pool(ctx, "moves.open_intro", values), values));
                if (style.announceStages()) {
                    slots.add(required("announce", VariantPools.pool(ctx, "announce", values), values));
                }
                slots.add(required("question", VariantPools.pool(ctx, "moves.open", values), values));
            }
            case CLOSE -> {
                String reason = Objects.requireNonNull(ctx.move().closeReason(), "closeReason").code();
                slots.add(required("close", VariantPools.pool(ctx, "close." + reason, values), values));
            }
            case NEXT_STAGE -> {
                addAck(ctx, slots, values, low);
                if (style.announceStages()) {
                    slots.add(required("announce", VariantPools.pool(ctx, "announce", values), values));
                } else {
                    slots.add(required("bridge", VariantPools.pool(ctx, "bridge", values), values));
                }
                Stage from = ctx.move().fromStage();
                if (style.offerBreaks() && (low || from == Stage.OPERATIONS || from == Stage.FAILURE_MODES)) {
                    slots.add(required("break", VariantPools.pool(ctx, "break", values), values));
                }
                addRecall(ctx, slots, values);
                List<String> questions = VariantPools.pool(ctx, "moves.next_stage", values);
                slots.add(required("question", opensTopicWithRecall(ctx, values) ? bareSeed(questions) : questions,
                        values));
            }
            case MEMBER_CHECK -> {
                addAck(ctx, slots, values, false);
                String key = values.containsKey("insights") ? "moves.member_check" : "moves.member_check_empty";
                slots.add(required("question", VariantPools.pool(ctx, key, values), values));
            }
            default -> {
                addAck(ctx, slots, values, low);
                if (RECALL_LEAD_MOVES.contains(type)) {
                    addRecall(ctx, slots, values);
                }
                if (type == MoveType.NEW_TOPIC && values.containsKey("missing")) {
                    slots.add(optional("missing", ctx.t().variants("lead.missing"), values));
                }
                List<String> questions = preferring(VariantPools.pool(ctx, questionPool(ctx), values),
                        PREFERRED_PLACEHOLDERS.getOrDefault(type, List.of()), values);
                slots.add(required("question", opensTopicWithRecall(ctx, values) ? bareSeed(questions) : questions,
                        values));
            }
        }
        return slots;
    }

    /** The question pool of a move; an example request in a stage that already has a story asks for another one. */
    static String questionPool(PhraseContext ctx) {
        MoveType type = ctx.move().type();
        if (type == MoveType.PROBE_CUE && "tacit_again".equals(ctx.move().acknowledge())) {
            return "moves.probe_cue_again";   // the same feeling asked about from another side
        }
        if (type == MoveType.PROBE_CUE && "tacit".equals(ctx.move().acknowledge())) {
            return "moves.probe_cue_tacit";   // "you just know": what is it they notice
        }
        if (type == MoveType.PROBE_CUE && ctx.move().stage() == Stage.GROWTH_PATH
                && !ctx.t().variants("moves.probe_cue_growth.default").isEmpty()) {
            // A turning point of a career: what it taught, not "what did you notice first" ("I got my first ship");
            // a skill learned ("I learned to hold the arc"): how they knew they had it.
            String anchor = ctx.move().anchor();
            return anchor != null && PackWords.sharedPattern(ctx.language(), LEARNED, LEARNED_FLAGS).matcher(anchor).find()
                    && !ctx.t().variants("moves.probe_cue_learned.default").isEmpty()
                    ? "moves.probe_cue_learned" : "moves.probe_cue_growth";
        }
        if (type == MoveType.PROBE_FAILURE && ctx.move().missing().size() == 1) {
            String key = "moves.probe_failure_" + ctx.move().missing().get(0);   // the detail still unknown
            if (!ctx.t().variants(key + ".default").isEmpty()) {
                return key;
            }
        }
        // only with words not quoted before: every variant of that pool quotes them
        if (type == MoveType.DEEPEN_EXAMPLE && ctx.move().stage() == Stage.GROWTH_PATH
                && PlaceholderValues.anchorSource(ctx) != null
                && !ctx.t().variants("moves.deepen_example_growth.default").isEmpty()) {
            return "moves.deepen_example_growth";   // one of the turning points just listed: what happened then
        }
        if (type == MoveType.DEEPEN_EXAMPLE) {
            Stage stage = ctx.move().stage();
            boolean storyHere = ctx.request().interview().progress(stage).examples() > 0
                    || ctx.request().interview().memory().episodes().stream().anyMatch(e -> e.stage() == stage);
            if (storyHere) {
                return "moves.deepen_example_another";
            }
        }
        return "moves." + type.code();
    }

    /** Keeps the variants that use the most of the {@code preferred} placeholders that have values. */
    static List<String> preferring(List<String> variants, List<String> preferred,
                                           Map<String, String> values) {
        if (preferred.isEmpty()) {
            return variants;
        }
        int best = -1;
        List<String> result = new ArrayList<>();
        for (String v : variants) {
            List<String> used = PhraseTemplates.placeholders(v);
            int score = 0;
            for (String p : preferred) {
                if (values.containsKey(p) && (used.contains(p) || used.contains(p + "_lc"))) {
                    score++;
                }
            }
            if (score > best) {
                best = score;
                result.clear();
            }
            if (score == best) {
                result.add(v);
            }
        }
        return result;
    }

    static void addRecall(PhraseContext ctx, List<Slot> slots, Map<String, String> values) {
        if (values.containsKey("recall")) {
            String base = opensTopicWithRecall(ctx, values) ? "recall_topic" : "recall";
            slots.add(required("recall", VariantPools.pool(ctx, base, values), values));
        }
    }

    /** A topic-opening move with a recall bridges from the earlier words straight into the bare seed question. */
    static boolean opensTopicWithRecall(PhraseContext ctx, Map<String, String> values) {
        MoveType type = ctx.move().type();
        return values.containsKey("recall") && values.containsKey("seed")
                && (type == MoveType.NEW_TOPIC || type == MoveType.NEXT_STAGE);
    }

    /** Only the variants that are the seed itself, when there are any. */
    static List<String> bareSeed(List<String> variants) {
        List<String> bare = variants.stream().filter(v -> v.equals("{seed}") || v.equals("{seed_lc}")).toList();
        return bare.isEmpty() ? variants : bare;
    }

    static void addAck(PhraseContext ctx, List<Slot> slots, Map<String, String> values, boolean low) {
        MoveType type = ctx.move().type();
        String acknowledge = ctx.move().acknowledge();
        String own = OWN_ACK_KEYS.get(type);
        if (own != null) {
            slots.add(required("ack", VariantPools.pool(ctx, own, values), values));
            return;
        }
        if (acknowledge != null && !ctx.t().variants("acks." + acknowledge + ".default").isEmpty()) {
            slots.add(required("ack", VariantPools.pool(ctx, "acks." + acknowledge, values), values));
            return;
        }
        String answered = ctx.request().lastAnswer();
        if (answered != null && ctx.request().analysis() != null && Hesitation.in(answered, ctx.language())) {
            // "take your time" belongs after an answer that hesitates, and only there
            slots.add(required("ack", VariantPools.pool(ctx, "acks.hesitation", values), values));
            return;
        }
        if (low) {
            slots.add(required("ack", VariantPools.pool(ctx, "acks.low", values), values));
            return;
        }
        if (ctx.request().analysis() == null && type != MoveType.NEXT_STAGE) {
            return;
        }
        List<String> variants = new ArrayList<>();
        String base = ACK_BASE_KEYS.getOrDefault(type, GENERAL_ACK);
        AnswerAnalysis analysis = ctx.request().analysis();
        if (analysis != null && base.equals(GENERAL_ACK)) {
            // Name what the answer carried (the story, the mistake, the steps, the figures), not a generic thanks.
            if (analysis.hasExample()) {
                variants.addAll(VariantPools.pool(ctx, "acks.example", values));
            } else if (analysis.hasFailure() && analysis.hasFix()) {
                variants.addAll(VariantPools.pool(ctx, "acks.failure", values));
            } else if (analysis.hasSteps()) {
                variants.addAll(VariantPools.pool(ctx, "acks.steps", values));
            } else if (analysis.hasNumbers()) {
                variants.addAll(VariantPools.pool(ctx, "acks.numbers", values));
            } else if (ctx.engagement() == Engagement.HIGH) {
                variants.addAll(VariantPools.pool(ctx, "acks.high", values));
            }
        }
        if (variants.isEmpty()) {
            variants.addAll(VariantPools.pool(ctx, base, values));
        }
        slots.add(optional("ack", variants, values));
    }

    static Slot required(String name, List<String> variants, Map<String, String> values) {
        List<String> eligible = VariantPools.eligible(variants, values);
        if (eligible.isEmpty()) {
            throw new IllegalStateException("no usable template for slot '" + name + "'");
        }
        return new Slot(name, eligible);
    }

    static Slot optional(String name, List<String> variants, Map<String, String> values) {
        List<String> result = new ArrayList<>();
        result.add("");
        result.addAll(VariantPools.eligible(variants, values));
        return new Slot(name, result);
    }
}
