package dev.interviewagent.core.internal.brain;

import dev.interviewagent.core.internal.guard.OneQuestionGuard;
import dev.interviewagent.core.internal.guard.QuestionFingerprint;
import dev.interviewagent.core.internal.text.QuestionSentences;
import java.util.List;
import java.util.Map;

/**
 * The search over the combinations of slot variants. Combinations are walked in an order drawn from the request's
 * seeded random, so the same request always yields the same message while different interviews get different
 * ones; the walk is bounded ({@link #MAX_COMBINATIONS}, {@link #LOOK_AHEAD}) because the product of the slots'
 * variants can run to millions.
 */
final class MessageSearch {

    /** How many combinations the search inspects at most for one message. */
    static final int MAX_COMBINATIONS = 20_000;
    /** After a usable message is found, how many more combinations are inspected for a better one. */
    static final int LOOK_AHEAD = 400;

    private final OneQuestionGuard guard;

    MessageSearch(OneQuestionGuard guard) {
        this.guard = guard;
    }

    /**
     * The slots' variants rendered once per quote budget: {@code [budget][slot][variant]}. Composing a candidate is
     * then only a join, so the composer can afford to walk many combinations.
     */
    private String[][][] prerender(PhraseContext ctx, List<SlotPlan.Slot> slots, Map<String, String> values) {
        int[] budgets = MessageFitter.budgets(ctx);
        String[][][] rendered = new String[budgets.length][slots.size()][];
        for (int b = 0; b < budgets.length; b++) {
            Map<String, String> filled = MessageFitter.filled(ctx, values, budgets[b]);
            for (int i = 0; i < slots.size(); i++) {
                List<String> variants = slots.get(i).variants();
                rendered[b][i] = new String[variants.size()];
                for (int v = 0; v < variants.size(); v++) {
                    String variant = variants.get(v);
                    rendered[b][i][v] = variant.isEmpty() ? "" : MessageFitter.render(variant, filled);
                }
            }
        }
        return rendered;
    }

    /**
     * The message: the first combination, in the request's seeded order, that was never asked in this interview,
     * asks exactly one question (none when closing), fits the length target and whose question slot was not
     * asked before; failing that, the first that fits, the first at all, or a repeat made distinct.
     */
    String choose(PhraseContext ctx, List<SlotPlan.Slot> slots, Map<String, String> values) {
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
        int max = ctx.style().maxQuestionChars();
        int expected = ctx.move().type().asksQuestion() ? 1 : 0;

        String good = null;
        String fallback = null;
        int inspectedAfterGood = 0;
        for (int i = 0; i < count; i++) {
            int j = i + ctx.random().nextInt(count - i);
            int pick = order[j];
            order[j] = order[i];
            order[i] = pick;
            int[] choice = decode(pick, radices);

            String message = MessageFitter.fit(rendered, choice, max);
            if (ctx.asked().contains(QuestionFingerprint.of(message))
                    || QuestionSentences.overused(ctx.request().interview().memory(), message)) {
                continue;
            }
            boolean withinLength = max <= 0 || message.length() <= max;
            boolean fresh = freshQuestion[choice[questionSlot]];
            if (fallback == null || (withinLength && (good == null || fresh))) {
                if (guard.countQuestions(message, ctx.language()) != expected) {
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
    private String lastResort(PhraseContext ctx, List<SlotPlan.Slot> slots, Map<String, String> values,
                              String[][][] rendered, int[] radices, int count) {
        int max = ctx.style().maxQuestionChars();
        int expected = ctx.move().type().asksQuestion() ? 1 : 0;
        List<String> leads = VariantPools.eligible(ctx.t().variants("distinct"), values);
        for (int i = 0; i < Math.min(count, LOOK_AHEAD); i++) {
            String base = MessageFitter.fit(rendered, decode(i, radices), max);
            if (guard.countQuestions(base, ctx.language()) != expected) {
                continue;
            }
            for (String lead : leads) {
                String message = PhraseTemplates.render(lead, values) + " " + base;
                if (!ctx.asked().contains(QuestionFingerprint.of(message))) {
                    return message;
                }
            }
        }
        String base = MessageFitter.fit(rendered, new int[slots.size()], max);
        return base + " " + PhraseTemplates.render(ctx.t().text("distinct_last"), values);
    }

    private static boolean usedBefore(PhraseContext ctx, String question) {
        String fp = QuestionFingerprint.of(question);
        if (fp.isEmpty()) {
            return false;
        }
        for (String asked : ctx.asked()) {
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
}
