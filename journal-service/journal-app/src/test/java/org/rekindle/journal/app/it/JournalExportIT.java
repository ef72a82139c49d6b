package org.rekindle.journal.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;
import org.rekindle.platform.testing.TestIssuer;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exports as journal-service makes them: a coach exports what the client shares (JSON and PDF, recorded in the
 * client's access ledger, nothing private); a client's whole-journey export is refused with a clear 503 while a
 * service it needs is down, rather than handed over incomplete. (The complete journey export, with plan-service
 * and notification-service running, is tested on the whole local stack: deploy/system-tests JourneyExportTest.)
 */
@TestPropertySource(properties = {"rekindle.journal.export.plan-service-url=http://127.0.0.1:1",
                                  "rekindle.journal.export.notification-service-url=http://127.0.0.1:1"})
class JournalExportIT extends EmbeddedStackTest {

    private final TestIssuer issuer = TestIssuer.get();

    @Test
    void aCoachExportsOnlyWhatTheClientSharesAndTheReadIsRecorded() throws Exception {
        String client = newClientId();
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        Http own = http(client);
        String base = "/api/clients/" + client;
        String privateText = "Only for me: I still check their profile at night.";
        String sharedText = "Je suis désolé — I see now how often I cancelled our plans.";
        Json.parse(own.post(base + "/journal/reflections",
                            "{\"promptId\":\"understand-why\",\"text\":\"" + privateText + "\"}").body());
        String shared = Json.parse(own.post(base + "/journal/reflections",
                "{\"promptId\":\"own-your-part\",\"text\":\"" + sharedText + "\"}").body()).get("entryId").asText();
        String mood = Json.parse(own.post(base + "/journal/mood-check-ins",
                "{\"score\":2,\"note\":\"A heavy day 🙂\",\"sleepHours\":5.5}").body()).get("entryId").asText();
        assertThat(own.put(base + "/journal/entries/" + shared + "/share").statusCode()).isEqualTo(204);
        assertThat(own.put(base + "/journal/entries/" + mood + "/share").statusCode()).isEqualTo(204);
        JournalAccessIT.assign(client, coach);
        Http theCoach = anonymous().as(issuer.coach(coach));
        await().atMost(Duration.ofSeconds(30)).until(() -> theCoach.get(base + "/streak").statusCode() != 403
                && Json.parse(theCoach.get(base + "/journal/shared/export").body()).get("sharedEntries").size() == 2);

        HttpResponse<String> json = theCoach.get(base + "/journal/shared/export");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment").contains("rekindle-shared-" + client);
        JsonNode export = Json.parse(json.body());
        assertThat(export.get("format").asText()).isEqualTo("rekindle.shared-journal-export.v1");
        assertThat(export.get("exportedBy").asText()).isEqualTo(coach);
        assertThat(export.get("sharedEntries").findValuesAsText("entryId")).containsExactlyInAnyOrder(shared, mood);
        assertThat(json.body()).contains(sharedText).doesNotContain(privateText);

        HttpResponse<byte[]> pdf = theCoach.download(base + "/journal/shared/export?format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        String text = textOf(pdf.body());
        assertThat(text).contains("Shared by " + client).contains("exported by " + coach)
                        .contains("Je suis désolé").contains("how often I cancelled our plans")
                        .contains("mood 2 of 5").contains("A heavy day ?").doesNotContain("Only for me");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                Json.parse(own.get(base + "/journal/reads").body()).findValuesAsText("readerId"))
                .as("each export by the coach is a read in the client's ledger").hasSizeGreaterThanOrEqualTo(2)
                .containsOnly(coach));

        assertThat(own.delete(base + "/journal/entries/" + shared + "/share").statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                theCoach.get(base + "/journal/shared/export").body()).doesNotContain(sharedText));
        assertThat(textOf(theCoach.download(base + "/journal/shared/export?format=pdf").body()))
                .as("unsharing reaches the PDF too").doesNotContain("cancelled our plans");
    }

    @Test
    void aJourneyExportIsRefusedWhileAServiceItNeedsIsDownAndBadFormatsAreNamed() {
        String client = newClientId();
        Http own = http(client);
        String base = "/api/clients/" + client;
        own.post(base + "/journal/mood-check-ins", "{\"score\":4}");

        HttpResponse<String> down = own.get(base + "/export");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = Json.parse(down.body());
        assertThat(problem.get("service").asText()).isEqualTo("plan-service");
        assertThat(problem.get("detail").asText()).contains("not made");

        HttpResponse<String> badFormat = own.get(base + "/export?format=docx");
        assertThat(badFormat.statusCode()).isEqualTo(400);
        assertThat(badFormat.body()).contains("format").contains("must be 'json' or 'pdf'");
        assertThat(own.get(base + "/journal/shared/export?format=xml").statusCode()).isEqualTo(400);
    }

    /** The PDF's text as a reader sees it, lines joined (long lines wrap wherever the page width says). */
    static String textOf(byte[] pdf) throws IOException {
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
