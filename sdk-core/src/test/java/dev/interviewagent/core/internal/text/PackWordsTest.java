package dev.interviewagent.core.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Language;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PackWordsTest {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    @Test
    void should_join_english_and_russian_words_when_a_list_is_shared() {
        assertThat(PackWords.sharedWords(Language.ENGLISH, "first_person"))
                .containsExactlyInAnyOrder("i", "i'm", "i've", "я", "мне", "меня");
        assertThat(PackWords.sharedWords(Language.RUSSIAN, "first_person"))
                .isEqualTo(PackWords.sharedWords(Language.ENGLISH, "first_person"));
    }

    @Test
    void should_read_the_languages_own_patterns_when_its_pack_has_the_list() {
        Pattern english = PackWords.pattern(Language.ENGLISH, "short_done", FLAGS);
        Pattern russian = PackWords.pattern(Language.RUSSIAN, "short_done", FLAGS);

        assertThat(english.matcher("that's all").find()).isTrue();
        assertThat(english.matcher("пожалуй, это всё").find()).isFalse();
        assertThat(russian.matcher("пожалуй, это всё").find()).isTrue();
    }

    @Test
    void should_fall_back_to_english_when_a_pack_leaves_a_list_out() {
        assertThat(PackWords.has(Language.RUSSIAN, PackWords.WORDS, "modals")).isFalse();

        assertThat(PackWords.words(Language.RUSSIAN, "modals")).containsExactlyInAnyOrder("should", "must");
    }

    @Test
    void should_match_nothing_when_no_pack_has_the_list() {
        assertThat(PackWords.sharedPattern(Language.ENGLISH, "no_such_list", FLAGS).matcher("anything").find())
                .isFalse();
        assertThat(PackWords.sharedWords(Language.ENGLISH, "no_such_list")).isEmpty();
    }

    @Test
    void should_keep_each_step_marker_of_both_built_in_languages() {
        assertThat(PackWords.sharedAlternation(Language.ENGLISH, "step_marker"))
                .isEqualTo("first(?:ly)?|then|next|after that|finally|lastly|сначала|потом|затем|после этого|дальше"
                        + "|наконец");
    }
}
