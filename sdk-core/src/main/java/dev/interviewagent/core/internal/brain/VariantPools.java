package dev.interviewagent.core.internal.brain;

import dev.interviewagent.core.internal.text.QuestionSentences;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a slot's variants come from: the template keys tried for a base key, from the most particular (this style,
 * this engagement) to the most general, so a template pack can tune one style without repeating the others.
 * Variants the interview has already heard too often are passed over while others remain.
 */
final class VariantPools {

    private VariantPools() {
    }

    /**
     * The first non-empty set of eligible variants under {@code base}, looked up by the style and engagement:
     * {@code base.<style>.<low|high>}, {@code base.<low|high>}, {@code base.<style>}, then the style family
     * ({@code telegram} for short styles, {@code conversational} for warm ones) and {@code base.default}.
     */
    static List<String> pool(PhraseContext ctx, String base, Map<String, String> values) {
        List<String> keys = new ArrayList<>();
        String style = ctx.style().code();
        String level = ctx.request().analysis() == null ? null : switch (ctx.engagement()) {
            case LOW -> "low";
            case HIGH -> "high";
            case MEDIUM -> null;
        };
        if (level != null) {
            keys.add(base + "." + style + "." + level);
            if (ctx.shortStyle()) {
                keys.add(base + ".telegram." + level);
            }
            keys.add(base + "." + level);
        }
        keys.add(base + "." + style);
        if (ctx.shortStyle()) {
            keys.add(base + ".telegram");
        }
        if (ctx.style().warmBridges()) {
            keys.add(base + ".conversational");
        }
        keys.add(base + ".default");
        keys.add(base);
        for (String key : keys) {
            List<String> eligible = eligible(ctx.t().variants(key), values).stream()
                    .filter(v -> !QuestionSentences.overused(ctx.request().interview().memory(), v)).toList();
            if (!eligible.isEmpty()) {
                return eligible;
            }
        }
        for (String key : keys) {
            List<String> eligible = eligible(ctx.t().variants(key), values);
            if (!eligible.isEmpty()) {
                return eligible;
            }
        }
        return List.of();
    }

    static List<String> eligible(List<String> variants, Map<String, String> values) {
        List<String> result = new ArrayList<>();
        for (String v : variants) {
            if (PhraseTemplates.eligible(v, values)) {
                result.add(v);
            }
        }
        return result;
    }
}
