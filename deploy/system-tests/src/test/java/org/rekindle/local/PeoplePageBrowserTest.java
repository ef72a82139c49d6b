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
 * Issue 17, third parties, in a real browser on the demo practice: Priya names "Dev" in a reflection, marks him on
 * "People in my writing" (linked from her menu), still reads her reflection as written, then erases him after the
 * confirmation: the reflection says "a person removed at the client's request" where his name was and the rest is
 * unchanged; the page lists him as removed. axe-core checks the page with a person listed and after the erasure.
 */
class PeoplePageBrowserTest {

    private static final String REMOVED = "[a person removed at the client's request]";

    private static LocalStack stack;

    @BeforeAll
    static void startStackWithTheDemoPractice() throws Exception {
        Path dataDir = Files.createTempDirectory("rekindle-e2e-people");
        stack = new LocalStack(StackUnderTest.seeded(dataDir));
        stack.start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void aClientMarksAPersonAndErasesTheirNameFromHerWriting() {
        try (Browser priya = new Browser(stack.webUrl()).signIn("client-priya", "demo-priya")) {
            priya.open("/me/journal");
            priya.fill("reflection-text", "Dev called on Sunday. I let Dev's message wait until Monday.")
                 .submit("Save reflection");
            assertThat(priya.text()).contains("Reflection saved");

            priya.open("/me");
            priya.clickAndLoad(priya.find(By.xpath("//nav//a[normalize-space()='People']")));
            assertThat(priya.path()).isEqualTo("/me/people");
            assertThat(priya.text()).contains("People in my writing", "Nobody yet.");
            priya.fill("mark-label", "my ex").fill("mark-names", "Dev").submit("Mark this person");
            assertThat(priya.text()).contains("Marked.", "my ex", "found as: Dev");
            priya.assertAccessible("people in my writing, one person marked");
            priya.screenshot("client-people-marked");

            priya.open("/me/journal");
            assertThat(priya.text()).as("re-sealed, read as written")
                                    .contains("Dev called on Sunday. I let Dev's message wait until Monday.");

            priya.open("/me/people");
            WebElement person = priya.find(By.xpath("//ul[contains(@class,'people')]/li[contains(., 'my ex')]"));
            person.findElement(By.xpath(".//summary[starts-with(normalize-space(), 'Erase')]")).click();
            assertThat(person.getText()).contains("This cannot be undone");
            person.findElement(By.xpath(".//input[@type='checkbox']")).click();
            priya.clickAndLoad(person.findElement(By.xpath(".//button[normalize-space()='Erase this person']")));
            assertThat(priya.text()).contains("Erased.", "A person removed at your request")
                                    .doesNotContain("found as: Dev");
            priya.assertAccessible("people in my writing, after an erasure");

            priya.open("/me/journal");
            assertThat(priya.text()).contains(REMOVED + " called on Sunday. I let " + REMOVED
                                              + "'s message wait until Monday.");
            priya.screenshot("client-journal-person-removed");
        }
    }
}
