package dev.interviewagent.core.internal.experiment;

import org.jspecify.annotations.Nullable;

/**
 * The few statistics the outcome report needs: 95 % intervals (Wilson for proportions, Student's t for means) and
 * two-sided tests (two-proportion z-test, Fisher's exact test, Welch's t-test). Small and self-contained because the
 * SDK has no statistics library; every function is checked against SciPy's values in {@code StatisticsTest}.
 *
 * <p>The special functions follow Numerical Recipes (3rd ed., §6.1–6.4): the Lanczos log-gamma (g = 7, nine
 * coefficients), the incomplete gamma function by series or continued fraction, the incomplete beta function by
 * Lentz's continued fraction. Accuracy is about 1e-12, far below what a verdict at the 5 % level needs.
 */
public final class Statistics {

    /** The two-sided 97.5 % quantile of the standard normal distribution (95 % intervals). */
    public static final double Z_95 = 1.959963984540054;
    /** The significance level of every verdict. */
    public static final double ALPHA = 0.05;
    /** The code of the pooled two-proportion z-test. */
    public static final String Z_TEST = "two_proportion_z";
    /** The code of Fisher's exact test. */
    public static final String FISHER = "fisher_exact";
    /** The code of Welch's t-test. */
    public static final String WELCH = "welch_t";

    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
    private static final double EPS = 1e-15;
    private static final double TINY = 1e-300;
    private static final int MAX_ITERATIONS = 10_000;

    private Statistics() {
    }

    /** A closed interval. */
    public record Interval(double low, double high) {
    }

    /** The outcome of a two-sided test: its code, the statistic (null for an exact test) and the p-value. */
    public record TestResult(String test, @Nullable Double statistic, double pValue) {
    }

    // ------------------------------------------------------------------------------------------------ intervals

    /**
     * The Wilson score interval of a proportion at 95 %: unlike the normal ("Wald") interval it stays inside 0–1 and
     * keeps its coverage for small n and proportions near 0 or 1.
     *
     * @throws IllegalArgumentException unless {@code 0 <= successes <= n} and {@code n > 0}
     */
    public static Interval wilson(int successes, int n) {
        if (n <= 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= successes <= n and n > 0, was " + successes + "/" + n);
        }
        double p = (double) successes / n;
        double z2 = Z_95 * Z_95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z_95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /**
     * The 95 % interval of a mean by Student's t: {@code mean ± t(0.975, n-1) · sd / √n}.
     *
     * @throws IllegalArgumentException if {@code n < 2}
     */
    public static Interval meanInterval(double mean, double sd, int n) {
        if (n < 2) {
            throw new IllegalArgumentException("a mean's interval needs n >= 2, was " + n);
        }
        double half = tQuantile975(n - 1) * sd / Math.sqrt(n);
        return new Interval(mean - half, mean + half);
    }

    /** The sample standard deviation (n − 1 in the denominator); 0 for fewer than two values. */
    public static double sd(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / (values.length - 1));
    }

