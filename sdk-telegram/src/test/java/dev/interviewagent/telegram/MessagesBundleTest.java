package dev.interviewagent.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.guide.InterviewStyles;
import dev.interviewagent.telegram.internal.UiText;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every user-visible string of the channel exists in English and Russian. */
class MessagesBundleTest {

    @Test
    void should_have_every_key_in_both_languages_when_the_bundles_are_compared() {
        Set<String> english = keys(Language.ENGLISH);
        for (Language language : Language.builtIn()) {
            assertThat(keys(language)).as("keys of %s", language.code()).isEqualTo(english);
        }
    }

    @Test
    void should_have_a_name_for_every_style_and_language_when_rendering() {
        for (Language language : Language.builtIn()) {
            ResourceBundle bundle = UiText.bundle(language);
            for (String style : InterviewStyles.BUILT_IN_CODES) {
                assertThat(bundle.containsKey("style." + style)).as(style).isTrue();
            }
            for (Language named : Language.builtIn()) {
                assertThat(bundle.containsKey("language.name." + named.code())).isTrue();
            }
        }
    }

    @Test
    void should_format_every_string_when_given_arguments() {
        for (Language language : Language.builtIn()) {
            for (String key : keys(language)) {
                assertThat(UiText.get(language, key, "a", "b", "c", "d", "e", "f", "g", "h", "i")).isNotBlank()
                        .doesNotContain("''");
            }
        }
    }

    @Test
    void should_be_russian_when_russian_is_asked() {
        assertThat(UiText.get(Language.RUSSIAN, "start.hint")).isEqualTo("Отправьте /start, чтобы начать интервью.");
        assertThat(UiText.get(Language.ENGLISH, "start.hint")).isEqualTo("Send /start to begin an interview.");
    }

    /** The keys in the language's own file (not inherited from the base bundle). */
    private static Set<String> keys(Language language) {
        String file = "/" + UiText.BUNDLE.replace('.', '/') + (language == Language.ENGLISH ? "" : "_" + language.code())
                + ".properties";
        java.util.Properties properties = new java.util.Properties();
        try (var in = MessagesBundleTest.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
