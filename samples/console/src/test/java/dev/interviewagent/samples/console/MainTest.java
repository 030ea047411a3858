package dev.interviewagent.samples.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives {@link Main} in-process with piped stdin and stdout, as a script or a person would. */
class MainTest {

    private static final Set<String> TYPES = Set.of("session", "question", "delta", "stage", "transcript",
            "completed", "report", "status", "notice", "error", "history");
    private static final List<String> ANSWERS_EN = List.of(
            "I have led the night shift at a water treatment plant for twelve years, twelve operators.",
            "Last March the chlorine dosing pump failed at 3 am; first we switched to the spare, then we called "
                    + "the vendor, and after that we logged the pressure every 15 minutes.",
            "A newcomer must know the alarm panel on day one; it takes about 6 weeks to read it without help.",
            "The classic mistake is trusting one sensor. In 2019 a turbidity probe drifted 20 % for two months.",
            "I check the raw water colour before the lab results; it saves roughly 40 minutes a night.",
            "Fast learners shadow three different shift leads in their first 90 days.",
            "My advice: write down every near miss, ask why five times, and never skip the handover.");
    private static final List<String> ANSWERS_RU = List.of(
            "Я двенадцать лет руковожу ночной сменой на станции водоподготовки, в смене двенадцать операторов.",
            "В марте в 3 часа ночи отказал насос дозирования хлора: сначала включили резервный, потом вызвали "
                    + "сервис, после этого каждые 15 минут записывали давление.",
            "Новичок в первый день должен знать панель аварий; читать её самостоятельно учатся примерно 6 недель.",
            "Типичная ошибка — верить одному датчику. В 2019 году датчик мутности два месяца врал на 20 %.",
            "Я смотрю на цвет исходной воды раньше результатов лаборатории, это экономит около 40 минут за ночь.",
            "Быстро растут те, кто в первые 90 дней работает в сменах у трёх разных старших.",
            "Мой совет: записывайте каждый почти-инцидент, пять раз спрашивайте почему и не пропускайте пересменку.");

    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();

    record Run(int exitCode, List<String> out, String err) {
        List<JsonNode> json() {
            return out.stream().map(line -> {
                try {
                    return new ObjectMapper().readTree(line);
                } catch (IOException e) {
                    throw new UncheckedIOException("not JSON: " + line, e);
                }
            }).toList();
        }

        List<JsonNode> ofType(String type) {
            return json().stream().filter(n -> type.equals(n.path("type").asText())).toList();
        }
    }

    private Run run(String stdin, String... args) {
        return run(Map.of(), stdin, args);
    }

