package dev.interviewagent.samples.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.channel.SpeechTranscriber;
import dev.interviewagent.core.spi.InterviewQuery;
import dev.interviewagent.core.store.InMemoryInterviewStore;
import dev.interviewagent.voice.fake.FakeOpenAiServer;
import dev.interviewagent.voice.fake.RecordedRequest;
import dev.interviewagent.voice.testkit.AudioFixtures;
import dev.interviewagent.websocket.Fakes;
import dev.interviewagent.websocket.QuestionSpeaker;
import dev.interviewagent.websocket.WsClient;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page of a respondent who comes back, in real headless Chromium (set up as {@link BrowserTest} does): after a
 * reload, a server restart and another reload, the whole conversation is on screen in turn order and each message
 * once (history.js); questions are read aloud in the server's voice — a real Ogg/Opus clip from sdk-voice's
 * text-to-speech against the local OpenAI stand-in, configured the way the sample configures it — or, without
 * server speech or when it fails, by the browser's own speech synthesis, with a toggle remembered across reloads
 * (speech.js); the “Repeat question” button shows the pending question again and, with spoken questions on, reads
 * it again, without a turn. axe-core finds no serious or critical problem in the restored conversation, with spoken
 * questions on and after a repeat. Screenshots go to {@code target/browser-test/}.
 */
class ConversationBrowserTest {

    private static final Path ARTIFACTS = Path.of("target", "browser-test");
    private static final SpeechTranscriber VOICE =
            dev.interviewagent.voice.VoiceTranscriber.of(TestServers.FAKE_SPEECH);
    private static final String TTS_KEY = "sk-tts-page-0123456789";

    private InMemoryInterviewStore store;
    private InterviewEngine engine;
    private InterviewServer server;
    private WebDriver driver;
    private FakeOpenAiServer openAi;
    private Backends backends;

    @BeforeEach
    void setUp() throws Exception {
        Assumptions.assumeFalse("1".equals(System.getenv("IA_SKIP_BROWSER")), "IA_SKIP_BROWSER=1");
        Files.createDirectories(ARTIFACTS);
        store = new InMemoryInterviewStore();
        engine = InterviewEngine.builder().store(store).brain(new Fakes.StreamingBrain()).build();
        driver = Chromium.start(Files.createTempDirectory("ia-chromium"), Files.createTempDirectory("ia-downloads"));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
        if (engine != null) {
            engine.close();
        }
        if (backends != null) {
            backends.close();
        }
        if (openAi != null) {
            openAi.close();
            assertThat(openAi.violations()).as("requests that break OpenAI's published contract").isEmpty();
        }
    }

    // ------------------------------------------------------------------------------------------ history

    @Test
    void should_show_the_whole_conversation_in_order_once_after_reloads_and_a_server_restart() throws Exception {
        server = TestServers.start(engine, VOICE, ServerSettings.defaults().withPort(0));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        startInterview(wait);
        answer(wait, 1, 2);
        answer(wait, 2, 3);
        // a spoken answer (Chromium's fake microphone): its transcript is on screen, and after a reload from the store
        WebElement record = driver.findElement(By.id("record-button"));
        record.click();
        wait.until(ExpectedConditions.attributeToBe(record, "aria-pressed", "true"));
        new org.openqa.selenium.interactions.Actions(driver).pause(Duration.ofMillis(1500)).perform();
        record.click();
        waitForQuestions(wait, 4);
        answer(wait, 3, 5);
        InterviewId id = store.list(InterviewQuery.builder().build()).items().get(0).id();
        assertThat(shown()).isEqualTo(stored(id));   // 5 questions, 4 answers

        driver.navigate().refresh();
        waitForConversation(wait, id);
        assertInOrderOnce(id);
        shot("history-reloaded.png");
        Chromium.assertAccessible(driver, "conversation restored after a reload");

        // the server restarts on the same port: the page reconnects, resumes and asks again; nothing doubles
        int port = server.port();
        server.close();
        wait.until(ExpectedConditions.not(ExpectedConditions.attributeToBe(By.id("connection"), "data-state",
                "online")));
        server = TestServers.start(engine, VOICE, ServerSettings.defaults().withPort(port));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(
                ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "online"));
        wait.until(d -> "false".equals(d.findElement(By.id("log")).getAttribute("aria-busy")));
        assertInOrderOnce(id);
        answer(wait, 4, 6);
        assertInOrderOnce(id);