    /** The arithmetic mean; NaN for no values. */
    public static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? Double.NaN : sum / values.length;
    }

    // ------------------------------------------------------------------------------------------------ tests

    /**
     * Compares two proportions, two-sided. The two-proportion z-test (pooled) when every expected cell count is at
     * least 5, where its normal approximation holds; Fisher's exact test otherwise.
     */
    public static TestResult compareProportions(int successes1, int n1, int successes2, int n2) {
        double pooled = (double) (successes1 + successes2) / (n1 + n2);
        boolean largeEnough = Math.min(pooled, 1 - pooled) * Math.min(n1, n2) >= 5;
        return largeEnough ? twoProportionZ(successes1, n1, successes2, n2)
                : fisherExact(successes1, n1 - successes1, successes2, n2 - successes2);
    }

    /** The pooled two-proportion z-test, two-sided. */
    public static TestResult twoProportionZ(int successes1, int n1, int successes2, int n2) {
        double p1 = (double) successes1 / n1;
        double p2 = (double) successes2 / n2;
        double pooled = (double) (successes1 + successes2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        if (se == 0) {
            return new TestResult(Z_TEST, 0.0, 1.0); // all successes or none: no difference
        }
        double z = (p1 - p2) / se;
        return new TestResult(Z_TEST, z, normalTwoSided(z));
    }

    /**
     * Fisher's exact test of the 2×2 table {@code [[a, b], [c, d]]}, two-sided: the probability of every table with
     * the same margins that is no more likely than the one observed (as R and SciPy define it).
     */
    public static TestResult fisherExact(int a, int b, int c, int d) {
        int row1 = a + b;
        int row2 = c + d;
        int column1 = a + c;
        int total = row1 + row2;
        double observed = hypergeometricLog(a, row1, row2, column1, total);
        double p = 0;
        for (int x = Math.max(0, column1 - row2); x <= Math.min(row1, column1); x++) {
            double log = hypergeometricLog(x, row1, row2, column1, total);
            if (log <= observed + 1e-7) {           // relative tolerance for ties in floating point
                p += Math.exp(log);
            }
        }
        return new TestResult(FISHER, null, Math.min(1, p));
    }

    /**
     * Welch's t-test of two means, two-sided (unequal variances, Welch–Satterthwaite degrees of freedom). With no
     * spread in either group the means either agree (p = 1) or differ for certain (p = 0).
     *
     * @throws IllegalArgumentException if a group has fewer than two values
     */
    public static TestResult welch(double mean1, double sd1, int n1, double mean2, double sd2, int n2) {
        if (n1 < 2 || n2 < 2) {
            throw new IllegalArgumentException("Welch's t-test needs two values per group, had " + n1 + " and " + n2);
        }
        double v1 = sd1 * sd1 / n1;
        double v2 = sd2 * sd2 / n2;
        double se = Math.sqrt(v1 + v2);
        if (se == 0) {
            return new TestResult(WELCH, null, mean1 == mean2 ? 1.0 : 0.0);
        }
        double t = (mean1 - mean2) / se;
        double df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1));
        return new TestResult(WELCH, t, tTwoSided(t, df));
    }

    // ------------------------------------------------------------------------------------------------ distributions

    /** P(|Z| ≥ |z|) for a standard normal Z. */
    public static double normalTwoSided(double z) {
        return erfc(Math.abs(z) / Math.sqrt(2));
    }

    /** P(|T| ≥ |t|) for Student's T with {@code df} degrees of freedom (any real df &gt; 0). */
    public static double tTwoSided(double t, double df) {
        if (df <= 0) {
            throw new IllegalArgumentException("df must be > 0, was " + df);
        }
        return regularizedBeta(df / 2, 0.5, df / (df + t * t));
    }

    /** The t value with P(|T| ≥ t) = 5 %: the multiplier of a 95 % interval. Bisection; exact to about 1e-12. */
    public static double tQuantile975(double df) {
        double low = 0;
        double high = 1;
        while (tTwoSided(high, df) > ALPHA) {
            high *= 2;
        }
        for (int i = 0; i < 200 && high - low > 1e-13 * high; i++) {
            double mid = (low + high) / 2;
            if (tTwoSided(mid, df) > ALPHA) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    /** The complementary error function, from the regularized upper incomplete gamma Q(1/2, x²). */
    static double erfc(double x) {
        if (x < 0) {
            return 2 - erfc(-x);
        }
        return regularizedGammaQ(0.5, x * x);
    }

    /** ln Γ(x) for x &gt; 0 (Lanczos). */
    static double lnGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
        }
        double y = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (y + i);
        }
        double t = y + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    /** Q(a, x) = Γ(a, x) / Γ(a): by its series below a + 1, by its continued fraction above. */
    static double regularizedGammaQ(double a, double x) {
        if (x <= 0) {
            return 1;
        }
        double prefix = Math.exp(-x + a * Math.log(x) - lnGamma(a));
        if (x < a + 1) {
            double term = 1 / a;
            double sum = term;
            for (int n = 1; n < MAX_ITERATIONS; n++) {
                term *= x / (a + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * EPS) {
                    break;
                }
            }
            return 1 - sum * prefix;
        }
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < TINY ? TINY : d;
            c = b + an / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPS) {
                break;
            }
        }
        return prefix * h;
    }

    /** I_x(a, b), the regularized incomplete beta function, by Lentz's continued fraction. */
    static double regularizedBeta(double a, double b, double x) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
        return x < (a + 1) / (a + b + 2) ? front * betaFraction(a, b, x) / a
                : 1 - front * betaFraction(b, a, 1 - x) / b;
    }

    private static double betaFraction(double a, double b, double x) {
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = 1 / (Math.abs(d) < TINY ? TINY : d);
        double h = d;
        for (int m = 1; m < MAX_ITERATIONS; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((a - 1 + m2) * (a + m2));
            d = 1 + aa * d;
            d = 1 / (Math.abs(d) < TINY ? TINY : d);
            c = 1 + aa / c;
            c = Math.abs(c) < TINY ? TINY : c;
            h *= d * c;
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + 1 + m2));
            d = 1 + aa * d;
            d = 1 / (Math.abs(d) < TINY ? TINY : d);
            c = 1 + aa / c;
            c = Math.abs(c) < TINY ? TINY : c;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPS) {
                break;
            }
        }
        return h;
    }

    /** ln P(X = x) for the hypergeometric distribution of the 2×2 table with the given margins. */
    private static double hypergeometricLog(int x, int row1, int row2, int column1, int total) {
        return lnChoose(row1, x) + lnChoose(row2, column1 - x) - lnChoose(total, column1);
    }

    private static double lnChoose(int n, int k) {
        return lnGamma(n + 1.0) - lnGamma(k + 1.0) - lnGamma(n - k + 1.0);
    }
}
