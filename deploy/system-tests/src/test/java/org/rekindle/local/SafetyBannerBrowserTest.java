package org.rekindle.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 in a real browser on the demo practice: Sam (plan in Europe/London) saves a reflection with a risk phrase
 * and at once sees the crisis resources of their region above the page (Samaritans, 116 123), once; Maya, their
 * coach, finds the safety alert on Sam's page, with its why and no journal text, and acknowledges it.
 */
class SafetyBannerBrowserTest {

    private static final String RISKY = "Tonight I feel like I want to end it all.";

    private static LocalStack stack;

    @BeforeAll
    static void startStackWithTheDemoPractice() throws Exception {
        Path dataDir = Files.createTempDirectory("rekindle-e2e-safety");
        stack = new LocalStack(StackUnderTest.seeded(dataDir));
        stack.start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void aClientSeesCrisisResourcesAtOnceAndTheCoachAcknowledgesTheSafetyAlert() {
        try (Browser sam = new Browser(stack.webUrl()).signIn("client-sam", "demo-sam");
             Browser maya = new Browser(stack.webUrl()).signIn("coach-maya", "demo-maya")) {
            sam.open("/me/journal");
            sam.fill("reflection-text", RISKY).submit("Save reflection");
            assertThat(sam.text()).contains("Reflection saved");
            WebElement banner = sam.find(By.id("crisis-resources"));
            assertThat(banner.getAttribute("role")).isEqualTo("alert");
            assertThat(banner.getText()).contains("You do not have to go through this alone", "saved as you wrote it",
                                                  "Samaritans", "116 123", "United Kingdom and Ireland",
                                                  "Your local emergency number", "https://findahelpline.com");
            sam.assertAccessible("the journal with the crisis-resources banner");
            sam.screenshot("client-crisis-banner");
            assertThat(sam.text()).as("the entry is kept as written").contains(RISKY);
            sam.open("/me/journal");
            assertThat(sam.findAll(By.id("crisis-resources"))).as("shown after that save, not on every page")
                                                              .isEmpty();
            sam.fill("reflection-text", "I would never hurt myself, I just miss her.").submit("Save reflection");
            assertThat(sam.text()).contains("Reflection saved");
            assertThat(sam.findAll(By.id("crisis-resources"))).as("a negated phrase shows no banner").isEmpty();

            By safetyAlert = By.xpath("//ul[contains(@class,'alerts')]/li[contains(., 'Safety alert')]");
            maya.waitUntil("the safety alert about Sam is on Sam's page for Maya", d -> {
                maya.open("/coach/clients/client-sam");
                return !maya.findAll(safetyAlert).isEmpty();
            });
            WebElement alert = maya.find(safetyAlert);
            assertThat(alert.getText()).contains("needs you");
            alert.findElement(By.tagName("summary")).click();
            assertThat(alert.getText()).contains("risk language", "thoughts of suicide in a reflection")
                                       .doesNotContain("end it all");
            maya.assertAccessible("the client page with a safety alert");
            maya.script("arguments[0].scrollIntoView()", alert);
            maya.screenshot("coach-safety-alert");
            maya.clickAndLoad(alert.findElement(By.xpath(".//button[normalize-space()='Acknowledge']")));
            assertThat(maya.text()).contains("Alert acknowledged");
            assertThat(maya.find(safetyAlert).getText()).contains("acknowledged").doesNotContain("needs you");
        }
    }
}