    private Run run(Map<String, String> env, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env);
        String text = out.toString(StandardCharsets.UTF_8);
        List<String> lines = text.isEmpty() ? List.of() : List.of(text.split("\n"));
        return new Run(code, lines, err.toString(StandardCharsets.UTF_8));
    }

    private String store() {
        return dir.resolve("interviews").toString();
    }

    private static String script(List<String> answers, int lines) {
        return IntStream.range(0, lines).mapToObj(i -> answers.get(i % answers.size()) + " (" + i + ")")
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** Every line is protocol JSON of a known type, session first, question turns increase. */
    private void assertProtocol(Run run) {
        List<JsonNode> lines = run.json();
        assertThat(lines).isNotEmpty();
        assertThat(lines).allSatisfy(n -> assertThat(TYPES).contains(n.path("type").asText()));
        assertThat(lines.get(0).path("type").asText()).isEqualTo("session");
        List<Integer> turns = run.ofType("question").stream().map(n -> n.path("turn").asInt()).toList();
        for (int i = 1; i < turns.size(); i++) {
            assertThat(turns.get(i)).as("turn after %s", turns.get(i - 1)).isGreaterThan(turns.get(i - 1));
        }
    }

    private void assertCompleted(Run run, String language, String reason) {
        assertProtocol(run);
        List<JsonNode> completed = run.ofType("completed");
        assertThat(completed).hasSize(1);
        JsonNode last = run.json().get(run.json().size() - 1);
        assertThat(last.path("type").asText()).isEqualTo("completed");
        assertThat(last.path("reason").asText()).isEqualTo(reason);
        assertThat(last.path("report").isObject()).isTrue();
        assertThat(last.path("report").path("interview_id").asText())
                .isEqualTo(run.json().get(0).path("interviewId").asText());
        assertThat(last.path("report").path("language").asText()).isEqualTo(language);
        assertThat(Path.of(last.path("reportFiles").path("markdown").asText())).isRegularFile();
    }

    /** The console's store as the console opens it (its key file included), for a test to change it directly. */
    private dev.interviewagent.persistence.JdbcInterviewStore storeOfTheConsole() {
        return dev.interviewagent.persistence.InterviewStorage.open(dev.interviewagent.core.config.InterviewConfig
                .fromEnvironment(java.util.Map.of("INTERVIEW_STORE_URL", store()))).database();
    }

    @Test
    void should_reach_completed_when_an_english_json_interview_is_answered_to_the_end() {
        Run run = run(script(ANSWERS_EN, 400), "--json", "--language", "en", "--store", store());

        assertThat(run.exitCode()).isZero();
        assertCompleted(run, "en", "normal");
        assertThat(run.json().get(0).path("language").asText()).isEqualTo("en");
        assertThat(run.ofType("stage")).isNotEmpty();
        assertThat(run.ofType("error")).isEmpty();
        assertThat(run.err()).contains("brain: offline brain");
    }

    @Test
    void should_reach_completed_when_a_russian_json_interview_is_answered_to_the_end() {
        Run run = run(script(ANSWERS_RU, 400), "--json", "--language", "ru", "--style", "conversational",
                "--store", store(), "--name", "Анна", "--role", "начальник смены", "--years", "12");

        assertThat(run.exitCode()).isZero();
        assertCompleted(run, "ru", "normal");
        assertThat(run.json().get(0).path("style").asText()).isEqualTo("conversational");
        assertThat(run.ofType("completed").get(0).path("report").path("profile").path("expert_name").asText())
                .isEqualTo("Анна");
    }

    @Test
    void should_show_questions_with_a_stage_line_when_run_for_a_person() {
        Run run = run(ANSWERS_EN.get(0) + "\n", "--store", store(), "--language", "en");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().get(0)).startsWith("Interview ");
        assertThat(run.out()).anySatisfy(line -> assertThat(line).matches("\\[\\d/9 [a-z_]+ · \\d+ %]"));
        assertThat(run.out().get(run.out().size() - 1)).startsWith("Paused. Continue later with --resume ");
        assertThat(String.join("\n", run.out())).doesNotContain("\"type\"");
    }

    @Test
    void should_take_the_language_from_the_locale_environment_when_no_language_is_given() {
        Run run = run(Map.of("LANG", "ru_RU.UTF-8"), "", "--json", "--store", store());

        assertThat(run.json().get(0).path("language").asText()).isEqualTo("ru");
    }

    @Test
    void should_answer_status_and_both_report_formats_when_asked_mid_interview() {
        Run run = run(ANSWERS_EN.get(0) + "\n/status\n/report json\n/report markdown\n" + ANSWERS_EN.get(1) + "\n",
                "--json", "--store", store(), "--language", "en");

        assertProtocol(run);
        JsonNode status = run.ofType("status").get(0);
        assertThat(status.path("stageIndex").asInt()).isBetween(1, 9);
        assertThat(status.path("summary").asText()).isNotBlank();
        List<JsonNode> reports = run.ofType("report");
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0).path("format").asText()).isEqualTo("json");
        assertThat(reports.get(0).path("content").path("final").asBoolean()).isFalse();
        assertThat(reports.get(1).path("format").asText()).isEqualTo("markdown");
        assertThat(reports.get(1).path("content").asText()).startsWith("# ");
        // commands are not answers: the answer after them is still taken
        assertThat(run.ofType("question")).hasSize(3);
        assertThat(run.ofType("error")).isEmpty();
    }

    @Test
    void should_greet_with_the_consoles_own_commands_and_help_with_them_in_both_languages() {
        Run english = run("/help\n/stop\n", "--store", store(), "--language", "en");
        Run russian = run("/help\n/stop\n", "--store", store(), "--language", "ru");

        String en = String.join("\n", english.out());
        String ru = String.join("\n", russian.out());
        // the greeting names the console's command, never the web page's button
        assertThat(en).containsAnyOf("send /complete to finish early", "/complete ends the interview early")
                .doesNotContain("End interview");
        assertThat(ru).containsAnyOf("команда /complete завершит интервью досрочно", "/complete завершит его досрочно")
                .doesNotContain("Завершить интервью»");
        // /help lists the console's commands and its pause key; an unknown command points to /help
        assertThat(en).contains("/status — where we are", "/complete — finish the interview now",
                "Ctrl-D — pause", "/report — get the report", "I don’t know that command. Send /help");
        assertThat(ru).contains("/complete — завершить интервью сейчас", "Ctrl-D — сделать паузу",
                "Такой команды я не знаю. Отправьте /help");
    }

    @Test
    void should_send_the_pending_question_again_on_repeat_in_json_without_taking_a_turn() {
        Run run = run(ANSWERS_EN.get(0) + "\n/repeat\n" + ANSWERS_EN.get(1) + "\n",
                "--json", "--store", store(), "--language", "en");

        assertThat(run.exitCode()).isZero();
        List<JsonNode> questions = run.ofType("question");
        assertThat(questions).hasSize(4);
        JsonNode asked = questions.get(1);
        JsonNode again = questions.get(2);
        // the same question object again, same turn: nothing new was asked or stored
        assertThat(again.path("turn").asInt()).isEqualTo(asked.path("turn").asInt());
        assertThat(again.path("text").asText()).isEqualTo(asked.path("text").asText());
        assertThat(again.path("replyTo").asText()).startsWith("repeat-");
        // the answer after it answers that question
        assertThat(questions.get(3).path("turn").asInt()).isEqualTo(asked.path("turn").asInt() + 2);
        assertThat(run.ofType("error")).isEmpty();
    }

    @Test
    void should_name_repeat_in_the_greeting_and_help_and_show_the_question_again_for_a_person() {
        Run english = run("/repeat\n/help\n", "--store", store(), "--language", "en");
        Run russian = run("/help\n", "--store", store(), "--language", "ru");

        String en = String.join("\n", english.out());
        String ru = String.join("\n", russian.out());
        String sentence = "Send /repeat to see the question again.";
        assertThat(en.split(java.util.regex.Pattern.quote(sentence), -1)).as("the greeting, shown twice: " + en)
                .hasSize(3);
        assertThat(en).contains("/repeat — see the question again").doesNotContain("Repeat question");
        assertThat(ru).contains("Отправьте /repeat, чтобы увидеть вопрос ещё раз.",
                "/repeat — увидеть вопрос ещё раз").doesNotContain("Повторить вопрос");
    }

    @Test
    void should_end_early_when_the_respondent_sends_complete() {
        Run run = run(ANSWERS_EN.get(0) + "\n/complete\n" + ANSWERS_EN.get(1) + "\n", "--json", "--store", store());

        assertThat(run.exitCode()).isZero();
        assertCompleted(run, "en", "early");
        assertThat(run.ofType("question")).hasSize(2);
    }

    @Test
    void should_repeat_the_pending_question_and_continue_when_resumed() {
        // given a run that ends input without /complete
        Run first = run(script(ANSWERS_EN, 3), "--json", "--store", store(), "--language", "ru");
        assertProtocol(first);
        assertThat(first.ofType("completed")).isEmpty();
        String id = first.json().get(0).path("interviewId").asText();
        JsonNode pending = first.ofType("question").get(first.ofType("question").size() - 1);

        // when it is resumed
        Run second = run(script(ANSWERS_EN, 400), "--json", "--store", store(), "--resume", id);

        // then session, the same pending question, and on to the end
        assertThat(second.exitCode()).isZero();
        JsonNode session = second.json().get(0);
        assertThat(session.path("type").asText()).isEqualTo("session");
        assertThat(session.path("interviewId").asText()).isEqualTo(id);
        assertThat(session.path("resumed").asBoolean()).isTrue();
        assertThat(session.path("language").asText()).isEqualTo("ru");
        JsonNode again = second.json().get(1);
        assertThat(again.path("type").asText()).isEqualTo("question");
        assertThat(again.path("turn").asInt()).isEqualTo(pending.path("turn").asInt());
        assertThat(again.path("text").asText()).isEqualTo(pending.path("text").asText());
        assertCompleted(second, "ru", "normal");

        // and a resume after the end shows the end again
        Run third = run("more\n", "--json", "--store", store(), "--resume", id);
        assertThat(third.json()).extracting(n -> n.path("type").asText()).containsExactly("session", "completed");
    }

    @Test
    void should_answer_history_lines_with_pages_of_the_stored_conversation_in_json() {
        Run first = run(script(ANSWERS_EN, 3), "--json", "--store", store(), "--language", "en");
        String id = first.json().get(0).path("interviewId").asText();
        List<JsonNode> asked = first.ofType("question");

        // a resumed script: session and the pending question only, as before; the conversation on request
        Run second = run("/history limit=4\n/history before=4 limit=4\n/history\n/history limit=0\n/history since=2\n",
                "--json", "--store", store(), "--resume", id);
        assertProtocol(second);
        assertThat(second.json().subList(0, 2)).extracting(n -> n.path("type").asText())
                .containsExactly("session", "question");
        List<JsonNode> pages = second.ofType("history");
        assertThat(pages).hasSize(3);
        assertThat(turns(pages.get(0))).containsExactly(4, 5, 6, 7);
        assertThat(pages.get(0).path("more").asBoolean()).isTrue();
        assertThat(pages.get(0).path("next").asInt()).isEqualTo(4);
        assertThat(turns(pages.get(1))).containsExactly(1, 2, 3);
        assertThat(pages.get(1).path("more").asBoolean()).isFalse();
        JsonNode all = pages.get(2);
        assertThat(all.path("interviewId").asText()).isEqualTo(id);
        assertThat(turns(all)).containsExactly(1, 2, 3, 4, 5, 6, 7);
        // what was said, in order: the questions the first run printed and its answers, with their message ids
        for (int i = 0; i < 3; i++) {
            JsonNode answer = all.path("entries").get(2 * i + 1);
            assertThat(answer.path("role").asText()).isEqualTo("respondent");
            assertThat(answer.path("text").asText()).isEqualTo(ANSWERS_EN.get(i) + " (" + i + ")");
            assertThat(answer.path("clientMessageId").asText()).isEqualTo("line-" + (2 * i + 1));
        }
        for (int i = 0; i < asked.size(); i++) {
            JsonNode question = all.path("entries").get(2 * i);
            assertThat(question.path("role").asText()).isEqualTo("interviewer");
            assertThat(question.path("turn").asInt()).isEqualTo(asked.get(i).path("turn").asInt());
            assertThat(question.path("text").asText()).isEqualTo(asked.get(i).path("text").asText());
        }
        // bad arguments: a clear error, nothing recorded as an answer
        List<JsonNode> errors = second.ofType("error");
        assertThat(errors).hasSize(2).allSatisfy(error -> {
            assertThat(error.path("code").asText()).isEqualTo("bad_request");
            assertThat(error.path("message").asText()).contains("/history");
        });
        assertThat(turns(pages.get(2))).hasSize(7);
        Run third = run("/history\n", "--json", "--store", store(), "--resume", id);
        assertThat(turns(third.ofType("history").get(0))).hasSize(7);
    }

    @Test
    void should_show_the_conversation_so_far_before_the_pending_question_when_a_person_resumes() {
        Run first = run(script(ANSWERS_RU, 2), "--json", "--store", store(), "--language", "ru");
        String id = first.json().get(0).path("interviewId").asText();
        List<JsonNode> asked = first.ofType("question");
        String pending = asked.get(asked.size() - 1).path("text").asText();

        Run person = run("", "--store", store(), "--resume", id);

        String shown = String.join("\n", person.out());
        assertThat(person.out().get(0)).startsWith("Продолжаем интервью " + id);
        int header = shown.indexOf("── Разговор до этого ──");
        assertThat(header).isPositive();
        // every earlier question and answer once, in order, then the pending question once, after them
        int at = header;
        for (int i = 0; i < asked.size() - 1; i++) {
            at = nextAfter(shown, "Интервьюер: " + asked.get(i).path("text").asText(), at);
            at = nextAfter(shown, "Вы: " + ANSWERS_RU.get(i) + " (" + i + ")", at);
        }
        int pendingAt = nextAfter(shown, pending, at);
        assertThat(shown.indexOf(pending)).as("the pending question is shown once").isEqualTo(pendingAt);
        assertThat(shown).doesNotContain("\"type\"");
    }

    /** Where {@code text} occurs after {@code from}; fails when it does not. */
    private static int nextAfter(String shown, String text, int from) {
        int at = shown.indexOf(text, from + 1);
        assertThat(at).as("'%s' after position %d in:%n%s", text, from, shown).isGreaterThan(from);
        return at;
    }

    private static List<Integer> turns(JsonNode page) {
        List<Integer> numbers = new ArrayList<>();
        page.path("entries").forEach(entry -> numbers.add(entry.path("turn").asInt()));
        return numbers;
    }

    @Test
    void should_not_answer_twice_when_the_same_pending_question_gets_a_line_again() {
        // two consoles on the same interview, each feeding one line to the same pending question (turn 1)
        Run first = run("", "--json", "--store", store());
        String id = first.json().get(0).path("interviewId").asText();
        dev.interviewagent.persistence.JdbcInterviewStore files = storeOfTheConsole();
        dev.interviewagent.core.Turn pending = files.load(dev.interviewagent.core.InterviewId.of(id)).orElseThrow()
                .pendingQuestion();

        Run a = run(ANSWERS_EN.get(0) + "\n", "--json", "--store", store(), "--resume", id);
        // the second console still shows turn 1 as pending when its line arrives: simulate by re-sending line-1
        var engine = dev.interviewagent.core.InterviewEngine.builder().store(files).build();
        var repeat = engine.answer(dev.interviewagent.core.InterviewId.of(id),
                dev.interviewagent.core.Answer.text("line-" + pending.number(), "a different text"));

        assertThat(repeat.duplicate()).isTrue();
        assertThat(repeat.message().number()).isEqualTo(a.ofType("question").get(1).path("turn").asInt());
        assertThat(engine.transcript(dev.interviewagent.core.InterviewId.of(id)))
                .filteredOn(dev.interviewagent.core.Turn::isRespondent).hasSize(1);
        engine.close();
    }

    @Test
    void should_generate_the_missing_reply_when_resumed_after_a_crash_between_answer_and_reply() {
        // given an interview whose answer to turn 1 was stored, but the process died before the reply was
        Run first = run("", "--json", "--store", store());
        dev.interviewagent.core.InterviewId id = dev.interviewagent.core.InterviewId.of(
                first.json().get(0).path("interviewId").asText());
        dev.interviewagent.persistence.JdbcInterviewStore files = storeOfTheConsole();
        dev.interviewagent.core.Interview state = files.load(id).orElseThrow();
        dev.interviewagent.core.Turn answer = new dev.interviewagent.core.Turn(2,
                dev.interviewagent.core.Turn.Role.RESPONDENT, dev.interviewagent.core.Turn.Kind.ANSWER, ANSWERS_EN.get(0),
                state.stage(), dev.interviewagent.core.Turn.Modality.TEXT, state.updatedAt(), null,
                dev.interviewagent.core.MessageId.of("line-1"), null, null, 0, null, false);
        files.commit(state.version(), state.toBuilder().version(state.version() + 1).turnCount(2).build(),
                List.of(answer));

        // when it is resumed
        Run resumed = run("", "--json", "--store", store(), "--resume", id.value());

        // then the missing reply is generated and shown as the pending question, answering the stored line
        assertThat(resumed.json()).extracting(n -> n.path("type").asText()).containsExactly("session", "question");
        JsonNode pending = resumed.json().get(1);
        assertThat(pending.path("turn").asInt()).isEqualTo(3);
        assertThat(files.turns(id)).hasSize(3);
        assertThat(files.turns(id)).filteredOn(dev.interviewagent.core.Turn::isRespondent).hasSize(1);
    }

    @Test
    void should_send_errors_and_carry_on_when_lines_are_empty_huge_or_control_characters() {
        String huge = "x".repeat(1024 * 1024);
        String stdin = "\n" + huge + "\n" + "\u0001\u0002\u0007\u001b" + "\n" + "/stop\n" + ANSWERS_EN.get(0) + "\n";

        Run run = run(stdin, "--json", "--store", store());

        assertThat(run.exitCode()).isZero();
        assertProtocol(run);
        assertThat(run.ofType("error")).extracting(n -> n.path("code").asText())
                .containsExactly("bad_request", "too_large", "bad_request", "bad_request");
        assertThat(run.ofType("error")).allSatisfy(n -> assertThat(n.path("message").asText()).isNotBlank());
        List<JsonNode> questions = run.ofType("question");
        assertThat(questions).hasSize(2);
        assertThat(questions.get(1).path("replyTo").asText()).isEqualTo("line-1");
        assertThat(run.out()).allSatisfy(line -> assertThat(line.length()).isLessThan(10_000));
    }

    @Test
    void should_show_errors_in_russian_when_the_interview_is_russian() {
        Run run = run("\n", "--store", store(), "--language", "ru");

        assertThat(run.out()).anySatisfy(line -> assertThat(line).startsWith("! ").contains("(bad_request)")
                .containsPattern("\\p{IsCyrillic}"));
    }

    @Test
    void should_exit_with_2_and_usage_when_an_option_is_unknown_or_bad() {
        for (String[] args : List.of(new String[] {"--bogus"}, new String[] {"--style", "shouting"},
                new String[] {"--language", "de"}, new String[] {"--years", "many"}, new String[] {"--store"},
                new String[] {"--resume", "../etc"})) {
            Run run = run("", args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.out()).as(String.join(" ", args)).isEmpty();
            assertThat(run.err()).as(String.join(" ", args)).startsWith("console-sample: ");
        }
    }

    @Test
    void should_print_usage_when_help_is_asked() {
        Run run = run("", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(String.join("\n", run.out())).contains("--language", "--style", "--store", "--resume", "--json");
    }

    @Test
    void should_exit_with_1_and_a_not_found_error_when_resuming_an_unknown_interview() {
        Run run = run("hello\n", "--json", "--store", store(), "--resume", "no-such-interview");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.json()).extracting(n -> n.path("code").asText()).containsExactly("not_found");
    }

    @Test
    void should_write_the_full_report_next_to_the_store_when_completed_for_a_person() {
        Run run = run("/complete\n", "--store", store(), "--language", "en");

        String all = String.join("\n", run.out());
        assertThat(all).contains("Interview ended (early)").contains("Full report: ");
        assertThat(dir.resolve("interviews").resolve("reports")).isDirectoryContaining("glob:**.md")
                .isDirectoryContaining("glob:**.json");
        assertThat(new ArrayList<>(run.out())).noneMatch(line -> line.startsWith("Paused"));
    }
}
