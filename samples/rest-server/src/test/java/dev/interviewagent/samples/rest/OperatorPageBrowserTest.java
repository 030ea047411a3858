package dev.interviewagent.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
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
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator page in real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, as the
 * WebSocket sample's browser test): sign in with the admin token, list and filter interviews, open a report in
 * Markdown and JSON, export one (the downloaded file is read back), delete one in two clicks, stay signed in across a
 * reload (sessionStorage) and sign out. No console errors (so the strict Content-Security-Policy breaks nothing).
 * Fails when Chromium is missing, unless {@code IA_SKIP_BROWSER=1}. Screenshots go to {@code target/browser-test/}.
 */
class OperatorPageBrowserTest extends ApiTestBase {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path ARTIFACTS = Path.of("target", "browser-test");

    private WebDriver driver;
    private ValidatingProxy proxy;
    private Path profile;
    private Path downloads;

    @BeforeEach
    void browser() throws Exception {
        Assumptions.assumeFalse("1".equals(System.getenv("IA_SKIP_BROWSER")), "IA_SKIP_BROWSER=1");
        assertThat(CHROMIUM).as("Chromium (apt-get install -y chromium chromium-driver)").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver (apt-get install -y chromium chromium-driver)").isExecutable();
        Files.createDirectories(ARTIFACTS);
        profile = Files.createTempDirectory("ia-chromium");
        downloads = Files.createTempDirectory("ia-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1400,1200", "--lang=en-US");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void should_list_filter_report_export_and_delete_in_the_page() throws Exception {
        Interviews.Started english = Interviews.start(api, Map.of("language", "en", "style", "master"));
        Interviews.answerSome(api, english, 3);
        Interviews.Started russian = Interviews.start(api, Map.of("language", "ru", "style", "telegram"));
        Interviews.Started ended = Interviews.start(api, Map.of("language", "en", "style", "conversational"));
        api.post(ended.path() + "/complete").bearer(ended.token()).send();

        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // the page is loaded through a proxy that checks every API call it makes against docs/openapi.yaml
        proxy = ValidatingProxy.reverse(URI.create("http://127.0.0.1:" + port));
        driver.get(proxy.base() + "/admin/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        assertThat(driver.findElement(By.id("list-view")).isDisplayed()).isFalse();
        shot("sign-in.png");

        // a wrong token: refused, nothing listed
        driver.findElement(By.id("token")).sendKeys("not-the-operator-token-000");
        driver.findElement(By.id("token-button")).click();
        wait.until(d -> !d.findElement(By.id("error")).getText().isBlank());
        assertThat(driver.findElement(By.id("error")).getText()).contains("admin token is wrong");
        assertThat(driver.findElement(By.id("list-view")).isDisplayed()).isFalse();
        assertThat(sessionToken()).isNull();

        driver.findElement(By.id("token")).sendKeys(ADMIN_TOKEN);
        driver.findElement(By.id("token-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("list-view")));
        waitForRow(wait, english.id());
        assertThat(rowIds()).contains(english.id(), russian.id(), ended.id());
        assertThat(driver.findElement(By.id("metrics")).getText()).contains("active").contains("methodology");
        assertThat(sessionToken()).isEqualTo(ADMIN_TOKEN);
        shot("list.png");

        // filters: Russian only; then ended early only
        new Select(driver.findElement(By.id("language"))).selectByValue("ru");
        showAndWait(wait);
        assertThat(rowIds()).contains(russian.id()).doesNotContain(english.id(), ended.id());
        assertThat((List<?>) ((JavascriptExecutor) driver).executeScript("return Array.from(document"
                + ".querySelectorAll('#interviews tbody tr td:nth-child(3)')).map(td => td.textContent);"))
                .isNotEmpty().allSatisfy(language -> assertThat(language).isEqualTo("ru"));
        new Select(driver.findElement(By.id("language"))).selectByValue("");
        driver.findElement(By.cssSelector("input[name=status][value=ended_early]")).click();
        showAndWait(wait);
        assertThat(rowIds()).contains(ended.id()).doesNotContain(english.id(), russian.id());
        driver.findElement(By.cssSelector("input[name=status][value=ended_early]")).click();
        showAndWait(wait);

        // the report, Markdown then JSON
        row(english.id()).findElement(By.cssSelector("button.report")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-view")));
        wait.until(d -> d.findElement(By.id("report")).getText().contains("chlorine"));
        assertThat(driver.findElement(By.id("report")).getText()).startsWith("#");
        shot("report-markdown.png");
        driver.findElement(By.id("report-json")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("report-view"), "data-format", "json"));
        JsonNode report = ApiClient.JSON.readTree(driver.findElement(By.id("report")).getText());
        assertThat(report.toString()).contains("chlorine");
        shot("report-json.png");

        // export: the downloaded file is the interview's data
        row(english.id()).findElement(By.cssSelector("button.export")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().contains("Export of " + english.id()));
        Path file = downloads.resolve("interview-" + english.id() + ".json");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Files.exists(file) && !partial());
        JsonNode exported = ApiClient.JSON.readTree(Files.readString(file));
        assertThat(exported.path("interviews").get(0).path("interview").path("id").asText()).isEqualTo(english.id());
        assertThat(exported.toString()).contains("filter gallery");

        // delete: two clicks, the row goes, the interview too
        WebElement delete = row(russian.id()).findElement(By.cssSelector("button.delete"));
        delete.click();
        wait.until(ExpectedConditions.textToBePresentInElement(delete, "Confirm delete"));
        assertThat(api.get("/api/admin/interviews/" + russian.id()).bearer(ADMIN_TOKEN).send().status())
                .as("one click deletes nothing").isEqualTo(200);
        shot("confirm-delete.png");
        delete.click();
        wait.until(d -> !rowIds().contains(russian.id()));
        assertThat(driver.findElement(By.id("status")).getText()).contains("Deleted " + russian.id());
        assertThat(api.get("/api/admin/interviews/" + russian.id()).bearer(ADMIN_TOKEN).send().status())
                .isEqualTo(404);

        // a reload keeps the session (this tab only); signing out forgets the token
        driver.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("list-view")));
        waitForRow(wait, english.id());
        driver.findElement(By.id("forget-button")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("list-view")));
        assertThat(sessionToken()).isNull();
        assertThat(driver.findElements(By.cssSelector("#interviews tbody tr"))).isEmpty();

        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(entry -> !entry.getMessage().contains("401"))   // the wrong token's refusal, on purpose
                .toList();
        assertThat(severe).as("console errors (a CSP violation would be one)").isEmpty();

        assertThat(proxy.failures()).as("API calls of the page that break docs/openapi.yaml").isEmpty();
        List<String> calls = proxy.exchanges().stream().filter(e -> e.contains(" /api/")).toList();
        assertThat(calls).as("the page's calls").anyMatch(e -> e.matches("GET /api/admin/interviews(\\?\\S*)? 200"))
                .anyMatch(e -> e.matches("GET /api/admin/interviews\\?\\S*language=ru\\S* 200"))
                .anyMatch(e -> e.matches("GET /api/admin/\\S*" + english.id() + "\\S*/report\\S* 200"))
                .anyMatch(e -> e.matches("GET /api/admin/\\S*" + english.id() + "\\S*/export\\S* 200"))
                .anyMatch(e -> e.matches("DELETE /api/admin/interviews/" + russian.id() + " 20\\d"))
                .anyMatch(e -> e.matches("GET /api/admin/\\S+ 401"));
    }

