package dev.interviewagent.core.internal.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every expected value below was computed with SciPy 1.17 ({@code scipy.stats}, {@code scipy.special}) and Python's
 * {@code math} module; the comment of each case names the call.
 */
class StatisticsTest {

    @ParameterizedTest(name = "t(0.975, {0}) = {1}")
    @CsvSource({          // stats.t.ppf(0.975, df)
            "1, 12.706204736174694",
            "2, 4.302652729749462",
            "5, 2.5705818356363146",
            "10, 2.228138851986274",
            "30, 2.0422724563012378",
            "4.5, 2.6589123472044034",
            "100, 1.9839715185235518"})
    void should_give_the_t_quantile_of_a_95_percent_interval(double df, double expected) {
        assertThat(Statistics.tQuantile975(df)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void should_give_two_sided_tail_probabilities_of_t_and_normal() {
        // 2 * stats.t.sf(t, df)
        assertThat(Statistics.tTwoSided(2.5, 7)).isCloseTo(0.04099221858575289, within(1e-12));
        assertThat(Statistics.tTwoSided(-0.3, 3.7)).isCloseTo(0.7802674871314622, within(1e-12));
        assertThat(Statistics.tTwoSided(10, 50)).isCloseTo(1.6077334688335447e-13, within(1e-18));
        // 2 * stats.norm.sf(z)
        assertThat(Statistics.normalTwoSided(1.96)).isCloseTo(0.04999579029644087, within(1e-12));
        assertThat(Statistics.normalTwoSided(-0.5)).isCloseTo(0.6170750774519738, within(1e-12));
        assertThat(Statistics.normalTwoSided(4)).isCloseTo(6.334248366623973e-05, within(1e-15));
    }

    @Test
    void should_compute_the_special_functions() {
        assertThat(Statistics.erfc(0.1)).isCloseTo(0.8875370839817152, within(1e-13));     // math.erfc
        assertThat(Statistics.erfc(1.5)).isCloseTo(0.033894853524689274, within(1e-14));
        assertThat(Statistics.erfc(3)).isCloseTo(2.2090496998585438e-05, within(1e-16));
        assertThat(Statistics.erfc(-1.5)).isCloseTo(2 - 0.033894853524689274, within(1e-13));
        assertThat(Statistics.lnGamma(0.5)).isCloseTo(0.5723649429247004, within(1e-12));   // math.lgamma
        assertThat(Statistics.lnGamma(10)).isCloseTo(12.801827480081467, within(1e-11));
        assertThat(Statistics.lnGamma(123.4)).isCloseTo(469.3360974421906, within(1e-9));
        assertThat(Statistics.regularizedBeta(2.5, 0.5, 0.3))                               // special.betainc
                .isCloseTo(0.018927124071945658, within(1e-13));
        assertThat(Statistics.regularizedBeta(10, 0.5, 0.9)).isCloseTo(0.15164090963470994, within(1e-13));
    }

    @Test
    void should_give_the_wilson_interval() {
        // stats.binomtest(k, n).proportion_ci(method='wilson')
        assertInterval(Statistics.wilson(8, 10), 0.4901624715366418, 0.9433178485456248);
        assertInterval(Statistics.wilson(0, 12), 0.0, 0.24249400665524085);
        assertInterval(Statistics.wilson(15, 22), 0.47318597741042745, 0.8363940681864375);
        assertThatThrownBy(() -> Statistics.wilson(3, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Statistics.wilson(4, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_give_the_t_interval_of_a_mean() {
        double[] values = {3, 4, 5, 6, 7.5};
        // mean ± stats.t.ppf(0.975, 4) * np.std(x, ddof=1) / sqrt(5)
        assertInterval(Statistics.meanInterval(Statistics.mean(values), Statistics.sd(values), values.length),
                2.9315270516956313, 7.2684729483043675);
        assertThatThrownBy(() -> Statistics.meanInterval(3, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_run_welchs_t_test() {
        double[] a = {3, 4, 5, 6, 7.5};
        double[] b = {1, 2, 2.5, 3, 3, 4};
        // stats.ttest_ind(a, b, equal_var=False): t 2.842990472113881, p 0.02841645365358357, df 6.199
        Statistics.TestResult result = Statistics.welch(Statistics.mean(a), Statistics.sd(a), a.length,
                Statistics.mean(b), Statistics.sd(b), b.length);
        assertThat(result.statistic()).isCloseTo(2.842990472113881, within(1e-12));
        assertThat(result.pValue()).isCloseTo(0.02841645365358357, within(1e-10));
        assertThat(result.test()).isEqualTo(Statistics.WELCH);
    }

    @Test
    void should_call_equal_constant_groups_equal_and_different_constant_groups_different() {
        assertThat(Statistics.welch(4, 0, 5, 4, 0, 7).pValue()).isEqualTo(1.0);
        assertThat(Statistics.welch(4, 0, 5, 3, 0, 7).pValue()).isEqualTo(0.0);
        assertThat(Statistics.twoProportionZ(10, 10, 7, 7).pValue()).isEqualTo(1.0);
    }

    @Test
    void should_run_the_two_proportion_z_test() {
        // pooled z by hand, p = 2 * stats.norm.sf(|z|)
        Statistics.TestResult result = Statistics.twoProportionZ(30, 50, 18, 50);
        assertThat(result.statistic()).isCloseTo(2.401922307076307, within(1e-12));
        assertThat(result.pValue()).isCloseTo(0.016309171877754974, within(1e-12));
    }

    @ParameterizedTest(name = "fisher [[{0},{1}],[{2},{3}]] p = {4}")
    @CsvSource({          // stats.fisher_exact([[a, b], [c, d]]).pvalue
            "3, 1, 1, 3, 0.48571428571428565",
            "8, 2, 1, 5, 0.034965034965034975",
            "0, 5, 5, 0, 0.007936507936507938",
            "10, 10, 10, 10, 1.0",
            "1, 9, 11, 3, 0.0027594561852200836"})
    void should_run_fishers_exact_test(int a, int b, int c, int d, double expected) {
        assertThat(Statistics.fisherExact(a, b, c, d).pValue()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void should_pick_fisher_for_small_expected_counts_and_z_otherwise() {
        assertThat(Statistics.compareProportions(8, 10, 1, 6).test()).isEqualTo(Statistics.FISHER);
        assertThat(Statistics.compareProportions(30, 50, 18, 50).test()).isEqualTo(Statistics.Z_TEST);
    }

    @Test
    void should_cover_the_true_proportion_about_95_percent_of_the_time() {
        // Wilson's interval is built for this: a simulation with a fixed seed checks its coverage at n = 30.
        SplittableRandom random = new SplittableRandom(20260101);
        int covered = 0;
        int runs = 4000;
        for (int run = 0; run < runs; run++) {
            int successes = 0;
            for (int i = 0; i < 30; i++) {
                successes += random.nextDouble() < 0.3 ? 1 : 0;
            }
            Statistics.Interval interval = Statistics.wilson(successes, 30);
            covered += interval.low() <= 0.3 && 0.3 <= interval.high() ? 1 : 0;
        }
        assertThat((double) covered / runs).isBetween(0.93, 0.97);
    }

    private static void assertInterval(Statistics.Interval interval, double low, double high) {
        assertThat(interval.low()).isCloseTo(low, within(1e-12));
        assertThat(interval.high()).isCloseTo(high, within(1e-12));
    }
}
