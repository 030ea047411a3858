package dev.interviewagent.core.internal.brain;

import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.channel.ChannelControl;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.internal.guard.QuestionFingerprint;
import dev.interviewagent.core.internal.planner.Fragments;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.core.spi.Move;
import dev.interviewagent.core.spi.MoveType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Fills the placeholders of the templates ({@code {name}}, {@code {stage_name}}, {@code {seed}}, {@code {quote}} …)
 * from the request. The respondent's own words (quote, recall, anchor, insights) are only marked as present here:
 * {@link MessageFitter} renders them per length budget, since how much of them fits depends on the rest of the
 * message.
 */
final class PlaceholderValues {

    private PlaceholderValues() {
    }

    /** The placeholder values of the request; the respondent's words only mark here that they are there. */
    static Map<String, String> of(PhraseContext ctx) {
        Move move = ctx.move();
        BrainRequest request = ctx.request();
        Map<String, String> values = new LinkedHashMap<>();
        String name = request.interview().profile().expertName();
        if (name != null) {
            boolean always = move.type() == MoveType.OPEN || move.type() == MoveType.CLOSE;
            if (always || ctx.random().nextInt(3) == 0) {
                values.put("name", name);
            }
        }
        Stage stage = move.stage();
        values.put("stage_name", ctx.strings().stageName(stage));
        values.put("stage_index", Integer.toString(stage.index()));
        values.put("stage_count", Integer.toString(Stage.values().length));
        values.put("emoji", ctx.strings().stageEmoji(stage));
        values.put("turn", Integer.toString(request.turnNumber()));
        String goal = request.stage().goal(ctx.language());
        if (goal != null && !goal.isBlank()) {
            goal = goal.strip();
            values.put("stage_goal", endsWithTerminal(goal) ? goal : goal + ".");
            values.put("stage_goal_lc", lowerFirst(values.get("stage_goal")));
        }
        if (request.stage().minExamples() > 0) {
            values.put("min_examples", Integer.toString(request.stage().minExamples()));
        }
        if (move.fromStage() != null) {
            values.put("from_stage_name", ctx.strings().stageName(move.fromStage()));
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

    static @Nullable String seedQuestion(PhraseContext ctx) {
        String seedQuestion = ctx.move().seedQuestion();
        if (seedQuestion != null && !seedQuestion.isBlank()) {
            return seedQuestion.strip();
        }
        MoveType type = ctx.move().type();
        if (type != MoveType.OPEN && type != MoveType.NEW_TOPIC && type != MoveType.NEXT_STAGE) {
            return null;
        }
        List<String> seeds = ctx.request().stage().seeds(ctx.language());
        List<String> unused = new ArrayList<>();
        for (String s : seeds) {
            String fp = QuestionFingerprint.of(s);
            if (ctx.asked().stream().noneMatch(asked -> asked.contains(fp))) {
                unused.add(s);
            }
        }
        List<String> from = unused.isEmpty() ? seeds : unused;
        return from.get(type == MoveType.OPEN ? 0 : ctx.random().nextInt(from.size()));
    }

    /**
     * The sentence that says how to finish early on the interview's channel, from
     * {@code controls.finish_early.<command|button|key|none>}: it names the channel's own command, button or key,
     * or, for a channel that named none (a host without channel, a REST client), no control at all. A channel that
     * names a way to see the question again ({@code controls.repeat.<kind>}) gets that sentence after it; one that
     * names none gets nothing more. Drawn with its own random, so the rest of the message is chosen as before.
     */
    static @Nullable String finishEarly(PhraseContext ctx, Map<String, String> values) {
        ChannelControl control = ctx.request().interview().controls().finishEarly();
        String finishEarly = sentence(ctx, values, "controls.finish_early.", control, true, -1);
        if (finishEarly == null) {
            return null;
        }
        String repeat = sentence(ctx, values, "controls.repeat.", ctx.request().interview().controls().repeat(),
                false, -2);
        return repeat == null ? finishEarly : finishEarly + " " + repeat;
    }

    /**
     * One sentence of the pool {@code prefix + kind} naming {@code control}; for an unnamed control (or templates
     * without its kind) the {@code none} pool if {@code orNone}, else null.
     */
    private static @Nullable String sentence(PhraseContext ctx, Map<String, String> values, String prefix,
                                             ChannelControl control, boolean orNone, int salt) {
        if (!control.named() && !orNone) {
            return null;
        }
        Map<String, String> names = new HashMap<>(values);
        String kind = "none";
        if (control.named()) {
            String label = control.label(ctx.language());
            switch (control.kind()) {
                case COMMAND -> names.put("command", label);
                case BUTTON -> names.put("button", ctx.t().text("quote.open") + label + ctx.t().text("quote.close"));
                default -> names.put("key", label);
            }
            kind = control.kind().name().toLowerCase(Locale.ROOT);
        }
        List<String> sentences = VariantPools.pool(ctx, prefix + kind, names);
        if (sentences.isEmpty() && control.named() && orNone) {
            // custom templates without this kind
            sentences = VariantPools.pool(ctx, prefix + "none", names);
        }
        if (sentences.isEmpty()) {
            return null;
        }
        SplittableRandom random = new SplittableRandom(PhraseContext.mix(ctx.seed(),
                ctx.request().interview().id().value().hashCode(), ctx.request().turnNumber(), salt));
        return PhraseTemplates.render(sentences.get(random.nextInt(sentences.size())), names);
    }

    static @Nullable String missing(PhraseContext ctx) {
        List<String> words = new ArrayList<>();
        for (String code : ctx.move().missing()) {
            List<String> word = ctx.t().variants("missing." + code);
            if (!word.isEmpty()) {
                words.add(word.get(0));
            }
        }
        return words.isEmpty() ? null : joinList(ctx.t(), words);
    }

    private static String joinList(PhraseTemplates t, List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        String last = t.text("list.last");
        return String.join(t.text("list.separator"), items.subList(0, items.size() - 1)) + last
                + items.get(items.size() - 1);
    }

    static @Nullable String quoteSource(PhraseContext ctx) {
        Move move = ctx.move();
        if (move.quote() != null && !move.quote().isBlank()) {
            return move.quote();
        }
        AnswerAnalysis analysis = ctx.request().analysis();
        if (move.type() == MoveType.CLARIFY_VAGUE && analysis != null && analysis.isEvasive()) {
            // The first vague phrase not quoted before: the same words are never quoted twice.
            for (String phrase : analysis.evasivePhrases()) {
                if (!ctx.request().interview().memory().wasQuoted(Fragments.normalise(phrase))) {
                    return phrase;
                }
            }
            return null;
        }
        String lastAnswer = ctx.request().lastAnswer();
        if ((move.type() == MoveType.SUMMARY_CHECK || move.type() == MoveType.CONTRADICTION)
                && lastAnswer != null && !lastAnswer.isBlank()) {
            return firstSentence(lastAnswer);
        }
        return null;
    }

    /** The move's anchor, unless those words were already quoted in this interview (each fragment once). */
    static @Nullable String anchorSource(PhraseContext ctx) {
        String anchor = ctx.move().anchor();
        if (anchor == null || anchor.isBlank()
                || ctx.request().interview().memory().wasQuoted(Fragments.normalise(anchor))) {
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
}