    @Test
    void should_serve_the_page_with_strict_security_headers() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/admin/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Interviews — operator");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        HttpResponse<String> redirect = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/admin")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin/"));
    }

    private void showAndWait(WebDriverWait wait) {
        String before = driver.findElement(By.id("list-view")).getAttribute("data-loaded");
        driver.findElement(By.id("filter-button")).click();
        wait.until(d -> !String.valueOf(d.findElement(By.id("list-view")).getAttribute("data-loaded"))
                .equals(String.valueOf(before)));
    }

    private void waitForRow(WebDriverWait wait, String id) {
        wait.until(d -> rowIds().contains(id));
    }

    /** The listed ids, read in one script call (rows are replaced while the page reloads the list). */
    @SuppressWarnings("unchecked")
    private List<String> rowIds() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('#interviews tbody tr')).map(tr => tr.dataset.id);");
    }

    private WebElement row(String id) {
        return driver.findElement(By.cssSelector("#interviews tbody tr[data-id='" + id + "']"));
    }

    private Object sessionToken() {
        return ((JavascriptExecutor) driver).executeScript("return sessionStorage.getItem('ia.adminToken');");
    }

    private boolean partial() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
        } catch (java.io.IOException e) {
            return true;
        }
    }

    private void shot(String name) throws Exception {
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), ARTIFACTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
