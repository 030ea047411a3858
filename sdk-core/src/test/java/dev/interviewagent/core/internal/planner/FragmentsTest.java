package dev.interviewagent.core.internal.planner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Quotes read as a whole thought: a long clause is cut where the expert's own punctuation ends a part of it. */
class FragmentsTest {

    @Test
    void should_keep_a_short_fragment_whole() {
        assertThat(Fragments.cut("  Never rush the starter.  ")).isEqualTo("Never rush the starter.");
    }

    @Test
    void should_cut_a_long_clause_at_its_last_comma_colon_or_dash_within_the_limit() {
        assertThat(Fragments.cut("Newcomers rush the address because the caller is screaming about the problem, but I"
                + " can't send help to a problem, only to a place"))
                .isEqualTo("Newcomers rush the address because the caller is screaming about the problem");
        assertThat(Fragments.cut("Поле надо обходить ногами, а не объезжать: из машины видно только край, а проблемы"
                + " всегда в середине или в низине"))
                .isEqualTo("Поле надо обходить ногами, а не объезжать: из машины видно только край");
        assertThat(Fragments.cut("The first thing I always look at in the morning is the pressure log — it tells me"
                + " whether the night shift had a quiet one or not at all"))
                .isEqualTo("The first thing I always look at in the morning is the pressure log");
    }

    @Test
    void should_cut_at_a_word_when_no_boundary_leaves_four_words() {
        String text = "Yes, the long uninterrupted stretch of pipeline between the two pumping stations north of"
                + " the river is where the trouble always started";
        String cut = Fragments.cut(text);
        assertThat(cut.length()).isLessThanOrEqualTo(Fragments.MAX_FRAGMENT);
        assertThat(text).startsWith(cut);
        assertThat(text.charAt(cut.length())).isEqualTo(' ');
        assertThat(cut).isNotEqualTo("Yes");
    }
}
