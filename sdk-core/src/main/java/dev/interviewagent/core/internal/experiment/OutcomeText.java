package dev.interviewagent.core.internal.experiment;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.experiment.Figure;
import dev.interviewagent.core.experiment.OutcomeReport.Comparison;
import dev.interviewagent.core.experiment.OutcomeReport.Estimate;
import dev.interviewagent.core.internal.text.Bundles;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;

/**
 * The words and numbers of the outcome report in one language: figure labels, formatted values and intervals, and
 * the plain-words verdict of a comparison. The style codes it is given are put in as they are; the Markdown renderer
 * escapes them first.
 */
public final class OutcomeText {

    private final ResourceBundle labels;
    private final Locale locale;

    private OutcomeText(Language language) {
        this.locale = language.locale();
        this.labels = Bundles.load("dev.interviewagent.core.experiment.labels", locale,
                OutcomeText.class.getClassLoader(), name -> OutcomeText.class.getResourceAsStream(name));
    }

    /** The texts in {@code language}. */
    public static OutcomeText of(Language language) {
        return new OutcomeText(language);
    }

    /** A label, formatted with {@code args} (MessageFormat, also without arguments: {@code ''} is one quote). */
    public String label(String key, Object... args) {
        return new MessageFormat(labels.getString(key), locale).format(args);
    }

    /** The figure's name for a table row. */
    public String figure(Figure figure) {
        return label("figure." + figure.code());
    }

    /** The value alone: {@code 68 %} or {@code 7.2}; a dash without one. */
    public String value(Estimate estimate) {
        Double value = estimate.value();
        if (value == null) {
            return "—";
        }
        return estimate.figure().kind() == Figure.Kind.PROPORTION ? percent(value) + " %" : number(value);
    }

    /** A table cell: value, interval and count, e.g. {@code 68 % (15/22) [47–84 %]} or {@code 7.2 [6.5–7.9] · n = 22}. */
    public String cell(Estimate estimate) {
        if (estimate.value() == null) {
            return "— · n = 0";
        }
        boolean proportion = estimate.figure().kind() == Figure.Kind.PROPORTION;
        StringBuilder cell = new StringBuilder(value(estimate));
        if (proportion) {
            cell.append(" (").append(estimate.successes()).append('/').append(estimate.n()).append(')');
        }
        Double low = estimate.low();
        Double high = estimate.high();
        if (low != null && high != null) {
            cell.append(" [").append(proportion ? percent(low) : number(low)).append('–')
                    .append(proportion ? percent(high) + " %" : number(high)).append(']');
        }
        if (!proportion) {
            cell.append(" · n = ").append(estimate.n());
        }
        return cell.toString();
    }

    /** The p-value with its sign: {@code p = 0.012}, or {@code p < 0.001}. */
    public String p(double pValue) {
        return pValue < 0.001 ? "p < " + String.format(locale, "%.3f", 0.001)
                : "p = " + String.format(locale, "%.3f", pValue);
    }

    /**
     * The verdict of a comparison in plain words.
     *
     * @param a       the estimate of {@code comparison.styleA()}
     * @param b       the estimate of {@code comparison.styleB()}
     * @param styleA  style A as it should appear in the text
     * @param styleB  style B as it should appear in the text
     */
    public String summary(Comparison comparison, Estimate a, Estimate b, String styleA, String styleB,
                          int minimumPerGroup) {
        String figure = label("inline." + comparison.figure().code());
        return switch (comparison.verdict()) {
            case TOO_FEW -> label("verdict.too_few", figure, styleA, styleB, Integer.toString(a.n()),
                    Integer.toString(b.n()), Integer.toString(minimumPerGroup));
            case NOT_SIGNIFICANT -> label("verdict.not_significant", figure, styleA, styleB, value(a), value(b),
                    p(pValue(comparison)), Boolean.TRUE.equals(comparison.intervalsOverlap())
                            ? label("verdict.overlap") : "");
            case DIFFERENT -> {
                boolean aHigher = styleOf(comparison).equals(comparison.styleA());
                yield label(comparison.figure().higherIsBetter() ? "verdict.better" : "verdict.higher", aHigher
                        ? styleA : styleB, figure, value(aHigher ? a : b), value(aHigher ? b : a),
                        p(pValue(comparison)), test(comparison.test()));
            }
        };
    }

    /** The name of a test by its code. */
    public String test(@Nullable String code) {
        return code == null ? "" : label("test." + code);
    }

    private static String styleOf(Comparison comparison) {
        String higher = comparison.higher();
        if (higher == null) {
            throw new IllegalArgumentException("a difference names the higher style");
        }
        return higher;
    }

    private static double pValue(Comparison comparison) {
        Double p = comparison.pValue();
        if (p == null) {
            throw new IllegalArgumentException("a tested comparison has a p-value");
        }
        return p;
    }

    private String percent(double share) {
        return String.format(locale, "%.0f", share * 100);
    }

    private String number(double value) {
        return String.format(locale, "%.1f", value);
    }
}
