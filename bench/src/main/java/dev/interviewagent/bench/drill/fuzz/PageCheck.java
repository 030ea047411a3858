package dev.interviewagent.bench.drill.fuzz;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web sample's page in headless Debian Chromium: a respondent types {@link #ANSWERS} answers made of every
 * script payload of {@link HostileText} (and Markdown), reloads (the page resumes and draws the conversation again
 * from the server's history), ends the interview and is shown the report. Expected: no payload ran (none set
 * {@link HostileText#XSS_GLOBAL}, no dialog opened other than the page's own end confirmation), no element a payload
 * would create exists in the conversation or the report, and the payloads are shown as the text typed.
 */
final class PageCheck {

    static final int ANSWERS = 8;
    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");
    private static final String INJECTED = "#log script, #log img, #log iframe, #log svg, #log details, #log style, "
            + "#report script, #report img, #report iframe, #report svg, #report details, #report style, "
            + "a[href^='javascript'], [onerror], [onload], [ontoggle]";

    /** What the page showed. */
    record Result(boolean ran, String xss, long injected, List<String> missing, boolean reportShown, String note) {
        boolean passed() {
            return ran && xss == null && injected == 0 && missing.isEmpty() && reportShown;
        }
    }

    private PageCheck() {
    }

    static Result run(URI page, Tally tally) throws Exception {
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
            return new Result(false, null, 0, List.of(), false, "no Chromium (apt-get install -y chromium "
                    + "chromium-driver)");
        }
        // Selenium warns that it has no CDP bindings for this Chromium's version; the one CDP command used needs none
        SELENIUM_LOG.setLevel(Level.SEVERE);
        Path profile = Files.createTempDirectory("fuzz-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1600", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            // a payload that calls alert/prompt/print is caught as having run
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "['alert','prompt','print'].forEach(n => { window[n] = () => { window." + HostileText.XSS_GLOBAL
                            + " = n; }; });"));
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(page.toString());
            wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "online"));
            driver.findElement(By.id("start-button")).click();
            waitForQuestions(driver, wait, 1);
            List<String> typed = new ArrayList<>();
            for (int n = 0; n < ANSWERS; n++) {
                String answer = answer(n);
                typed.add(answer);
                tally.input("page", "script and Markdown answer");
                ((JavascriptExecutor) driver).executeScript("const a = document.getElementById('answer');"
                        + "a.value = arguments[0]; a.dispatchEvent(new Event('input', {bubbles: true}));", answer);
                wait.until(ExpectedConditions.elementToBeClickable(By.id("send-button"))).click();
                waitForQuestions(driver, wait, n + 2);
            }
            driver.navigate().refresh();   // the conversation drawn again from the server's history
            wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "online"));
            wait.until(d -> d.findElements(By.cssSelector("#log .msg.respondent")).size() >= ANSWERS);
            List<String> missing = missing(driver, "#log", typed);
            driver.findElement(By.id("end-button")).click();
            wait.until(ExpectedConditions.alertIsPresent()).accept();   // the page's own "End the interview now?"
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-view")));
            boolean reportShown = new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                    !d.findElements(By.cssSelector("#report h3, #report h4")).isEmpty());
            Thread.sleep(500);            // a payload with a delayed effect (onerror of a failed load) has fired
            JavascriptExecutor js = driver;
            Object xss = js.executeScript("return window." + HostileText.XSS_GLOBAL + " || null;");
            long injected = ((Number) js.executeScript("return document.querySelectorAll(arguments[0]).length;",
                    INJECTED)).longValue();
            String reportText = driver.findElement(By.id("report")).getText();
            String note = "report of " + reportText.length() + " characters, " + (reportText.contains("<img")
                    || reportText.contains("<script") ? "quoting payloads as text" : "quoting no payload");
            return new Result(true, xss == null ? null : String.valueOf(xss), injected, missing, reportShown, note);
        } finally {
            driver.quit();
            FuzzDrill.deleteTree(profile);
        }
    }

    /** The n-th answer: two script payloads (all of them over the answers) and a piece of Markdown. */
    static String answer(int n) {
        List<String> script = HostileText.SCRIPT;
        List<String> markup = HostileText.MARKUP;
        return "Case " + n + " at " + HostileText.CANARY + ": " + script.get(2 * n % script.size()) + " then "
                + script.get((2 * n + 1) % script.size()) + " and " + markup.get(n % markup.size());
    }

    private static void waitForQuestions(ChromeDriver driver, WebDriverWait wait, int n) {
        wait.until(d -> d.findElements(By.cssSelector("#log .msg.interviewer")).size() >= n
                && d.findElement(By.id("send-button")).isEnabled());
    }

    /** The payloads (their first line) not shown as text in {@code selector}. */
    private static List<String> missing(ChromeDriver driver, String selector, List<String> typed) {
        String shown = String.valueOf(driver.executeScript("return document.querySelector(arguments[0])"
                + ".textContent;", selector));
        List<String> missing = new ArrayList<>();
        for (String answer : typed) {
            String probe = answer.substring(answer.indexOf(": ") + 2, Math.min(answer.length(),
                    answer.indexOf(": ") + 40));
            if (!shown.contains(probe)) {
                missing.add(probe);
            }
        }
        return missing;
    }
}
