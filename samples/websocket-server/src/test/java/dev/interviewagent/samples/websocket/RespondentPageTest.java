package dev.interviewagent.samples.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.channel.SpeechTranscriber;
import dev.interviewagent.core.spi.InterviewQuery;
import dev.interviewagent.persistence.JdbcInterviewStore;
import dev.interviewagent.persistence.PrivacyOperations;
import dev.interviewagent.voice.AudioInspector;
import dev.interviewagent.voice.AudioLimits;
import dev.interviewagent.voice.VoiceTranscriber;
import dev.interviewagent.websocket.DataPolicy;
import dev.interviewagent.websocket.Fakes;
import dev.interviewagent.websocket.Guides;
import dev.interviewagent.websocket.RespondentData;
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
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page as a respondent meets it, in real headless Chromium against the sample server on the embedded store: the
 * privacy notice with the server's own retention before the first question, "Download my answers" and "Delete my
 * data" (really gone from the store), a host's own guide's stage names, the transcript beside the report, the
 * recording timer, level and limit, errors that stay until resolved or dismissed; axe-core finds no serious or
 * critical accessibility problem on the consent screen, an interview in progress, an error shown and the completed
 * state; and the page fits a 360 px phone. Screenshots go to {@code target/browser-test/}. Fails when Chromium is
 * missing, unless {@code IA_SKIP_BROWSER=1}.
 */
class RespondentPageTest {

    private static final Path ARTIFACTS = Path.of("target", "browser-test");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the sample's notice says when retention is on: deleted 30 days after the end, idle closed after 14. */
    private static final DataPolicy POLICY = new DataPolicy(Duration.ofDays(30), Duration.ofDays(14), true);

    @TempDir
    Path dir;

    private JdbcInterviewStore store;
    private InterviewEngine engine;
    private InterviewServer server;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private Path downloads;

    @BeforeEach
    void setUp() throws Exception {
        Assumptions.assumeFalse("1".equals(System.getenv("IA_SKIP_BROWSER")), "IA_SKIP_BROWSER=1");
        Files.createDirectories(ARTIFACTS);
        downloads = Files.createDirectories(dir.resolve("downloads"));
        store = JdbcInterviewStore.embedded(dir.resolve("store"));
        driver = Chromium.start(Files.createDirectories(dir.resolve("profile")), downloads);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
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
        if (store != null) {
            store.close();
        }
    }

