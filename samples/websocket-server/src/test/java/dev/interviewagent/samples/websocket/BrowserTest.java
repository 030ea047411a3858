package dev.interviewagent.samples.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.channel.SpeechTranscriber;
import dev.interviewagent.core.store.InMemoryInterviewStore;
import dev.interviewagent.websocket.Fakes;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}): start, answer three
 * questions, answer one by voice (Chromium's fake microphone), watch the progress move, survive a server restart,
 * end, read the report; and no microphone button when the server takes no voice answers. Fails when Chromium is
 * missing, unless {@code IA_SKIP_BROWSER=1}. Screenshots go to {@code target/browser-test/}.
 */
class BrowserTest {

    private static final Path ARTIFACTS = Path.of("target", "browser-test");

    /** sdk-voice's audio inspector on what the page's MediaRecorder sends, and a local fake provider. */
    private static final SpeechTranscriber VOICE =
            dev.interviewagent.voice.VoiceTranscriber.of(TestServers.FAKE_SPEECH);

    private InMemoryInterviewStore store;
    private InterviewEngine engine;
    private InterviewServer server;
    private WebDriver driver;
    private Path profile;
    private long t0 = System.nanoTime();

    @BeforeEach
    void setUp() throws Exception {
        Assumptions.assumeFalse("1".equals(System.getenv("IA_SKIP_BROWSER")), "IA_SKIP_BROWSER=1");
        Files.createDirectories(ARTIFACTS);
        store = new InMemoryInterviewStore();
        engine = InterviewEngine.builder().store(store).brain(new Fakes.StreamingBrain()).build(); // deltas too
        profile = Files.createTempDirectory("ia-chromium");
        driver = Chromium.start(profile, Files.createTempDirectory("ia-downloads"));
        System.out.printf("driver at %d ms%n", (System.nanoTime() - t0) / 1_000_000);
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
    }

    @Test
    void should_run_an_interview_in_the_page_and_show_the_report() throws Exception {
        server = TestServers.start(engine, VOICE, ServerSettings.defaults().withPort(0));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.get(server.uri().toString());
        wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "online"));

        new Select(driver.findElement(By.id("language"))).selectByValue("en");
        new Select(driver.findElement(By.id("style"))).selectByValue("conversational");
        driver.findElement(By.cssSelector("#start-form details summary")).click();
        driver.findElement(By.id("role_title")).sendKeys("Shift supervisor");
        driver.findElement(By.id("start-button")).click();

        waitForQuestions(wait, 1);
        assertThat(current()).isEqualTo("1");
        String startCompleteness = driver.findElement(By.id("completeness")).getAttribute("value");
        shot("start.png");

        for (int n = 1; n <= 3; n++) {
            WebElement answer = driver.findElement(By.id("answer"));
            answer.sendKeys(TestServers.answer("en", n));
            if (n == 2) {
                answer.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL,
                        org.openqa.selenium.Keys.ENTER));   // the keyboard path
            } else {
                driver.findElement(By.id("send-button")).click();
            }
            waitForQuestions(wait, n + 1);
        }
        String completeness = driver.findElement(By.id("completeness")).getAttribute("value");
        assertThat(Integer.parseInt(current()) > 1 || Integer.parseInt(completeness)
                > Integer.parseInt(startCompleteness)).as("the progress moved (stage %s, completeness %s -> %s)",
                current(), startCompleteness, completeness).isTrue();
        assertThat(driver.findElements(By.cssSelector("#log .msg.respondent"))).hasSize(3);
        shot("chat.png");
        // a spoken answer: MediaRecorder records the fake microphone, the server inspects and transcribes it
        WebElement record = driver.findElement(By.id("record-button"));
        assertThat(record.isDisplayed()).as("the server takes voice answers: the microphone is shown").isTrue();
        record.click();
        wait.until(ExpectedConditions.attributeToBe(record, "aria-pressed", "true"));
        new org.openqa.selenium.interactions.Actions(driver).pause(Duration.ofMillis(2000)).perform();
        record.click();
        waitForQuestions(wait, 5);
        assertThat(driver.findElements(By.cssSelector("#log .msg.respondent"))).hasSize(4);

        driver.manage().window().setSize(new Dimension(390, 844));   // a phone
        assertThat(driver.findElement(By.id("send-button")).isDisplayed()).isTrue();
        shot("chat-phone.png");
        driver.manage().window().setSize(new Dimension(1280, 1600));

        // the server restarts on the same port: the page reconnects and resumes with its stored token
        int port = server.port();
        server.close();
        wait.until(ExpectedConditions.not(ExpectedConditions.attributeToBe(By.id("connection"), "data-state",
                "online")));
        server = TestServers.start(engine, VOICE, ServerSettings.defaults().withPort(port));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(
                ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "online"));
        driver.findElement(By.id("answer")).sendKeys(TestServers.answer("en", 4));
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.elementToBeClickable(
                By.id("send-button"))).click();
        waitForQuestions(wait, 6);

        driver.findElement(By.id("end-button")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-view")));
        wait.until(d -> !d.findElements(By.cssSelector("#report h3, #report h4")).isEmpty());
        assertThat(driver.findElement(By.id("download-json")).getAttribute("href")).startsWith("blob:");
        wait.until(d -> String.valueOf(d.findElement(By.id("download-md")).getAttribute("href")).startsWith("blob:"));
        assertThat(driver.findElement(By.id("report")).getText()).isNotBlank();
        shot("report.png");

        // a phone-width layout of the same report
        driver.manage().window().setSize(new Dimension(390, 844));
        shot("report-phone.png");
    }

    @Test
    void should_keep_an_answer_and_send_it_again_when_the_server_is_unavailable() throws Exception {
        TestServers.FlakyLock lock = new TestServers.FlakyLock();
        engine.close();
        engine = InterviewEngine.builder().store(store).lock(lock).build();
        server = TestServers.start(engine, SpeechTranscriber.NONE, ServerSettings.defaults().withPort(0));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.get(server.uri().toString());
        wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "online"));
        new Select(driver.findElement(By.id("language"))).selectByValue("en");
        driver.findElement(By.id("start-button")).click();
        waitForQuestions(wait, 1);

        lock.down.set(true);
        driver.findElement(By.id("answer")).sendKeys(TestServers.answer("en", 1));
        driver.findElement(By.id("send-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("alert")));   // "unavailable", shown
        assertThat(driver.findElement(By.id("send-button")).isEnabled()).as("the answer is still on its way").isFalse();
        shot("unavailable.png");
        lock.down.set(false);

        waitForQuestions(wait, 2);   // sent again by the page itself, with the same id
        assertThat(driver.findElements(By.cssSelector("#log .msg.respondent"))).hasSize(1);
        InterviewId id = store.list(dev.interviewagent.core.spi.InterviewQuery.builder().build()).items().get(0).id();
        assertThat(engine.transcript(id)).filteredOn(dev.interviewagent.core.Turn::isRespondent).hasSize(1);
    }

    @Test
    void should_hide_the_microphone_when_the_server_takes_no_voice_answers() throws Exception {
        server = TestServers.start(engine, SpeechTranscriber.NONE, ServerSettings.defaults().withPort(0));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.get(server.uri().toString());
        wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "online"));
        new Select(driver.findElement(By.id("language"))).selectByValue("en");
        driver.findElement(By.id("start-button")).click();
        waitForQuestions(wait, 1);

        assertThat(driver.findElement(By.id("record-button")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("send-button")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("end-button")).isDisplayed()).isTrue();
        shot("no-voice.png");

        // still hidden after the page reloads and resumes the interview
        driver.navigate().refresh();
        waitForQuestions(wait, 1);
        assertThat(driver.findElement(By.id("record-button")).isDisplayed()).isFalse();
    }

    private String current() {
        return driver.findElement(By.id("progress")).getAttribute("data-current");
    }

    private void waitForQuestions(WebDriverWait wait, int count) {
        wait.until(d -> {
            List<WebElement> questions = d.findElements(By.cssSelector("#log .msg.interviewer"));
            return questions.size() >= count
                    && d.findElement(By.id("send-button")).isEnabled();
        });
    }

    private void shot(String name) throws Exception {
        System.out.printf("%s at %d ms%n", name, (System.nanoTime() - t0) / 1_000_000);
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), ARTIFACTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
