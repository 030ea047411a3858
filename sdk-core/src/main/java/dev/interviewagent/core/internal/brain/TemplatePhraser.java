package dev.interviewagent.core.internal.brain;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.analysis.Engagement;
import dev.interviewagent.core.brain.OneQuestionGuard;
import dev.interviewagent.core.brain.QuestionFingerprint;
import dev.interviewagent.core.channel.ChannelControl;
import dev.interviewagent.core.guide.InterviewStyle;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.i18n.Messages;
import dev.interviewagent.core.internal.planner.Fragments;
import dev.interviewagent.core.internal.text.QuestionSentences;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.core.spi.Move;
import dev.interviewagent.core.spi.MoveType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Composes one interviewer message from {@link PhraseTemplates}: a message is a sequence of slots (emoji, mood,
 * acknowledgement, announcement or bridge, break offer, recall, question), each filled with one variant. The
 * composer walks the combinations in an order drawn from a seed derived from the interview id, the turn number and
 * the move, so the same request always yields the same message, and skips any combination whose fingerprint was
 * already asked in the interview or that breaks the one-question rule or the style's length target.
 *
 * <p>Stateless apart from the immutable templates; thread-safe.
 */
public final class TemplatePhraser {

    /** How many combinations the composer inspects at most for one message. */
    static final int MAX_COMBINATIONS = 20_000;
    /** After a usable message is found, how many more combinations are inspected for a better one. */
    static final int LOOK_AHEAD = 400;

    private static final int[] QUOTE_BUDGETS = {160, 120};
    private static final int[] SHORT_QUOTE_BUDGETS = {80, 60, 44, 30, 20};
    private static final int INSIGHT_BUDGET = 160;
    private static final int SHORT_INSIGHT_BUDGET = 48;
    private static final int MAX_INSIGHTS = 7;