    /** The sample server as Main starts it: the store's PrivacyOperations behind "Delete my data". */
    private void serve(InterviewEngine.Builder engineBuilder, SpeechTranscriber transcriber) throws Exception {
        engine = engineBuilder.store(store).build();
        PrivacyOperations privacy = PrivacyOperations.of(store);
        server = InterviewServer.start(TestServers.settings(), engine, transcriber, POLICY,
                RespondentData.of(privacy::exportRespondent, privacy::deleteRespondent));
        driver.get(server.uri().toString());
        wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "online"));
    }

    // ------------------------------------------------------------------------------------------ consent, your data

    @Test
    void should_ask_for_consent_with_the_servers_retention_then_export_and_delete_the_respondents_data()
            throws Exception {
        serve(InterviewEngine.builder().brain(new Fakes.StreamingBrain()), SpeechTranscriber.NONE);

        // the notice, from what this server keeps and for how long
        wait.until(d -> d.findElement(By.id("consent-notice")).getText().contains("30 days"));
        String notice = driver.findElement(By.id("consent-notice")).getText();
        assertThat(notice).contains("What is kept: your answers")
                .contains("deleted automatically 30 days after the interview ends")
                .contains("left without an answer for 14 days is closed")
                .contains("E-mail addresses and phone numbers are masked")
                .contains("“Download my answers”").contains("“Delete my data”")
                .doesNotContain("speech-to-text");   // this server takes no spoken answers
        assertThat(driver.findElement(By.id("start-button")).getText()).isEqualTo("Agree and start");
        assertThat(driver.findElement(By.id("data-view")).isDisplayed()).as("nothing of this browser yet").isFalse();
        shot("consent.png");
        Chromium.assertAccessible(driver, "consent screen");
        fitsPhone("consent-360.png", "start-button", "language");

        new Select(driver.findElement(By.id("language"))).selectByValue("ru");
        wait.until(d -> d.findElement(By.id("consent-notice")).getText().contains("30 дней"));
        assertThat(driver.findElement(By.id("consent-notice")).getText())
                .contains("удаляются автоматически через 30 дней после окончания интервью")
                .contains("14 дней не было ответа");
        assertThat(driver.findElement(By.id("start-button")).getText()).isEqualTo("Согласиться и начать");
        new Select(driver.findElement(By.id("language"))).selectByValue("en");

        driver.findElement(By.id("start-button")).click();
        waitForQuestions(1);
        for (int n = 1; n <= 2; n++) {
            driver.findElement(By.id("answer")).sendKeys(TestServers.answer("en", n));
            driver.findElement(By.id("send-button")).click();
            waitForQuestions(n + 1);
        }
        InterviewId id = onlyInterview();
        assertThat(store.load(id).orElseThrow().attributes()).as("the consent is on record")
                .containsKey("ws.consentAt");
        assertThat(driver.findElement(By.id("record-button")).isDisplayed()).as("no speech-to-text").isFalse();
        assertThat(driver.findElement(By.id("rec-hint")).isDisplayed()).isFalse();
        Chromium.assertAccessible(driver, "interview in progress");
        fitsPhone("chat-360.png", "answer", "send-button", "end-button", "export-button", "delete-button");

        // download my answers: everything stored about this browser, as the store holds it
        driver.findElement(By.id("export-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("export-ready")));
        // the page started the download itself: the file as the respondent gets it
        Path file = downloads.resolve("my-interview-data.json");
        JsonNode export = JSON.readTree(downloaded(file));
        assertThat(export.path("interviews")).hasSize(1);
        assertThat(export.path("interviews").get(0).path("interview").path("id").asText()).isEqualTo(id.value());
        assertThat(export.path("interviews").get(0).path("turns").toString())
                .contains("replaced valve 8 within 21 minutes").contains("replaced valve 9 within 22 minutes");
        assertThat(driver.findElement(By.id("download-export")).getAttribute("href")).startsWith("blob:");
        shot("exported.png");

        // delete my data: confirmed, gone from the store, and the page forgets the interview
        driver.findElement(By.id("delete-button")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("start-view")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("note")));
        assertThat(driver.findElement(By.id("note")).getText()).contains("Your data was deleted")
                .contains("interviews removed: 1");
        assertThat(store.load(id)).isEmpty();
        assertThat(store.turns(id)).isEmpty();
        assertThat(store.list(InterviewQuery.builder().build()).items()).isEmpty();
        assertThat(((JavascriptExecutor) driver).executeScript(
                "return [localStorage.getItem('ia.interview'), localStorage.getItem('ia.clientKey')]"))
                .isEqualTo(java.util.Arrays.asList(null, null));
        assertThat(driver.findElements(By.cssSelector("#log .msg"))).isEmpty();
        shot("deleted.png");

        // after a reload the page starts afresh
        driver.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("start-view")));
        assertThat(driver.findElement(By.id("chat-view")).isDisplayed()).isFalse();
    }

    // ------------------------------------------------------------------------------------------ stages, transcript

    @Test
    void should_show_a_custom_guides_stages_and_offer_the_transcript_beside_the_report() throws Exception {
        serve(InterviewEngine.builder().guide(Guides.fieldService()), SpeechTranscriber.NONE);
        driver.findElement(By.id("start-button")).click();
        waitForQuestions(1);
        assertThat(driver.findElements(By.cssSelector("#progress li .stage-name"))).extracting(WebElement::getText)
                .containsExactlyElementsOf(Guides.FIELD_SERVICE_TITLES.stream().map(t -> t.get(0)).toList());
        assertThat(driver.findElement(By.id("stage-name")).getText()).isEqualTo("Stage 1 of 9: Hello");
        String firstQuestion = driver.findElement(By.cssSelector("#log .msg.interviewer .text")).getText();
        for (int n = 1; n <= 3; n++) {
            driver.findElement(By.id("answer")).sendKeys(TestServers.answer("en", n));
            driver.findElement(By.id("send-button")).click();
            waitForQuestions(n + 1);
        }
        shot("custom-guide.png");

        driver.findElement(By.id("end-button")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-view")));
        wait.until(d -> String.valueOf(d.findElement(By.id("download-md")).getAttribute("href")).startsWith("blob:"));
        assertThat(driver.findElement(By.id("download-transcript")).getAttribute("href")).startsWith("blob:");
        driver.findElement(By.id("download-transcript")).click();
        String transcript = downloaded(downloads.resolve("interview-transcript.md"));
        assertThat(transcript).startsWith("# Interview transcript").contains("**Interviewer:** " + firstQuestion)
                .contains("**You:** " + TestServers.answer("en", 1))
                .contains("**You:** " + TestServers.answer("en", 3));
        assertThat(transcript.indexOf(TestServers.answer("en", 1)))
                .isLessThan(transcript.indexOf(TestServers.answer("en", 2)));
        assertThat(driver.findElement(By.id("data-view")).isDisplayed()).isTrue();
        shot("completed.png");
        Chromium.assertAccessible(driver, "completed state");
        fitsPhone("report-360.png", "download-json", "download-md", "download-transcript", "new-button",
                "export-button", "delete-button");

        // a Russian interview names the guide's stages in Russian
        driver.findElement(By.id("new-button")).click();
        new Select(driver.findElement(By.id("language"))).selectByValue("ru");
        driver.findElement(By.id("start-button")).click();
        wait.until(d -> "Этап 1 из 9: Здравствуйте".equals(d.findElement(By.id("stage-name")).getText()));
        assertThat(driver.findElements(By.cssSelector("#progress li .stage-name"))).extracting(WebElement::getText)
                .containsExactlyElementsOf(Guides.FIELD_SERVICE_TITLES.stream().map(t -> t.get(1)).toList());
    }

    // ------------------------------------------------------------------------------------------ recording

    @Test
    void should_show_a_timer_a_level_and_the_limit_and_stop_the_recording_at_the_servers_limit() throws Exception {
        SpeechTranscriber threeSeconds = VoiceTranscriber.of(TestServers.FAKE_SPEECH, AudioInspector.of(
                AudioLimits.builder().maxDuration(Duration.ofSeconds(3)).build()));
        serve(InterviewEngine.builder(), threeSeconds);
        assertThat(driver.findElement(By.id("consent-notice")).getText())
                .contains("Spoken answers are sent to a speech-to-text service");
        driver.findElement(By.id("start-button")).click();
        waitForQuestions(1);

        WebElement record = driver.findElement(By.id("record-button"));
        assertThat(record.isDisplayed()).as("the server transcribes: the microphone is shown").isTrue();
        assertThat(driver.findElement(By.id("rec-hint")).getText())
                .isEqualTo("Recordings up to 0:03; recording stops by itself there.");
        record.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recording")));
        assertThat(driver.findElement(By.id("rec-limit")).getText()).isEqualTo("/ 0:03");
        // the level moves with the (fake) microphone's tone, and the timer runs
        double loudest = 0;
        for (int i = 0; i < 20 && loudest == 0; i++) {
            loudest = Math.max(loudest, Double.parseDouble(driver.findElement(By.id("rec-level"))
                    .getDomProperty("value")));
            Thread.sleep(100);
        }
        assertThat(loudest).as("the level meter shows the microphone").isGreaterThan(0);
        wait.until(d -> "0:01".equals(d.findElement(By.id("rec-time")).getText()));
        shot("recording.png");
        // nobody presses stop: the page stops before the limit and sends, and the server takes it
        wait.until(ExpectedConditions.attributeToBe(record, "aria-pressed", "false"));
        assertThat(driver.findElement(By.id("rec-warning")).getText())
                .isEqualTo("The recording reached its limit and was sent.");
        waitForQuestions(2);
        assertThat(driver.findElements(By.cssSelector("#log .msg.respondent"))).hasSize(1);
        assertThat(driver.findElement(By.id("alert")).isDisplayed()).as("the recording was not refused").isFalse();
        assertThat(driver.findElement(By.id("recording")).isDisplayed()).isFalse();
    }

    // ------------------------------------------------------------------------------------------ errors

    @Test
    void should_keep_an_error_until_it_is_resolved_or_dismissed() throws Exception {
        TestServers.FlakyLock lock = new TestServers.FlakyLock();
        serve(InterviewEngine.builder().lock(lock), SpeechTranscriber.NONE);
        driver.findElement(By.id("start-button")).click();
        waitForQuestions(1);

        lock.down.set(true);
        driver.findElement(By.id("answer")).sendKeys(TestServers.answer("en", 1));
        driver.findElement(By.id("send-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("alert")));
        String shown = driver.findElement(By.id("alert-text")).getText();
        assertThat(shown).contains("temporarily unavailable");
        Thread.sleep(9_000);   // longer than the page used to show an error
        assertThat(driver.findElement(By.id("alert")).isDisplayed()).as("still shown after 9 s").isTrue();
        shot("error.png");
        Chromium.assertAccessible(driver, "error shown");
        fitsPhone("error-360.png", "alert-dismiss", "send-button");

        lock.down.set(false);   // resolved: the page's own resend is answered and the error goes
        waitForQuestions(2, Duration.ofSeconds(40));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("alert")));

        lock.down.set(true);
        driver.findElement(By.id("answer")).sendKeys(TestServers.answer("en", 2));
        driver.findElement(By.id("send-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("alert")));
        driver.findElement(By.id("alert-dismiss")).click();
        assertThat(driver.findElement(By.id("alert")).isDisplayed()).as("dismissed").isFalse();
        assertThat(driver.findElement(By.id("send-button")).isEnabled()).as("the answer is still on its way")
                .isFalse();
        lock.down.set(false);
        waitForQuestions(3, Duration.ofSeconds(40));
        assertThat(driver.findElements(By.cssSelector("#log .msg.respondent"))).hasSize(2);
    }

    // ------------------------------------------------------------------------------------------ helpers

    /**
     * At 360 × 740 the page scrolls only vertically and the named controls are shown, wholly within the width; the
     * screenshot is saved for review. The desktop size comes back afterwards.
     */
    private void fitsPhone(String screenshot, String... controls) throws Exception {
        Chromium.phone(driver);
        try {
            JavascriptExecutor js = (JavascriptExecutor) driver;
            wait.until(d -> ((Number) js.executeScript("return window.innerWidth")).intValue() == 360);
            long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
            assertThat(scrollWidth).as("no horizontal scroll at 360 px (%s)", screenshot).isLessThanOrEqualTo(360);
            for (String id : controls) {
                WebElement control = driver.findElement(By.id(id));
                assertThat(control.isDisplayed()).as("#%s shown at 360 px", id).isTrue();
                @SuppressWarnings("unchecked")
                Map<String, Number> box = (Map<String, Number>) js.executeScript("const r = arguments[0]"
                        + ".getBoundingClientRect(); return {left: r.left, right: r.right, width: r.width};", control);
                assertThat(box.get("left").doubleValue()).as("#%s left edge", id).isGreaterThanOrEqualTo(0);
                assertThat(box.get("right").doubleValue()).as("#%s right edge", id).isLessThanOrEqualTo(360);
                assertThat(box.get("width").doubleValue()).as("#%s width", id).isGreaterThan(0);
            }
            shot(screenshot);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private InterviewId onlyInterview() {
        List<InterviewId> ids = store.list(InterviewQuery.builder().build()).items().stream()
                .map(s -> s.id()).toList();
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    private void waitForQuestions(int count) {
        waitForQuestions(count, Duration.ofSeconds(20));
    }

    private void waitForQuestions(int count, Duration timeout) {
        new WebDriverWait(driver, timeout).until(d -> d.findElements(By.cssSelector("#log .msg.interviewer")).size()
                >= count && d.findElement(By.id("send-button")).isEnabled());
    }

    /** A file the browser downloaded, once it is complete. */
    private String downloaded(Path file) {
        wait.until(d -> Files.isRegularFile(file) && !Files.exists(file.resolveSibling(file.getFileName()
                + ".crdownload")));
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void shot(String name) throws Exception {
        File file = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), ARTIFACTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