        // and once more from scratch: a reload after the restart
        driver.navigate().refresh();
        waitForConversation(wait, id);
        assertInOrderOnce(id);
        assertThat(shown()).hasSize(11);
        shot("history-after-restart.png");
    }

    // ------------------------------------------------------------------------------------------ spoken questions

    @Test
    void should_read_questions_in_the_servers_voice_remember_the_choice_and_fall_back_to_the_browsers()
            throws Exception {
        openAi = new FakeOpenAiServer(TTS_KEY);
        byte[] ogg = AudioFixtures.resource("speech-en.opus.ogg");
        openAi.speechAudio(ogg);
        backends = new Backends();
        // configured as the sample is: the text-to-speech settings of docs/configuration.md
        QuestionSpeaker speaker = backends.speaker(Map.of("INTERVIEW_VOICE_TTS_API_KEY", TTS_KEY,
                "INTERVIEW_VOICE_TTS_BASE_URL", openAi.baseUrl()));
        assertThat(speaker).isNotSameAs(QuestionSpeaker.NONE);
        server = TestServers.start(engine, SpeechTranscriber.NONE, ServerSettings.defaults().withPort(0), speaker);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        startInterview(wait);

        WebElement toggle = driver.findElement(By.id("speak-toggle"));
        assertThat(toggle.getTagName()).isEqualTo("button");
        assertThat(toggle.isDisplayed()).isTrue();
        assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(toggle.getText()).isEqualTo("Read questions aloud");
        assertThat(openAi.requests()).as("nothing is spoken until the respondent asks").isEmpty();

        toggle.click();   // on: the question on screen is read now, in the server's voice
        assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("true");
        waitForPlayableAudio(wait, 1);
        assertThat(js("return localStorage.getItem('ia.speakQuestions')")).isEqualTo("true");
        String first = texts("interviewer").get(0);
        assertThat(speechInputs()).containsExactly(first);
        shot("speech-on.png");
        Chromium.assertAccessible(driver, "spoken questions on, the question's audio loaded");

        answer(wait, 1, 2);   // the next question is read as it comes
        waitForPlayableAudio(wait, 3);
        assertThat(speechInputs()).containsExactly(first, texts("interviewer").get(1));

        // a reload: still on, and the question already read is not read again
        driver.navigate().refresh();
        waitForQuestions(wait, 2);
        WebElement again = driver.findElement(By.id("speak-toggle"));
        assertThat(again.getAttribute("aria-pressed")).isEqualTo("true");
        new org.openqa.selenium.interactions.Actions(driver).pause(Duration.ofMillis(1000)).perform();
        assertThat(openAi.requests()).hasSize(2);

        // the server's voice fails: the browser reads the question instead, and the interview goes on
        openAi.failNext("speech", 500, 1);
        answer(wait, 2, 3);
        wait.until(d -> "5".equals(again.getAttribute("data-spoken-turn")));
        assertThat(again.getAttribute("data-spoken-by")).isEqualTo("browser");

        // off: nothing more is asked for
        again.click();
        assertThat(again.getAttribute("aria-pressed")).isEqualTo("false");
        int asked = openAi.requests().size();
        answer(wait, 3, 4);
        new org.openqa.selenium.interactions.Actions(driver).pause(Duration.ofMillis(500)).perform();
        assertThat(openAi.requests()).hasSize(asked);
        assertThat(js("return localStorage.getItem('ia.speakQuestions')")).isEqualTo("false");
    }

    @Test
    void should_read_questions_with_the_browsers_voice_when_the_server_has_none() {
        server = TestServers.start(engine, SpeechTranscriber.NONE, ServerSettings.defaults().withPort(0));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        startInterview(wait);
        WebElement toggle = driver.findElement(By.id("speak-toggle"));
        assertThat(toggle.isDisplayed()).as("the browser can speak").isTrue();
        toggle.click();
        wait.until(d -> "1".equals(toggle.getAttribute("data-spoken-turn")));
        assertThat(toggle.getAttribute("data-spoken-by")).isEqualTo("browser");
        answer(wait, 1, 2);
        wait.until(d -> "3".equals(toggle.getAttribute("data-spoken-turn")));
        assertThat(toggle.getAttribute("data-spoken-by")).isEqualTo("browser");
    }

    // ------------------------------------------------------------------------------------------ repeat the question

    @Test
    void should_show_the_pending_question_again_and_read_it_again_with_the_repeat_button() throws Exception {
        server = TestServers.start(engine, SpeechTranscriber.NONE, ServerSettings.defaults().withPort(0));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        startInterview(wait);
        answer(wait, 1, 2);
        InterviewId id = store.list(InterviewQuery.builder().build()).items().get(0).id();
        int turns = engine.status(id).turnCount();
        String pending = texts("interviewer").get(1);
        WebElement repeat = driver.findElement(By.id("repeat-button"));
        WebElement toggle = driver.findElement(By.id("speak-toggle"));
        assertThat(repeat.isDisplayed()).isTrue();
        assertThat(repeat.isEnabled()).isTrue();
        assertThat(repeat.getText()).isEqualTo("Repeat question");

        repeat.click();

        // the pending question again, at the end of the log, as a copy of its turn; the interview did not move
        wait.until(d -> d.findElements(By.cssSelector("#log .msg.repeat")).size() == 1);
        List<String> questions = texts("interviewer");
        assertThat(questions.get(questions.size() - 1)).isEqualTo(pending);
        assertThat(js("return document.querySelector('#log .msg:last-child').dataset.repeatOf")).isEqualTo("3");
        assertThat(engine.status(id).turnCount()).as("no turn taken").isEqualTo(turns);
        assertThat(stored(id)).hasSize(3);
        assertThat(toggle.getAttribute("data-spoken-turn")).as("nothing read aloud while that is off").isNull();
        shot("repeat-question.png");

        // with spoken questions on, the button reads the question again
        toggle.click();
        wait.until(d -> "3".equals(toggle.getAttribute("data-spoken-turn")));
        js("delete document.getElementById('speak-toggle').dataset.spokenBy");
        repeat.click();
        wait.until(d -> "browser".equals(toggle.getAttribute("data-spoken-by")));
        assertThat(toggle.getAttribute("data-spoken-turn")).isEqualTo("3");
        Chromium.assertAccessible(driver, "question repeated and read aloud");

        // the next answer answers that question
        answer(wait, 2, 5);
        assertThat(engine.status(id).pendingQuestion().number()).isEqualTo(5);
        assertThat(stored(id)).hasSize(5);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private void startInterview(WebDriverWait wait) {
        driver.get(server.uri().toString());
        wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "online"));
        new Select(driver.findElement(By.id("language"))).selectByValue("en");
        driver.findElement(By.id("start-button")).click();
        waitForQuestions(wait, 1);
    }

    /** Types answer {@code n} and waits until {@code questions} questions are on screen. */
    private void answer(WebDriverWait wait, int n, int questions) {
        driver.findElement(By.id("answer")).sendKeys(TestServers.answer("en", n));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("send-button"))).click();
        waitForQuestions(wait, questions);
    }

    private void waitForQuestions(WebDriverWait wait, int count) {
        wait.until(d -> d.findElements(By.cssSelector("#log .msg.interviewer")).size() >= count
                && d.findElement(By.id("send-button")).isEnabled());
    }

    /** Until the log shows as many messages as the store holds and is no longer being restored. */
    private void waitForConversation(WebDriverWait wait, InterviewId id) {
        int expected = stored(id).size();
        wait.until(d -> shown().size() >= expected
                && "false".equals(d.findElement(By.id("log")).getAttribute("aria-busy")));
    }

    private void assertInOrderOnce(InterviewId id) {
        List<String> shown = shown();
        assertThat(shown).as("the conversation on screen, in order, each message once").isEqualTo(stored(id));
        assertThat(shown).doesNotHaveDuplicates();
        @SuppressWarnings("unchecked")
        List<String> turns = (List<String>) js("return Array.from(document.querySelectorAll("
                + "'#log .msg.interviewer, #log .msg.respondent')).map(m => m.dataset.turn || '')");
        assertThat(turns).doesNotContain("").doesNotHaveDuplicates();
        assertThat(turns.stream().map(Integer::parseInt).toList()).isSorted();
    }

    /** "role: text" of every question and answer on screen, in document order. */
    @SuppressWarnings("unchecked")
    private List<String> shown() {
        return (List<String>) js("return Array.from(document.querySelectorAll('#log .msg.interviewer, "
                + "#log .msg.respondent')).map(m => (m.classList.contains('interviewer') ? 'interviewer' : "
                + "'respondent') + ': ' + m.querySelector('.text').textContent)");
    }

    /** "role: text" of every question and answer in the store, in turn order. */
    private List<String> stored(InterviewId id) {
        return engine.transcript(id).stream().filter(t -> t.kind() != Turn.Kind.COMMAND)
                .map(t -> t.role().code() + ": " + t.text()).toList();
    }

    @SuppressWarnings("unchecked")
    private List<String> texts(String who) {
        return (List<String>) js("return Array.from(document.querySelectorAll('#log .msg." + who + " .text'))"
                + ".map(t => t.textContent)");
    }

    /** The question audio has a blob: source of the server's clip, whose length the browser has read. */
    private void waitForPlayableAudio(WebDriverWait wait, int turn) {
        wait.until(d -> String.valueOf(turn).equals(d.findElement(By.id("speak-toggle"))
                .getAttribute("data-spoken-turn")));
        assertThat(driver.findElement(By.id("speak-toggle")).getAttribute("data-spoken-by")).isEqualTo("server");
        assertThat(String.valueOf(js("return document.getElementById('question-audio').src"))).startsWith("blob:");
        wait.until(d -> {
            Object duration = js("const a = document.getElementById('question-audio'); "
                    + "return a.readyState >= 1 && isFinite(a.duration) ? a.duration : 0");
            return duration instanceof Number n && n.doubleValue() > 2.0;   // the clip is 2.5 s long
        });
        assertThat(js("return document.getElementById('question-audio').error")).isNull();
    }

    private List<String> speechInputs() {
        return openAi.requests().stream().map(RecordedRequest::body).map(body -> {
            try {
                return WsClient.JSON.readTree(body).path("input").asText();
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private void shot(String name) throws Exception {
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), ARTIFACTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