    private static final Pattern SPACE_BEFORE_NEWLINE = Pattern.compile("[ \\t]+\\n");
    private static final Pattern SPACE_AFTER_NEWLINE = Pattern.compile("\\n[ \\t]+");
    private static final Pattern LIST_MARKER = Pattern.compile("^(?:\\d{1,2}[.)]|[-•*–—])\\s*");
    private static final Pattern QUOTE_MARKS = Pattern.compile("[«»“”„\"]");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\s,;:.–—-]+|[\\s,;:.–—-]+$");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,;:.–—-]+$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final Map<Language, PhraseTemplates> templates;
    private final Map<Language, Messages> messages;
    private final OneQuestionGuard guard;
    private final long seed;

    public TemplatePhraser(Map<Language, PhraseTemplates> templates, long seed) {
        this.templates = Map.copyOf(templates);
        Map<Language, Messages> strings = new HashMap<>();
        for (Language language : this.templates.keySet()) {
            strings.put(language, Messages.forLanguage(language));
        }
        this.messages = Map.copyOf(strings);
        this.guard = OneQuestionGuard.create();
        this.seed = seed;
    }

    /** One slot of a message and the variants that may fill it. */
    private record Slot(String name, List<String> variants) {
    }

    /** Everything about the request that the composer needs, resolved once. */
    private record Context(BrainRequest request, PhraseTemplates t, Messages strings, Language language,
                           Move move, InterviewStyle style, Engagement engagement, SplittableRandom random,
                           Set<String> asked, boolean shortStyle) {
    }

    /** Phrases the request's move. */
    public String phrase(BrainRequest request) {
        Language language = request.interview().language();
        PhraseTemplates t = templates.get(language);
        if (t == null) {
            throw new IllegalStateException("no brain templates for " + language.code());
        }
        Move move = request.move();
        InterviewStyle style = request.style();
        AnswerAnalysis analysis = request.analysis();
        Engagement engagement = analysis == null ? Engagement.MEDIUM : analysis.engagement();
        SplittableRandom random = new SplittableRandom(mix(seed, request.interview().id().value().hashCode(),
                request.turnNumber(), move.type().ordinal()));
        boolean shortStyle = style.maxQuestionChars() > 0 && style.maxQuestionChars() <= 240;
        Context ctx = new Context(request, t, messages.get(language), language, move, style, engagement, random,
                new HashSet<>(request.interview().askedQuestions()), shortStyle);

        Map<String, String> values = values(ctx);
        List<Slot> slots = slots(ctx, values);
        return choose(ctx, slots, values);
    }

    // ---------------------------------------------------------------------------------------------- values

    private Map<String, String> values(Context ctx) {
        Move move = ctx.move;
        BrainRequest request = ctx.request;
        Map<String, String> values = new LinkedHashMap<>();
        String name = request.interview().profile().expertName();
        if (name != null) {
            boolean always = move.type() == MoveType.OPEN || move.type() == MoveType.CLOSE;
            if (always || ctx.random.nextInt(3) == 0) {
                values.put("name", name);
            }
        }
        Stage stage = move.stage();
        values.put("stage_name", ctx.strings.stageName(stage));
        values.put("stage_index", Integer.toString(stage.index()));
        values.put("stage_count", Integer.toString(Stage.values().length));
        values.put("emoji", ctx.strings.stageEmoji(stage));
        values.put("turn", Integer.toString(request.turnNumber()));
        String goal = request.stage().goal(ctx.language);
        if (goal != null && !goal.isBlank()) {
            goal = goal.strip();
            values.put("stage_goal", endsWithTerminal(goal) ? goal : goal + ".");
            values.put("stage_goal_lc", lowerFirst(values.get("stage_goal")));
        }
        if (request.stage().minExamples() > 0) {
            values.put("min_examples", Integer.toString(request.stage().minExamples()));
        }
        if (move.fromStage() != null) {
            values.put("from_stage_name", ctx.strings.stageName(move.fromStage()));
        }
        String seedQuestion = seedQuestion(ctx);
        if (seedQuestion != null) {
            values.put("seed", seedQuestion);
            values.put("seed_lc", lowerFirst(seedQuestion));
        }
        String missing = missing(ctx);
        if (missing != null) {
            values.put("missing", missing);
        }
        String finishEarly = finishEarly(ctx, values);
        if (finishEarly != null) {
            values.put("finish_early", finishEarly);
        }
        // quote, recall and insights are rendered per length budget; here they only mark availability
        if (quoteSource(ctx) != null) {
            values.put("quote", "");
        }
        if (move.recall() != null && !move.recall().quote().isBlank()) {
            values.put("recall", "");
        }
        if (anchorSource(ctx) != null) {
            values.put("anchor", "");
        }
        if (!move.insights().isEmpty()) {
            values.put("insights", "");
        }
        return values;
    }

    private @Nullable String seedQuestion(Context ctx) {
        String seedQuestion = ctx.move.seedQuestion();
        if (seedQuestion != null && !seedQuestion.isBlank()) {
            return seedQuestion.strip();
        }
        MoveType type = ctx.move.type();
        if (type != MoveType.OPEN && type != MoveType.NEW_TOPIC && type != MoveType.NEXT_STAGE) {
            return null;
        }
        List<String> seeds = ctx.request.stage().seeds(ctx.language);
        List<String> unused = new ArrayList<>();
        for (String s : seeds) {
            String fp = QuestionFingerprint.of(s);
            if (ctx.asked.stream().noneMatch(asked -> asked.contains(fp))) {
                unused.add(s);
            }
        }
        List<String> from = unused.isEmpty() ? seeds : unused;
        return from.get(type == MoveType.OPEN ? 0 : ctx.random.nextInt(from.size()));
    }

    /**
     * The sentence that says how to finish early on the interview's channel, from
     * {@code controls.finish_early.<command|button|key|none>}: it names the channel's own command, button or key,
     * or, for a channel that named none (a host without channel, a REST client), no control at all. Drawn with its
     * own random, so the rest of the message is chosen as before.
     */
    private @Nullable String finishEarly(Context ctx, Map<String, String> values) {
        ChannelControl control = ctx.request.interview().controls().finishEarly();
        Map<String, String> names = new HashMap<>(values);
        String kind = "none";
        if (control.named()) {
            String label = control.label(ctx.language);
            switch (control.kind()) {
                case COMMAND -> names.put("command", label);
                case BUTTON -> names.put("button", ctx.t.text("quote.open") + label + ctx.t.text("quote.close"));
                default -> names.put("key", label);
            }
            kind = control.kind().name().toLowerCase(Locale.ROOT);
        }
        List<String> sentences = pool(ctx, "controls.finish_early." + kind, names);
        if (sentences.isEmpty() && control.named()) {
            sentences = pool(ctx, "controls.finish_early.none", names);   // custom templates without this kind
        }
        if (sentences.isEmpty()) {
            return null;
        }
        SplittableRandom random = new SplittableRandom(mix(seed, ctx.request.interview().id().value().hashCode(),
                ctx.request.turnNumber(), -1));
        return PhraseTemplates.render(sentences.get(random.nextInt(sentences.size())), names);
    }

    private @Nullable String missing(Context ctx) {
        List<String> words = new ArrayList<>();
        for (String code : ctx.move.missing()) {
            List<String> word = ctx.t.variants("missing." + code);
            if (!word.isEmpty()) {
                words.add(word.get(0));
            }
        }
        return words.isEmpty() ? null : joinList(ctx.t, words);
    }

    private static String joinList(PhraseTemplates t, List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        String last = t.text("list.last");
        return String.join(t.text("list.separator"), items.subList(0, items.size() - 1)) + last
                + items.get(items.size() - 1);
    }

    private static @Nullable String quoteSource(Context ctx) {
        Move move = ctx.move;
        if (move.quote() != null && !move.quote().isBlank()) {
            return move.quote();
        }
        AnswerAnalysis analysis = ctx.request.analysis();
        if (move.type() == MoveType.CLARIFY_VAGUE && analysis != null && analysis.isEvasive()) {
            // The first vague phrase not quoted before: the same words are never quoted twice.
            for (String phrase : analysis.evasivePhrases()) {
                if (!ctx.request.interview().memory().wasQuoted(Fragments.normalise(phrase))) {
                    return phrase;
                }
            }
            return null;
        }
        String lastAnswer = ctx.request.lastAnswer();
        if ((move.type() == MoveType.SUMMARY_CHECK || move.type() == MoveType.CONTRADICTION)
                && lastAnswer != null && !lastAnswer.isBlank()) {
            return firstSentence(lastAnswer);
        }
        return null;
    }

    /** The move's anchor, unless those words were already quoted in this interview (each fragment once). */
    private static @Nullable String anchorSource(Context ctx) {
        String anchor = ctx.move.anchor();
        if (anchor == null || anchor.isBlank()
                || ctx.request.interview().memory().wasQuoted(Fragments.normalise(anchor))) {
            return null;
        }
        return anchor;
    }

    private static String firstSentence(String text) {
        String s = text.strip();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == '\n') && i > 20) {
                return s.substring(0, i);
            }
        }
        return s;
    }

    // ---------------------------------------------------------------------------------------------- slots

    /** Fewer words than this, and nothing concrete in them, is a flat answer. */
    private static final int FLAT_ANSWER_WORDS = 4;

    private List<Slot> slots(Context ctx, Map<String, String> values) {
        MoveType type = ctx.move.type();
        InterviewStyle style = ctx.style;
        List<Slot> slots = new ArrayList<>();
        boolean low = ctx.engagement == Engagement.LOW && ctx.request.analysis() != null;
        // "The energy is dipping" is said to a few flat words, never to a concise expert: a short answer that
        // names what they do is full engagement, and a remark on their energy at every turn would wear anyone out.
        boolean flat = low && ctx.request.analysis().wordCount() < FLAT_ANSWER_WORDS
                && !ctx.request.analysis().isConcrete();

        if (style.stageEmoji() && (type == MoveType.OPEN || type == MoveType.NEXT_STAGE
                || type == MoveType.MEMBER_CHECK)) {
            slots.add(new Slot("emoji", List.of("{emoji}")));
        }
        if (style.moodTracking()) {
            String mood = switch (type) {
                case RECOVER_REFUSAL -> "mood.refusal";
                case RECOVER_DISCOMFORT -> "mood.discomfort";
                case REDIRECT -> "mood.redirect";
                case CLOSE, OPEN -> null;
                default -> flat ? "mood.low" : null;
            };
            if (mood != null) {
                slots.add(required("mood", ctx.t.variants(mood), values));
            }
        }
        switch (type) {
            case OPEN -> {
                slots.add(required("intro", pool(ctx, "moves.open_intro", values), values));
                if (style.announceStages()) {
                    slots.add(required("announce", pool(ctx, "announce", values), values));
                }
                slots.add(required("question", pool(ctx, "moves.open", values), values));
            }
            case CLOSE -> {
                String reason = Objects.requireNonNull(ctx.move.closeReason(), "closeReason").code();
                slots.add(required("close", pool(ctx, "close." + reason, values), values));
            }
            case NEXT_STAGE -> {
                addAck(ctx, slots, values, low);
                if (style.announceStages()) {
                    slots.add(required("announce", pool(ctx, "announce", values), values));
                } else {
                    slots.add(required("bridge", pool(ctx, "bridge", values), values));
                }
                Stage from = ctx.move.fromStage();
                if (style.offerBreaks() && (low || from == Stage.OPERATIONS || from == Stage.FAILURE_MODES)) {
                    slots.add(required("break", pool(ctx, "break", values), values));
                }
                addRecall(ctx, slots, values);
                List<String> questions = pool(ctx, "moves.next_stage", values);
                slots.add(required("question", opensTopicWithRecall(ctx, values) ? bareSeed(questions) : questions,
                        values));
            }
            case MEMBER_CHECK -> {
                addAck(ctx, slots, values, false);
                String key = values.containsKey("insights") ? "moves.member_check" : "moves.member_check_empty";
                slots.add(required("question", pool(ctx, key, values), values));
            }
            default -> {
                addAck(ctx, slots, values, low);
                if (usesRecallLead(type)) {
                    addRecall(ctx, slots, values);
                }
                if (type == MoveType.NEW_TOPIC && values.containsKey("missing")) {
                    slots.add(optional("missing", ctx.t.variants("lead.missing"), values));
                }
                List<String> questions = preferring(pool(ctx, questionPool(ctx), values), preferred(type), values);
                slots.add(required("question", opensTopicWithRecall(ctx, values) ? bareSeed(questions) : questions,
                        values));
            }
        }
        return slots;
    }

    /** The question pool of a move; an example request in a stage that already has a story asks for another one. */
    private static String questionPool(Context ctx) {
        MoveType type = ctx.move.type();
        if (type == MoveType.PROBE_CUE && "tacit_again".equals(ctx.move.acknowledge())) {
            return "moves.probe_cue_again";   // the same feeling asked about from another side
        }
        if (type == MoveType.PROBE_CUE && "tacit".equals(ctx.move.acknowledge())) {
            return "moves.probe_cue_tacit";   // "you just know": what is it they notice
        }
        if (type == MoveType.DEEPEN_EXAMPLE) {
            Stage stage = ctx.move.stage();
            boolean storyHere = ctx.request.interview().progress(stage).examples() > 0
                    || ctx.request.interview().memory().episodes().stream().anyMatch(e -> e.stage() == stage);
            if (storyHere) {
                return "moves.deepen_example_another";
            }
        }
        return "moves." + type.code();
    }

    /** Placeholders a move's question should use whenever they have a value (the quote of a vague phrase …). */
    private static List<String> preferred(MoveType type) {
        return switch (type) {
            case CLARIFY_VAGUE, SUMMARY_CHECK -> List.of("quote");
            case CONTRADICTION -> List.of("recall", "quote");
            case ACKNOWLEDGE_GAP -> List.of("seed");
            case PROBE_CUE, PROBE_DECISION, PROBE_BASIS, PROBE_STEP, DEEPEN_EXAMPLE -> List.of("anchor");
            default -> List.of();
        };
    }

    /** Keeps the variants that use the most of the {@code preferred} placeholders that have values. */
    private static List<String> preferring(List<String> variants, List<String> preferred,
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

    private static boolean usesRecallLead(MoveType type) {
        return switch (type) {
            case NEW_TOPIC, DEEPEN_EXAMPLE, DEEPEN_STEPS, DEEPEN_NUMBERS, DEEPEN_INSIGHT, CLARIFY_VAGUE -> true;
            default -> false;
        };
    }

    private void addRecall(Context ctx, List<Slot> slots, Map<String, String> values) {
        if (values.containsKey("recall")) {
            String base = opensTopicWithRecall(ctx, values) ? "recall_topic" : "recall";
            slots.add(required("recall", pool(ctx, base, values), values));
        }
    }

    /** A topic-opening move with a recall bridges from the earlier words straight into the bare seed question. */
    private static boolean opensTopicWithRecall(Context ctx, Map<String, String> values) {
        MoveType type = ctx.move.type();
        return values.containsKey("recall") && values.containsKey("seed")
                && (type == MoveType.NEW_TOPIC || type == MoveType.NEXT_STAGE);
    }

    /** Only the variants that are the seed itself, when there are any. */
    private static List<String> bareSeed(List<String> variants) {
        List<String> bare = variants.stream().filter(v -> v.equals("{seed}") || v.equals("{seed_lc}")).toList();
        return bare.isEmpty() ? variants : bare;
    }

    private void addAck(Context ctx, List<Slot> slots, Map<String, String> values, boolean low) {
        MoveType type = ctx.move.type();
        String acknowledge = ctx.move.acknowledge();
        String own = switch (type) {
            case RECOVER_REFUSAL -> "acks.refusal";
            case RECOVER_DISCOMFORT -> "acks.discomfort";
            case ACKNOWLEDGE_GAP -> "acks.gap";
            case REDIRECT -> "acks.redirect";
            default -> null;
        };
        if (own != null) {
            slots.add(required("ack", pool(ctx, own, values), values));
            return;
        }
        if (acknowledge != null && !ctx.t.variants("acks." + acknowledge + ".default").isEmpty()) {
            slots.add(required("ack", pool(ctx, "acks." + acknowledge, values), values));
            return;
        }
        String answered = ctx.request.lastAnswer();
        if (answered != null && ctx.request.analysis() != null && Hesitation.in(answered)) {
            // "take your time" belongs after an answer that hesitates, and only there
            slots.add(required("ack", pool(ctx, "acks.hesitation", values), values));
            return;
        }
        if (low) {
            slots.add(required("ack", pool(ctx, "acks.low", values), values));
            return;
        }
        if (ctx.request.analysis() == null && type != MoveType.NEXT_STAGE) {
            return;
        }
        List<String> variants = new ArrayList<>();
        String base = switch (type) {
            case CONTRADICTION -> "acks.contradiction";
            case SUMMARY_CHECK -> "acks.long";
            case MEMBER_CHECK -> "acks.member";
            default -> "acks.general";
        };
        AnswerAnalysis analysis = ctx.request.analysis();
        if (analysis != null && base.equals("acks.general")) {
            // Name what the answer carried (the story, the mistake, the steps, the figures), not a generic thanks.
            if (analysis.hasExample()) {
                variants.addAll(pool(ctx, "acks.example", values));
            } else if (analysis.hasFailure() && analysis.hasFix()) {
                variants.addAll(pool(ctx, "acks.failure", values));
            } else if (analysis.hasSteps()) {
                variants.addAll(pool(ctx, "acks.steps", values));
            } else if (analysis.hasNumbers()) {
                variants.addAll(pool(ctx, "acks.numbers", values));
            } else if (ctx.engagement == Engagement.HIGH) {
                variants.addAll(pool(ctx, "acks.high", values));
            }
        }
        if (variants.isEmpty()) {
            variants.addAll(pool(ctx, base, values));
        }
        slots.add(optional("ack", variants, values));
    }

    /**
     * The first non-empty set of eligible variants under {@code base}, looked up by the style and engagement:
     * {@code base.<style>.<low|high>}, {@code base.<low|high>}, {@code base.<style>}, then the style family
     * ({@code telegram} for short styles, {@code conversational} for warm ones) and {@code base.default}.
     */
    private List<String> pool(Context ctx, String base, Map<String, String> values) {
        List<String> keys = new ArrayList<>();
        String style = ctx.style.code();
        String level = ctx.request.analysis() == null ? null : switch (ctx.engagement) {
            case LOW -> "low";
            case HIGH -> "high";
            case MEDIUM -> null;
        };
        if (level != null) {
            keys.add(base + "." + style + "." + level);
            if (ctx.shortStyle) {
                keys.add(base + ".telegram." + level);
            }
            keys.add(base + "." + level);
        }
        keys.add(base + "." + style);
        if (ctx.shortStyle) {
            keys.add(base + ".telegram");
        }
        if (ctx.style.warmBridges()) {
            keys.add(base + ".conversational");
        }
        keys.add(base + ".default");
        keys.add(base);
        for (String key : keys) {
            List<String> eligible = eligible(ctx.t.variants(key), values).stream()
                    .filter(v -> !QuestionSentences.overused(ctx.request.interview().memory(), v)).toList();
            if (!eligible.isEmpty()) {
                return eligible;
            }
        }
        for (String key : keys) {
            List<String> eligible = eligible(ctx.t.variants(key), values);
            if (!eligible.isEmpty()) {
                return eligible;
            }
        }
        return List.of();
    }

    private static List<String> eligible(List<String> variants, Map<String, String> values) {
        List<String> result = new ArrayList<>();
        for (String v : variants) {
            if (PhraseTemplates.eligible(v, values)) {
                result.add(v);
            }
        }
        return result;
    }

    private static Slot required(String name, List<String> variants, Map<String, String> values) {
        List<String> eligible = eligible(variants, values);
        if (eligible.isEmpty()) {
            throw new IllegalStateException("no usable template for slot '" + name + "'");
        }
        return new Slot(name, eligible);
    }

    private static Slot optional(String name, List<String> variants, Map<String, String> values) {
        List<String> result = new ArrayList<>();
        result.add("");
        result.addAll(eligible(variants, values));
        return new Slot(name, result);
    }

    // ---------------------------------------------------------------------------------------------- choosing

    /**
     * The slots' variants rendered once per quote budget: {@code [budget][slot][variant]}. Composing a candidate is
     * then only a join, so the composer can afford to walk many combinations.
     */
    private String[][][] prerender(Context ctx, List<Slot> slots, Map<String, String> values) {
        int[] budgets = budgets(ctx);
        String[][][] rendered = new String[budgets.length][slots.size()][];
        for (int b = 0; b < budgets.length; b++) {
            Map<String, String> filled = filled(ctx, values, budgets[b]);
            for (int i = 0; i < slots.size(); i++) {
                List<String> variants = slots.get(i).variants();
                rendered[b][i] = new String[variants.size()];
                for (int v = 0; v < variants.size(); v++) {
                    rendered[b][i][v] = variants.get(v).isEmpty() ? "" : render(variants.get(v), filled);
                }
            }
        }
        return rendered;
    }

    private String choose(Context ctx, List<Slot> slots, Map<String, String> values) {
        int[] radices = new int[slots.size()];
        long total = 1;
        for (int i = 0; i < slots.size(); i++) {
            radices[i] = slots.get(i).variants().size();
            total = Math.min((long) MAX_COMBINATIONS, total * radices[i]);
        }
        int count = (int) total;
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        String[][][] rendered = prerender(ctx, slots, values);
        int questionSlot = slots.size() - 1;
        boolean[] freshQuestion = new boolean[radices[questionSlot]];
        for (int v = 0; v < freshQuestion.length; v++) {
            freshQuestion[v] = !usedBefore(ctx, rendered[0][questionSlot][v]);
        }
        int max = ctx.style.maxQuestionChars();
        int expected = ctx.move.type().asksQuestion() ? 1 : 0;

        String good = null;
        String fallback = null;
        int inspectedAfterGood = 0;
        for (int i = 0; i < count; i++) {
            int j = i + ctx.random.nextInt(count - i);
            int pick = order[j];
            order[j] = order[i];
            order[i] = pick;
            int[] choice = decode(pick, radices);

            String message = fit(rendered, choice, max);
            if (ctx.asked.contains(QuestionFingerprint.of(message))
                    || QuestionSentences.overused(ctx.request.interview().memory(), message)) {
                continue;
            }
            boolean withinLength = max <= 0 || message.length() <= max;
            boolean fresh = freshQuestion[choice[questionSlot]];
            if (fallback == null || (withinLength && (good == null || fresh))) {
                if (guard.countQuestions(message, ctx.language) != expected) {
                    continue;
                }
            }
            if (fallback == null) {
                fallback = message;
            }
            if (!withinLength) {
                continue;
            }
            if (fresh) {
                return message;
            }
            if (good == null) {
                good = message;
            } else if (++inspectedAfterGood > LOOK_AHEAD) {
                break;
            }
        }
        if (good != null) {
            return good;
        }
        if (fallback != null) {
            return fallback;
        }
        return lastResort(ctx, slots, values, rendered, radices, count);
    }

    /**
     * Every combination was asked before: prefixes a distinguishing lead ("Staying with … for a moment.") to each
     * combination in turn; as the very last resort, appends the turn number, which is unique in an interview.
     */
    private String lastResort(Context ctx, List<Slot> slots, Map<String, String> values, String[][][] rendered,
                              int[] radices, int count) {
        int max = ctx.style.maxQuestionChars();
        int expected = ctx.move.type().asksQuestion() ? 1 : 0;
        List<String> leads = eligible(ctx.t.variants("distinct"), values);
        for (int i = 0; i < Math.min(count, LOOK_AHEAD); i++) {
            String base = fit(rendered, decode(i, radices), max);
            if (guard.countQuestions(base, ctx.language) != expected) {
                continue;
            }
            for (String lead : leads) {
                String message = PhraseTemplates.render(lead, values) + " " + base;
                if (!ctx.asked.contains(QuestionFingerprint.of(message))) {
                    return message;
                }
            }
        }
        String base = fit(rendered, new int[slots.size()], max);
        return base + " " + PhraseTemplates.render(ctx.t.text("distinct_last"), values);
    }

    private static boolean usedBefore(Context ctx, String question) {
        String fp = QuestionFingerprint.of(question);
        if (fp.isEmpty()) {
            return false;
        }
        for (String asked : ctx.asked) {
            if (asked.contains(fp)) {
                return true;
            }
        }
        return false;
    }

    private static int[] decode(int index, int[] radices) {
        int[] choice = new int[radices.length];
        int rest = index;
        for (int i = radices.length - 1; i >= 0; i--) {
            choice[i] = rest % radices[i];
            rest /= radices[i];
        }
        return choice;
    }

    private int[] budgets(Context ctx) {
        return ctx.shortStyle ? SHORT_QUOTE_BUDGETS : QUOTE_BUDGETS;
    }

    /** Joins a combination, with shorter quotes until the message fits the style's length target, if any. */
    private static String fit(String[][][] rendered, int[] choice, int max) {
        String message = "";
        for (String[][] atBudget : rendered) {
            message = compose(atBudget, choice);
            if (max <= 0 || message.length() <= max) {
                return message;
            }
        }
        return message;
    }

    private static String compose(String[][] parts, int[] choice) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i][choice[i]];
            if (part.isBlank()) {
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n' && part.charAt(0) != '\n') {
                out.append(' ');
            }
            out.append(part);
        }
        return out.toString().strip();
    }

    /** The values with the respondent's words (quote, recall, insights) rendered for one length budget. */
    private Map<String, String> filled(Context ctx, Map<String, String> values, int budget) {
        Map<String, String> filled = new HashMap<>(values);
        String source = quoteSource(ctx);
        if (source != null) {
            filled.put("quote", quoted(ctx.t, source, budget));
        }
        Interview.Recall recall = ctx.move.recall();
        if (recall != null && !recall.quote().isBlank()) {
            filled.put("recall", quoted(ctx.t, recall.quote(), budget));
        }
        String anchor = anchorSource(ctx);
        if (anchor != null) {
            filled.put("anchor", quoted(ctx.t, anchor, budget));
        }
        if (!ctx.move.insights().isEmpty()) {
            filled.put("insights", insights(ctx, budget));
        }
        return filled;
    }

    private static String render(String template, Map<String, String> filled) {
        String text = PhraseTemplates.render(template, filled);
        if (text.indexOf('\n') >= 0) {
            text = SPACE_BEFORE_NEWLINE.matcher(text).replaceAll("\n");
            text = SPACE_AFTER_NEWLINE.matcher(text).replaceAll("\n");
        }
        return capitaliseFirst(text);
    }

    private String insights(Context ctx, int quoteBudget) {
        int budget = ctx.shortStyle ? Math.min(SHORT_INSIGHT_BUDGET, quoteBudget + 10) : INSIGHT_BUDGET;
        StringBuilder out = new StringBuilder("\n");
        List<String> items = ctx.move.insights();
        int n = Math.min(items.size(), MAX_INSIGHTS);
        for (int i = 0; i < n; i++) {
            String item = LIST_MARKER.matcher(clean(items.get(i))).replaceFirst("")
                    .replace("?", "").replace("？", "");
            out.append(i + 1).append(". ").append(truncate(item, budget, ctx.t.text("ellipsis"))).append('\n');
        }
        return out.toString();
    }

    /** The respondent's words in the language's quotation marks, cleaned and cut to {@code budget} characters. */
    static String quoted(PhraseTemplates t, String text, int budget) {
        String cleaned = EDGE_PUNCTUATION.matcher(QUOTE_MARKS.matcher(clean(text)).replaceAll("")).replaceAll("");
        return t.text("quote.open") + truncate(cleaned, budget, t.text("ellipsis")) + t.text("quote.close");
    }

    private static String clean(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    static String truncate(String text, int budget, String ellipsis) {
        if (text.length() <= budget) {
            return text;
        }
        int cut = text.lastIndexOf(' ', budget - 1);
        if (cut < budget / 2) {
            cut = budget - 1;
        }
        return TRAILING_PUNCTUATION.matcher(text.substring(0, cut)).replaceAll("") + ellipsis;
    }

    private static String capitaliseFirst(String text) {
        if (text.isEmpty() || !Character.isLowerCase(text.charAt(0))) {
            return text;
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Lower-cases the first letter, for text that continues a sentence ("Для начала: что …"), unless it is an acronym. */
    private static String lowerFirst(String text) {
        if (text.length() < 2 || !Character.isUpperCase(text.charAt(0)) || Character.isUpperCase(text.charAt(1))) {
            return text;
        }
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static boolean endsWithTerminal(String text) {
        char last = text.charAt(text.length() - 1);
        return last == '.' || last == '!' || last == '…';
    }

    private static long mix(long seed, int interview, int turn, int move) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        h = (h ^ interview) * 0xBF58476D1CE4E019L;
        h = (h ^ turn) * 0x94D049BB133111EBL;
        h = (h ^ move) * 0xBF58476D1CE4E019L;
        return h ^ (h >>> 31);
    }
}
