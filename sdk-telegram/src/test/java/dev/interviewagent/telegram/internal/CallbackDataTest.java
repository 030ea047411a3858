package dev.interviewagent.telegram.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.channel.Choice;
import dev.interviewagent.core.guide.InterviewStyles;
import dev.interviewagent.telegram.internal.CallbackData.Confirmation;
import dev.interviewagent.telegram.internal.CallbackData.ProfileStep;
import dev.interviewagent.telegram.internal.CallbackData.Refused;
import dev.interviewagent.telegram.internal.CallbackData.Refused.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The callback codec: every button the bot makes reads back as itself; anything else is a typed refusal. */
class CallbackDataTest {

    static List<CallbackData> everyButton() {
        List<CallbackData> all = new ArrayList<>();
        for (Language language : Language.builtIn()) {
            all.add(new CallbackData.PickLanguage(language));
        }
        for (String code : InterviewStyles.BUILT_IN_CODES) {
            all.add(new CallbackData.PickStyle(code));
        }
        all.add(new CallbackData.AboutStyles());
        for (ProfileStep.Step step : ProfileStep.Step.values()) {
            all.add(new ProfileStep(step));
        }
        all.add(new CallbackData.StartChoice(true));
        all.add(new CallbackData.StartChoice(false));
        for (Confirmation.Subject subject : Confirmation.Subject.values()) {
            all.add(new Confirmation(subject, true));
            all.add(new Confirmation(subject, false));
        }
        for (String action : List.of(Choice.CONFIRM_TRANSCRIPT, Choice.RETRY_TRANSCRIPT, Choice.TYPE_INSTEAD)) {
            all.add(new CallbackData.TranscriptChoice(action));
        }
        return all;
    }

    @ParameterizedTest
    @MethodSource("everyButton")
    void should_read_every_button_of_the_bot_back_as_itself(CallbackData button) {
        String wire = button.encode();

        assertThat(wire.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(CallbackData.MAX_BYTES);
        assertThat(CallbackData.decode(wire)).isEqualTo(button);
    }

    @Test
    void should_keep_the_wire_forms_the_bot_has_always_sent() {
        // buttons sent before an upgrade are still pressed after it
        assertThat(new CallbackData.PickLanguage(Language.RUSSIAN).encode()).isEqualTo("lang:ru");
        assertThat(new CallbackData.PickStyle("master").encode()).isEqualTo("style:master");
        assertThat(new CallbackData.AboutStyles().encode()).isEqualTo("style:about");
        assertThat(new ProfileStep(ProfileStep.Step.NEXT).encode()).isEqualTo("profile:next");
        assertThat(new CallbackData.StartChoice(false).encode()).isEqualTo("start:resume");
        assertThat(new CallbackData.StartChoice(true).encode()).isEqualTo("start:new");
        assertThat(new Confirmation(Confirmation.Subject.DELETE, true).encode()).isEqualTo("delete:yes");
        assertThat(new Confirmation(Confirmation.Subject.COMPLETE, false).encode()).isEqualTo("complete:no");
        assertThat(new CallbackData.TranscriptChoice(Choice.TYPE_INSTEAD).encode()).isEqualTo("transcript:type");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void should_refuse_a_query_without_data(String data) {
        assertThat(CallbackData.decode(data)).isEqualTo(new Refused(Reason.MISSING));
    }

    @Test
    void should_refuse_data_longer_than_telegram_ever_sends() {
        assertThat(CallbackData.decode("style:" + "a".repeat(59))).isEqualTo(new Refused(Reason.TOO_LONG));
        // 35 characters but 65 bytes: the limit is in bytes
        assertThat(CallbackData.decode("lang:" + "я".repeat(30))).isEqualTo(new Refused(Reason.TOO_LONG));
        assertThat(CallbackData.decode("x".repeat(10_000))).isEqualTo(new Refused(Reason.TOO_LONG));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lang", "start", ":en", "lang:", ":", "::", "lang:en\n", "lang:\u0000en", "delete:\tyes",
            "delete: yes", " delete:yes", "reset:yes\r", "complete:\u200byes\u0007"})
    void should_refuse_data_without_the_kind_value_shape_or_with_control_characters(String data) {
        assertThat(CallbackData.decode(data)).isEqualTo(new Refused(Reason.MALFORMED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin:grant", "metrics:yes", "LANG:en", "Style:master", "deleteall:yes",
            "delete_my_data:yes", "transcripts:confirm", "lang-en:x", "../lang:en", "lang\u0301:en"})
    void should_refuse_a_kind_the_bot_makes_no_buttons_of(String data) {
        assertThat(CallbackData.decode(data)).isEqualTo(new Refused(Reason.UNKNOWN_KIND));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lang:xx", "lang:EN", "lang:en-US", "lang:en_GB", "lang:en:ru", "lang:ru;DROP",
            "style:Master", "style:1abc", "style:_x", "style:a-b", "style:master;rm", "style:about:more",
            "profile:maybe", "profile:FILL", "profile:skip:all", "start:resume2", "start:old", "start:NEW",
            "complete:maybe", "complete:YES", "complete:yes:no", "reset:1", "reset:true", "delete:y", "delete:nope",
            "transcript:confirm2", "transcript:ok", "transcript:Confirm", "transcript:type:now"})
    void should_refuse_a_value_no_button_of_that_kind_carries(String data) {
        assertThat(CallbackData.decode(data)).isEqualTo(new Refused(Reason.BAD_VALUE));
    }

    @Test
    void should_never_throw_whatever_a_client_sends() {
        Random random = new Random(18);
        String alphabet = "langstyeprofiumcdx:_-yesnoабв\u0000\n \u200b🙂" + "0123456789ABC";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder data = new StringBuilder();
            int length = random.nextInt(80);
            for (int j = 0; j < length; j++) {
                data.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String forged = data.toString();
            assertThatCode(() -> {
                CallbackData decoded = CallbackData.decode(forged);
                if (!(decoded instanceof Refused)) {
                    // whatever is accepted is a button the bot could have made itself
                    assertThat(decoded.encode()).isEqualTo(forged);
                }
            }).as("data %s", forged).doesNotThrowAnyException();
        }
    }

    @Test
    void should_not_let_a_refusal_be_put_on_a_button() {
        assertThatCode(() -> new Refused(Reason.BAD_VALUE).encode())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
