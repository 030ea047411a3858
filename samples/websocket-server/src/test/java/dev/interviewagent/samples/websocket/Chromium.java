package dev.interviewagent.samples.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium as {@link BrowserTest} runs it (fake microphone, English UI), with downloads going to a
 * directory of the test's; and the checks the page's tests share: axe-core's accessibility audit, a blob link's
 * content, the phone viewport.
 */
final class Chromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Chromium() {
    }

    /** A headless Chromium with a fake microphone whose profile is {@code profile} and downloads go to {@code downloads}. */
    static ChromeDriver start(Path profile, Path downloads) {
        assertThat(BINARY).as("Chromium (apt-get install -y chromium chromium-driver)").isExecutable();
        assertThat(DRIVER).as("chromedriver (apt-get install -y chromium chromium-driver)").isExecutable();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1600", "--lang=en-US",
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--autoplay-policy=no-user-gesture-required");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath()
                .toString(), "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath",
                downloads.toAbsolutePath().toString()));
        return driver;
    }

    /** An accessibility problem axe-core found. */
    record Violation(String id, String impact, String help, List<String> targets) {
    }

    /**
     * Runs axe-core (vendored, {@code src/test/resources/axe}) on the page as it is now, WCAG 2.x A and AA rules
     * and best practices; returns every violation.
     */
    static List<Violation> axe(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(axeSource());
        }
        Object outcome = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document).then((r) => done(JSON.stringify({violations: r.violations,"
                + " passes: r.passes.length})), (e) => done('ERROR ' + e));");
        String json = String.valueOf(outcome);
        assertThat(json).as("axe ran").doesNotStartWith("ERROR");
        List<Violation> violations = new ArrayList<>();
        try {
            JsonNode result = JSON.readTree(json);
            assertThat(result.path("passes").asInt()).as("axe checked rules that pass").isGreaterThan(10);
            System.out.printf("axe: %d rules pass%n", result.path("passes").asInt());
            for (JsonNode v : result.path("violations")) {
                List<String> targets = new ArrayList<>();
                v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                violations.add(new Violation(v.path("id").asText(), v.path("impact").asText(), v.path("help")
                        .asText(), targets));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations;
    }

    /** Fails on serious or critical violations; prints the others (moderate, minor) for the record. */
    static void assertAccessible(WebDriver driver, String state) {
        List<Violation> all = axe(driver);
        all.forEach(v -> System.out.printf("axe %s: %s %s — %s %s%n", state, v.impact(), v.id(), v.help(),
                v.targets()));
        assertThat(all).as("serious or critical accessibility violations on the %s", state)
                .filteredOn(v -> v.impact().equals("serious") || v.impact().equals("critical")).isEmpty();
    }

    private static String axeSource() {
        try (InputStream in = Chromium.class.getResourceAsStream("/axe/axe.min.js")) {
            assertThat(in).as("axe/axe.min.js on the test classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A phone's viewport: 360 × 740 CSS pixels, touch, as Chromium's device emulation sets it. */
    static void phone(ChromeDriver driver) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 360, "height", 740,
                "deviceScaleFactor", 1, "mobile", true));
    }
}
