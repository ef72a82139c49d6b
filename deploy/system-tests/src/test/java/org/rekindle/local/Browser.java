package org.rekindle.local;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person's browser: Debian's Chromium, headless, driven through Debian's chromedriver. Every page it opens is
 * checked for console errors; {@link #assertAccessible} runs axe-core in the page; screenshots go to
 * target/screenshots.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String baseUrl;
    private final List<String> consoleErrors = new ArrayList<>();

    Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                             "--window-size=1280,900", "--lang=en-GB");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    /** Opens the app, which sends the person to the issuer's sign-in form; signs in there and comes back. */
    Browser signIn(String user, String password) {
        driver.get(baseUrl + "/");
        waitFor(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.id("main"));
        return this;
    }

    /** The browser's time zone, as if the person lived there (Chrome DevTools' timezone override). */
    Browser timezone(String zone) {
        ((org.openqa.selenium.chromium.HasCdp) driver).executeCdpCommand("Emulation.setTimezoneOverride",
                                                                        java.util.Map.of("timezoneId", zone));
        return this;
    }

    Browser open(String path) {
        collectConsole();
        driver.get(baseUrl + path);
        waitFor(By.id("main"));
        return this;
    }

    /** Navigates without expecting one of the app's pages (the issuer's sign-in form, say). */
    void goTo(String path) {
        collectConsole();
        driver.get(baseUrl + path);
    }

    WebElement waitFor(By locator) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(20)).until(page -> visibleUnlessReplaced(page, locator));
        } catch (org.openqa.selenium.TimeoutException e) {
            keepEvidence("failed-" + System.currentTimeMillis());
            throw new AssertionError("waited for " + locator + " on " + driver.getCurrentUrl() + "; the page said: "
                                     + text().substring(0, Math.min(600, text().length())), e);
        }
    }

    /**
     * The element once visible; null (look again) when the page was replaced between finding it and asking whether it
     * shows, as a sign-in's redirects do: Chrome then answers that the node "does not belong to the document" (a plain
     * WebDriverException, which the wait does not ignore by itself) or the element is stale.
     */
    private static WebElement visibleUnlessReplaced(org.openqa.selenium.WebDriver page, By locator) {
        try {
            return ExpectedConditions.visibilityOfElementLocated(locator).apply(page);
        } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
            return null;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return null;
            }
            throw e;
        }
    }

    /** A screenshot and the page's HTML, for whoever reads a failed run. */
    void keepEvidence(String name) {
        screenshot(name);
        try {
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the condition; an element htmx swapped out while it was being read is looked up again next time. */
    void waitUntil(String what, java.util.function.Predicate<ChromeDriver> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(what)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> condition.test(driver));
    }

    WebElement find(By locator) {
        return driver.findElement(locator);
    }

    List<WebElement> findAll(By locator) {
        return driver.findElements(locator);
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** Fills a form field by its label's target id and submits the form the button is in. */
    Browser fill(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
        return this;
    }

    Browser submit(String buttonText) {
        return clickAndLoad(driver.findElement(By.xpath("//button[normalize-space()='" + buttonText + "']")));
    }

    /** Clicks something that loads a new page, and waits until the new page (not the old one) is there. */
    Browser clickAndLoad(WebElement element) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(driver -> isGone(oldPage));
        waitFor(By.id("main"));
        return this;
    }

    /**
     * Whether the element left the document. Chromium reports a node of a page being replaced either as stale or,
     * mid-navigation, as "does not belong to the document"; both mean the old page is gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException stale) {
            return true;
        } catch (org.openqa.selenium.WebDriverException replaced) {
            return String.valueOf(replaced.getMessage()).contains("does not belong to the document");
        }
    }

    Browser resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return this;
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe-core's WCAG 2 A/AA rules on the page as it is now: no serious or critical violation. */
    void assertAccessible(String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                                          .analyze(driver);
        List<String> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Browser::describe).toList();
        assertThat(serious).as("accessibility violations on " + page).isEmpty();
    }

    /** Console errors seen on every page so far (a failed resource, a script error, a CSP refusal). */
    List<String> consoleErrors() {
        collectConsole();
        return consoleErrors;
    }

    private void collectConsole() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(driver.getCurrentUrl() + ": " + entry.getMessage());
            }
        }
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
               + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).limit(3).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
