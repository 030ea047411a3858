package dev.interviewagent.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.interviewagent.core.InterviewStatus;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.core.guide.Stage;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessagesTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[^}]*}");

    /** Keys the channels rely on, beyond the per-enum ones checked below. */
    private static final List<String> REQUIRED = List.of(
            "transcript.confirm", "transcript.low_quality", "button.confirm", "button.retry", "button.type_instead",
            "progress.stage", "progress.depth", "progress.completeness", "progress.examples", "progress.elapsed",
            "interview.completed", "interview.ended_early", "interview.resumed", "command.help", "confirm.complete",
            "button.yes", "button.no", "report.title");

    static List<String> requiredKeys() {
        List<String> keys = new ArrayList<>(REQUIRED);
        for (Stage stage : Stage.values()) {
            keys.add("stage." + stage.code());
            keys.add("stage." + stage.code() + ".emoji");
        }
        for (InterviewStatus status : InterviewStatus.values()) {
            keys.add("status." + status.code());
        }
        for (ErrorCode code : ErrorCode.values()) {
            keys.add("error." + code.wireValue());
        }
        return keys;
    }

    private static Properties file(String name) throws IOException {
        try (InputStream in = MessagesTest.class.getResourceAsStream("/dev/interviewagent/core/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }

    @Test
    void should_have_every_required_key_in_each_language_file() throws IOException {
        for (String name : List.of("messages.properties", "messages_ru.properties")) {
            Properties properties = file(name);
            for (String key : requiredKeys()) {
                assertThat(properties.getProperty(key)).as(name + " " + key).isNotBlank();
            }
        }
    }

    @Test
    void should_have_the_same_keys_and_placeholders_when_comparing_languages() throws IOException {
        // given
        Properties en = file("messages.properties");
        Properties ru = file("messages_ru.properties");

        // then
        assertThat(ru.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            assertThat(arguments(ru.getProperty(key))).as(key).isEqualTo(arguments(en.getProperty(key)));
        }
    }

    @Test
    void should_read_russian_as_utf8_when_loading() {
        assertThat(Messages.forLanguage(Language.RUSSIAN).get("button.yes")).isEqualTo("Да");
        assertThat(Messages.forLanguage(Language.RUSSIAN).stageName(Stage.OPERATIONS)).isEqualTo("Как устроена работа");
    }

    @Test
    void should_not_contain_bare_apostrophes_which_message_format_would_swallow() throws IOException {
        for (String name : List.of("messages.properties", "messages_ru.properties")) {
            Properties properties = file(name);
            for (String key : properties.stringPropertyNames()) {
                assertThat(properties.getProperty(key).replace("''", "")).as(name + " " + key).doesNotContain("'");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void should_format_arguments_when_getting_a_pattern(Language language) {
        // given
        Messages messages = Messages.forLanguage(language);

        // when
        String line = messages.get("progress.stage", 4, 9, messages.stageName(Stage.OPERATIONS));

        // then
        assertThat(line).contains("4").contains("9").contains(messages.stageName(Stage.OPERATIONS));
        assertThat(messages.get("transcript.confirm", "hello there")).contains("hello there");
        assertThat(messages.language()).isEqualTo(language);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void should_resolve_every_stage_status_and_error_when_using_helpers(Language language) {
        Messages messages = Messages.forLanguage(language);
        for (Stage stage : Stage.values()) {
            assertThat(messages.stageName(stage)).isNotBlank();
            assertThat(messages.stageEmoji(stage)).isNotBlank();
        }
        for (InterviewStatus status : InterviewStatus.values()) {
            assertThat(messages.status(status)).isNotBlank();
        }
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(messages.error(code)).isNotBlank();
        }
    }

    @Test
    void should_name_no_channels_command_in_the_shared_messages() {
        // commands, buttons and keys come from the channel's controls (ControlTexts), never from the bundle
        for (Language language : Language.builtIn()) {
            Messages messages = Messages.forLanguage(language);
            for (String key : messages.keys()) {
                assertThat(messages.pattern(key)).as(key).doesNotContainPattern("(^|\\s)/[a-z]");
            }
        }
    }

    @Test
    void should_throw_a_clear_exception_when_key_is_missing() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Messages.forLanguage(Language.ENGLISH).get("no.such.key"))
                .withMessageContaining("no.such.key").withMessageContaining("en");
        assertThatNullPointerException().isThrownBy(() -> Messages.forLanguage(null));
    }

    @Test
    void should_load_english_when_the_default_locale_is_russian() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ru"));
            assertThat(Messages.forLanguage(Language.ENGLISH).get("button.yes")).isEqualTo("Yes");
        } finally {
            Locale.setDefault(before);
        }
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
