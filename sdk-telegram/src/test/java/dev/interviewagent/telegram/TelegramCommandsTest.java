package dev.interviewagent.telegram;

import static dev.interviewagent.telegram.fake.FakeBotApi.callback;
import static dev.interviewagent.telegram.fake.FakeBotApi.groupText;
import static dev.interviewagent.telegram.fake.FakeBotApi.photo;
import static dev.interviewagent.telegram.fake.FakeBotApi.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewStatus;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.i18n.Messages;
import dev.interviewagent.core.exception.InterviewNotFoundException;
import dev.interviewagent.telegram.fake.FakeBotApi;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every command and callback, through the real client against the fake Bot API. */
class TelegramCommandsTest {

    private static final long ADMIN = 777;

    private TestBed bed;

    @BeforeEach
    void start() {
        bed = new TestBed(InterviewEngine.builder().build(), b -> b.adminIds(Set.of(ADMIN))).polling();
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    private InterviewId startInterview(long chat, String language) {
        bed.send(text(chat, language, "/start"));
        bed.send(callback(chat, language, 1, "lang:" + language));
        bed.send(callback(chat, language, 2, "style:master"));
        bed.send(callback(chat, language, 3, "profile:skip"));
        return bed.engine.findActive("telegram:" + chat).orElseThrow();
    }

    @Test
    void should_set_the_command_menu_per_language_and_for_admins_when_started() {
        List<FakeBotApi.Call> menus = bed.api.calls("setMyCommands");
        assertThat(menus).hasSize(3);
        assertThat(menus.get(0).params().path("commands").findValuesAsText("command")).containsExactly("start",
                "status", "complete", "repeat", "report", "language", "style", "reset", "help", "delete_my_data");
        assertThat(menus.get(1).params().path("language_code").asText()).isEqualTo("ru");
        assertThat(menus.get(1).params().path("commands").get(0).path("description").asText())
                .isEqualTo("Начать или продолжить интервью");
        assertThat(menus.get(2).params().path("scope").path("type").asText()).isEqualTo("chat");
        assertThat(menus.get(2).params().path("commands").findValuesAsText("command")).contains("metrics");
        assertThat(bed.api.calls("deleteWebhook")).isNotEmpty();
    }

    @Test
    void should_answer_help_and_hints_when_there_is_no_interview() {
        long chat = 3001;
        bed.send(text(chat, "en", "/help"));
        assertThat(bed.last(chat)).contains("/status", "/complete", "/repeat", "/report", "/delete_my_data");
        bed.send(text(chat, "en", "/status"));
        assertThat(bed.last(chat)).isEqualTo("There is no interview yet. Send /start to begin.");
        bed.send(text(chat, "en", "/report"));
        assertThat(bed.last(chat)).isEqualTo("There is no interview yet. Send /start to begin.");
        bed.send(text(chat, "en", "hello"));
        assertThat(bed.last(chat)).isEqualTo("Send /start to begin an interview.");
        bed.send(text(chat, "en", "/frobnicate"));
        assertThat(bed.last(chat)).isEqualTo("Unknown command. Send /help for the list.");
        bed.send(photo(chat, "en"));
        assertThat(bed.last(chat)).startsWith("I can read text, voice messages and audio files only.");
        bed.send(photo(chat, "ru"));
        assertThat(bed.messageCount(chat)).isEqualTo(7);
        assertThat(bed.last(chat)).startsWith("I can read text");
    }

    @Test
    void should_show_status_with_progress_bars_when_asked() {
        long chat = 3002;
        startInterview(chat, "en");
        bed.send(text(chat, "en", "I run the night shift of a water plant since 2015, twelve operators."));
        bed.send(text(chat, "en", "/status"));
        String status = bed.last(chat);
        assertThat(status).startsWith("Interview status").contains("Stage ").contains("/9")
                .contains("1. " + Messages.forLanguage(Language.ENGLISH).stageName(Stage.GREETING))
                .contains("9. " + Messages.forLanguage(Language.ENGLISH).stageName(Stage.WRAP_UP)).contains("▰").contains("▱")
                .contains("Depth ").contains("examples ").contains(" min")
                .contains(Messages.forLanguage(Language.ENGLISH).status(InterviewStatus.ACTIVE));
    }

    @Test
    void should_send_the_report_as_messages_and_a_json_document_when_asked() throws Exception {
        long chat = 3003;
        InterviewId id = startInterview(chat, "en");
        bed.send(text(chat, "en", "I run the night shift of a water plant since 2015, twelve operators."));
        int before = bed.messageCount(chat);
        bed.send(text(chat, "en", "/report"));
        List<String> sent = bed.messagesSince(chat, before);
        assertThat(sent.get(0)).isEqualTo("Your report");
        assertThat(sent.size()).isGreaterThan(1);
        FakeBotApi.Call document = bed.api.calls("sendDocument", String.valueOf(chat)).get(0);
        JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(document.file("document"));
        assertThat(json.path("interview_id").asText()).isEqualTo(id.value());
        assertThat(document.params().path("caption").asText()).isEqualTo("The report as JSON");
    }

    @Test
    void should_complete_only_when_the_user_confirms() {
        long chat = 3004;
        InterviewId id = startInterview(chat, "en");
        bed.send(text(chat, "en", "/complete"));
        assertThat(bed.last(chat)).startsWith("End the interview now?");
        assertThat(bed.lastButtons(chat)).containsExactly("complete:yes", "complete:no");
        bed.send(callback(chat, "en", 5, "complete:no"));
        assertThat(bed.last(chat)).isEqualTo("OK, let's continue.");
        assertThat(bed.engine.status(id).isActive()).isTrue();

        bed.send(text(chat, "en", "/complete"));
        bed.send(callback(chat, "en", 6, "complete:yes"));
        assertThat(bed.engine.status(id).status()).isEqualTo(InterviewStatus.ENDED_EARLY);
        assertThat(bed.api.messages(String.valueOf(chat))).contains("Your report");
        assertThat(bed.api.calls("sendDocument", String.valueOf(chat))).hasSize(1);
    }

    @Test
    void should_ask_before_discarding_and_resume_by_default_when_start_is_sent_during_an_interview() {
        long chat = 3005;
        InterviewId id = startInterview(chat, "en");
        String question = bed.last(chat);
        bed.send(text(chat, "en", "/start"));
        assertThat(bed.last(chat)).startsWith("You have an interview in progress.");
        assertThat(bed.lastButtons(chat)).containsExactly("start:resume", "start:new");
        assertThat(bed.lastButtonLabels(chat).get(0)).isEqualTo("Resume");

        bed.send(callback(chat, "en", 7, "start:resume"));
        assertThat(bed.api.messages(String.valueOf(chat))).contains("Welcome back! Let's continue where we left off.");
        assertThat(bed.last(chat)).isEqualTo(question);
        assertThat(bed.engine.findActive("telegram:" + chat)).contains(id);

        bed.send(text(chat, "en", "/start"));
        bed.send(callback(chat, "en", 8, "start:new"));
        assertThat(bed.engine.status(id).status()).isEqualTo(InterviewStatus.ENDED_EARLY);
        assertThat(bed.engine.findActive("telegram:" + chat)).isEmpty();
        assertThat(bed.last(chat)).isEqualTo("Choose the interview language:");
    }

    @Test
    void should_change_language_and_style_for_the_next_interview_when_asked() {
        long chat = 3006;
        bed.send(text(chat, "en", "/language"));
        assertThat(bed.lastButtons(chat)).containsExactly("lang:en", "lang:ru");
        bed.send(callback(chat, "en", 1, "lang:ru"));
        assertThat(bed.last(chat)).isEqualTo("Язык сохранён.");
        bed.send(text(chat, "en", "/style"));
        assertThat(bed.last(chat)).isEqualTo("Выберите стиль интервью:");
        bed.send(callback(chat, "en", 2, "style:conversational"));
        assertThat(bed.last(chat)).isEqualTo("Стиль сохранён.");

        InterviewId id = startInterviewKeepingChoices(chat);
        assertThat(bed.engine.status(id).style()).isEqualTo("master");
        bed.send(text(chat, "ru", "/language"));
        bed.send(callback(chat, "ru", 9, "lang:en"));
        assertThat(bed.last(chat)).startsWith("Language saved. It applies to your next interview");
        bed.send(text(chat, "en", "/style"));
        bed.send(callback(chat, "en", 10, "style:telegram"));
        assertThat(bed.last(chat)).isEqualTo("Style saved. It applies to your next interview.");
    }

    private InterviewId startInterviewKeepingChoices(long chat) {
        bed.send(text(chat, "ru", "/start"));
        assertThat(bed.lastButtons(chat).get(0)).isEqualTo("lang:ru");
        bed.send(callback(chat, "ru", 3, "lang:ru"));
        assertThat(bed.lastButtonLabels(chat)).contains("✓ " + bed.engine.styles().get("conversational")
                .name(dev.interviewagent.core.Language.RUSSIAN));
        bed.send(callback(chat, "ru", 4, "style:master"));
        bed.send(callback(chat, "ru", 5, "profile:skip"));
        return bed.engine.findActive("telegram:" + chat).orElseThrow();
    }

    @Test
    void should_archive_and_restart_only_after_confirmation_when_reset() {
        long chat = 3007;
        InterviewId id = startInterview(chat, "en");
        bed.send(text(chat, "en", "/reset"));
        assertThat(bed.lastButtons(chat)).containsExactly("reset:yes", "reset:no");
        bed.send(callback(chat, "en", 5, "reset:no"));
        assertThat(bed.last(chat)).isEqualTo("Nothing was changed.");
        assertThat(bed.engine.status(id).isActive()).isTrue();

        bed.send(text(chat, "en", "/reset"));
        bed.send(callback(chat, "en", 6, "reset:yes"));
        assertThat(bed.engine.status(id).status()).isEqualTo(InterviewStatus.ENDED_EARLY);
        assertThat(bed.api.messages(String.valueOf(chat))).contains("The interview was archived. Let's start again.");
        assertThat(bed.last(chat)).isEqualTo("Choose the interview language:");
    }

    @Test
    void should_export_then_delete_everything_when_the_user_confirms_deletion() throws Exception {
        long chat = 3008;
        InterviewId first = startInterview(chat, "en");
        bed.send(text(chat, "en", "/reset"));
        bed.send(callback(chat, "en", 5, "reset:yes"));
        bed.send(callback(chat, "en", 6, "lang:en"));
        bed.send(callback(chat, "en", 7, "style:master"));
        bed.send(callback(chat, "en", 8, "profile:skip"));
        InterviewId second = bed.engine.findActive("telegram:" + chat).orElseThrow();

        bed.send(text(chat, "en", "/delete_my_data"));
        assertThat(bed.lastButtons(chat)).containsExactly("delete:yes", "delete:no");
        bed.send(callback(chat, "en", 9, "delete:no"));
        assertThat(bed.last(chat)).isEqualTo("Nothing was deleted.");
        bed.send(text(chat, "en", "/delete_my_data"));
        bed.send(callback(chat, "en", 10, "delete:yes"));

        List<FakeBotApi.Call> exports = bed.api.calls("sendDocument", String.valueOf(chat));
        assertThat(exports).hasSize(2);
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(exports.stream().map(c -> {
            try {
                return mapper.readTree(c.file("document")).path("interview_id").asText();
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        })).containsExactlyInAnyOrder(first.value(), second.value());
        assertThat(bed.last(chat)).isEqualTo("Your data has been deleted (2 interview(s)).");
        assertThatThrownBy(() -> bed.engine.status(first)).isInstanceOf(InterviewNotFoundException.class);
        assertThatThrownBy(() -> bed.engine.status(second)).isInstanceOf(InterviewNotFoundException.class);
    }

    @Test
    void should_export_and_delete_through_the_host_store_when_respondent_data_is_configured() throws Exception {
        List<String> deletedKeys = new java.util.concurrent.CopyOnWriteArrayList<>();
        bed.close();
        bed = new TestBed(InterviewEngine.builder().build(), b -> b.respondentData(new RespondentData() {
            @Override
            public String export(String channelKey) {
                return "{\"channelKey\":\"" + channelKey + "\",\"interviews\":[]}";
            }

            @Override
            public int delete(String channelKey) {
                deletedKeys.add(channelKey);
                return 4;
            }
        })).polling();
        long chat = 3012;
        bed.send(text(chat, "en", "/delete_my_data"));
        bed.send(callback(chat, "en", 1, "delete:yes"));

        FakeBotApi.Call export = bed.api.calls("sendDocument", String.valueOf(chat)).get(0);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(export.file("document"))
                .path("channelKey").asText()).isEqualTo("telegram:3012");
        assertThat(deletedKeys).containsExactly("telegram:3012");
        assertThat(bed.last(chat)).isEqualTo("Your data has been deleted (4 interview(s)).");
    }

    @Test
    void should_show_metrics_only_when_the_user_is_an_admin() {
        bed.send(text(3009, "en", "/metrics"));
        assertThat(bed.last(3009)).isEqualTo("This command is for administrators only.");
        bed.send(text(ADMIN, "en", "/metrics"));
        assertThat(bed.last(ADMIN)).startsWith("Engine metrics").contains("started: ").contains("answers: ");
    }

    @Test
    void should_ignore_group_chats_when_private_only() {
        bed.send(groupText(-100500, 3010, "/start"));
        bed.send(text(3010, "en", "/help"));
        assertThat(bed.api.calls("sendMessage", "-100500")).isEmpty();
        assertThat(bed.messageCount(3010)).isEqualTo(1);
    }

    @Test
    void should_localise_hints_in_russian_when_the_user_locale_is_russian() {
        long chat = 3011;
        bed.send(text(chat, "ru", "привет"));
        assertThat(bed.last(chat)).isEqualTo("Отправьте /start, чтобы начать интервью.");
        bed.send(photo(chat, "ru"));
        assertThat(bed.last(chat)).startsWith("Я понимаю только текст");
        bed.send(text(chat, "ru", "/metrics"));
        assertThat(bed.last(chat)).isEqualTo("Эта команда только для администраторов.");
    }

    @Test
    void should_send_the_pending_question_again_on_repeat_without_taking_a_turn() {
        long chat = 3013;
        InterviewId id = startInterview(chat, "en");
        bed.send(text(chat, "en", "I run the night shift at a water treatment plant, twelve people."));
        String question = bed.last(chat);
        int turns = bed.engine.status(id).turnCount();
        int before = bed.messageCount(chat);

        bed.send(text(chat, "en", "/repeat"));

        assertThat(bed.messagesSince(chat, before)).containsExactly(question);
        assertThat(bed.engine.status(id).turnCount()).as("no turn taken").isEqualTo(turns);
        assertThat(bed.engine.status(id).status()).isEqualTo(InterviewStatus.ACTIVE);

        // no interview running any more: the same hint as every other interview command
        bed.engine.complete(id, dev.interviewagent.core.MessageId.of("ended-elsewhere"));
        bed.send(text(chat, "en", "/status"));
        String noInterview = bed.last(chat);
        bed.send(text(chat, "en", "/repeat"));
        assertThat(bed.last(chat)).isEqualTo(noInterview).startsWith("There is no interview");
    }

    @Test
    void should_refuse_forged_buttons_without_acting_on_them() {
        long chat = 3012;
        InterviewId id = startInterview(chat, "en");
        int turns = bed.engine.status(id).turnCount();
        for (String forged : List.of("admin:grant", "delete:maybe", "reset:YES", "complete:yes:now", "start:old",
                "transcript:confirm2", "lang:xx", "profile:fill\n", "x".repeat(65))) {
            int before = bed.messageCount(chat);
            bed.send(callback(chat, "en", 9, forged));
            assertThat(bed.messagesSince(chat, before)).as("answer to %s", forged)
                    .containsExactly("This button is no longer active.");
        }
        FakeBotApi.Call answered = bed.api.calls("answerCallbackQuery").get(0);
        assertThat(answered.params().path("callback_query_id").asText()).isNotBlank();
        assertThat(bed.engine.findActive("telegram:" + chat)).contains(id);
        assertThat(bed.engine.status(id).turnCount()).as("no turn taken").isEqualTo(turns);
        assertThat(bed.engine.status(id).status()).isEqualTo(InterviewStatus.ACTIVE);
    }
}
