package org.rekindle.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rekindle.platform.embedded.OidcLogin;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rekindle.local.StackUnderTest.http;

/**
 * A client's whole journey, exported across every service of the embedded stack: their plan (plan-service), their
 * journal with every text (journal-service), the contact log, who read what they shared, and what
 * notification-service raised for them, as JSON and as a readable PDF; only the client can export it, and after
 * they erase their journal no text they wrote is left in it.
 */
class JourneyExportTest {

    private static final String REFLECTION = "We stopped talking about money and started keeping score.";
    private static final String APOLOGY_V2 = "I am sorry I kept cancelling; I see what it cost you.";
    private static final String BREACH_NOTE = "They called on my birthday and I picked up.";
    private static final String CANCEL_REASON = "My sister's wedding moved to that day.";

    @Test
    void theClientExportsTheirWholeJourneyAsJsonAndPdf(@TempDir Path dataDir) throws Exception {
        try (LocalStack stack = new LocalStack(StackUnderTest.settings(dataDir))) {
            stack.start();
            String coach = "coach-leo";
            String client = "client-alex";
            OidcLogin login = OidcLogin.web(stack.issuerUrl());
            Http journal = http(stack.journalUrl()).as(login.accessToken(client, "demo-alex"));
            Http coachOnJournal = http(stack.journalUrl()).as(login.accessToken(coach, "demo-leo"));
            StackUnderTest.assignDefaultProgram(stack, login.accessToken(coach, "demo-leo"), client, coach);

            String base = "/api/clients/" + client;
            String reflection = Json.parse(journal.post(base + "/journal/reflections",
                    "{\"promptId\":\"understand-why\",\"text\":\"" + REFLECTION + "\"}").body()).get("entryId").asText();
            String apology = Json.parse(journal.post(base + "/journal/apologies",
                    "{\"text\":\"Sorry about everything.\"}").body()).get("entryId").asText();
            journal.post(base + "/journal/apologies/" + apology + "/revisions", "{\"text\":\"" + APOLOGY_V2 + "\"}");
            journal.post(base + "/journal/mood-check-ins", "{\"score\":2,\"note\":\"Low after the call.\"}");
            journal.post(base + "/journal/well-being-check-ins", "{\"items\":[3,2,1,1,0],\"zone\":\"Europe/Lisbon\"}");
            journal.post(base + "/contact-log/no-contact-periods", "{\"targetDays\":30}");
            journal.post(base + "/contact-log/breaches",
                         "{\"channel\":\"CALL\",\"initiatedBy\":\"CLIENT\",\"note\":\"" + BREACH_NOTE + "\"}");
            journal.put(base + "/journal/entries/" + reflection + "/share");
            coachOnJournal.put("/api/coaches/" + coach + "/calendar/availability", "{\"zone\":\"Europe/Berlin\","
                    + "\"minutes\":50,\"slots\":[{\"day\":\"MONDAY\",\"start\":\"09:00\"},"
                    + "{\"day\":\"THURSDAY\",\"start\":\"17:30\"}]}");
            String slot = await().atMost(Duration.ofSeconds(30)).until(
                    () -> Json.parse(journal.get(base + "/sessions/free-slots?weeks=2").body()).at("/slots/0/start")
                              .asText(), start -> !start.isEmpty());
            String kept = Json.parse(journal.post(base + "/sessions", "{\"start\":\"" + slot + "\"}").body())
                              .get("sessionId").asText();
            String cancelled = Json.parse(journal.post(base + "/sessions", "{\"start\":\"" + Json.parse(
                    journal.get(base + "/sessions/free-slots?weeks=2").body()).at("/slots/0/start").asText() + "\"}")
                                                 .body()).get("sessionId").asText();
            journal.post(base + "/sessions/" + cancelled + "/cancel", "{\"reason\":\"" + CANCEL_REASON + "\"}");
            await().atMost(Duration.ofSeconds(30)).until(() -> coachOnJournal.get(base + "/journal/entries").body()
                                                                             .contains(REFLECTION));

            journal.post(base + "/journal/persons", "{\"label\":\"my ex\",\"names\":[\"Jamie\"]}");
            String friend = Json.parse(journal.post(base + "/journal/persons",
                    "{\"label\":\"a friend\",\"names\":[\"Kim\"]}").body()).get("personId").asText();
            assertThat(journal.delete(base + "/journal/persons/" + friend).statusCode()).isEqualTo(204);

            JsonNode export = await().atMost(Duration.ofSeconds(60)).until(
                    () -> Json.parse(journal.get(base + "/export").body()),
                    json -> json.path("notifications").size() > 0 && json.path("sharedEntryReads").size() > 0
                            && json.at("/plans/0/steps").toString().contains("COMPLETED"));
            assertThat(export.get("format").asText()).isEqualTo("rekindle.journey-export.v1");
            assertThat(export.get("timezone").asText()).as("dates in the client's own zone").isEqualTo("Europe/Lisbon");
            assertThat(export.at("/plans/0/programId").asText()).isEqualTo("reconciliation-default");
            assertThat(export.at("/plans/0/steps").size()).isGreaterThanOrEqualTo(25);
            assertThat(export.get("entries").toString()).contains(REFLECTION, APOLOGY_V2, "Low after the call.");
            assertThat(export.get("contactLog").findValuesAsText("type")).contains("NO_CONTACT_STARTED", "BREACH");
            assertThat(export.get("contactLog").toString()).contains(BREACH_NOTE);
            assertThat(export.at("/wellBeing/0/percentage").asInt()).as("the weekly WHO-5 is the client's too")
                                                                     .isEqualTo(28);
            assertThat(export.at("/wellBeing/0/items").toString()).isEqualTo("[3,2,1,1,0]");
            assertThat(export.at("/noContact/attempts").size()).isEqualTo(2);
            assertThat(export.get("sharedEntryReads").findValuesAsText("readerId")).containsOnly(coach);
            assertThat(export.get("sharedEntryReads").findValuesAsText("readerName")).as("named from the directory")
                                                                                   .containsOnly("Leo Brandt");
            assertThat(export.get("clientName").asText()).isEqualTo("Alex Moreno");
            assertThat(export.at("/plans/0/coachName").asText()).isEqualTo("Leo Brandt");
            assertThat(export.at("/plans/0/coachPronouns").asText()).isEqualTo("he/him");
            assertThat(export.get("notifications").findValuesAsText("recipientId")).containsOnly(client);
            assertThat(export.get("persons").findValuesAsText("label")).as("marked persons by label only")
                    .containsExactly("my ex", "[a person removed at the client's request]");
            assertThat(export.get("persons").toString()).doesNotContain("Jamie", "Kim", "a friend");
            assertThat(export.get("sessions").findValuesAsText("sessionId")).containsExactly(kept, cancelled);
            assertThat(export.get("sessions").findValuesAsText("status")).containsExactly("BOOKED", "CANCELLED");
            assertThat(export.at("/sessions/1/changes/0/reason").asText()).isEqualTo(CANCEL_REASON);

            HttpResponse<byte[]> pdf = journal.download(base + "/export?format=pdf");
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Disposition").orElse(""))
                    .contains("rekindle-journey-" + client).endsWith(".pdf\"");
            String text = textOf(pdf.body());
            assertThat(text).contains("My Rekindle journey", "reconciliation-default, version 1",
                                      "Done · What ended it?", REFLECTION, APOLOGY_V2, BREACH_NOTE,
                                      "mood 2 of 5", "My weekly well-being (WHO-5)", "28 % (7 of 25)",
                                      "Leo Brandt read 1 shared entry", "People I marked in my texts", "Alex Moreno (client-alex)",
                                      "coach Leo Brandt (he/him, coach-leo)", "My sessions", CANCEL_REASON,
                                      export.at("/notifications/0/notification/title").asText());
            assertThat(text).as("every date written the same way, none as ISO text")
                            .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}").containsPattern("due \\d{1,2} \\w{3} \\d{4}");

            assertThat(coachOnJournal.get(base + "/export").statusCode()).as("the journey is the client's")
                                                                          .isEqualTo(403);

            assertThat(journal.delete(base + "/journal").statusCode()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                String after = journal.get(base + "/export").body();
                assertThat(after).as("nothing the client wrote survives erasure, in any part of the export")
                                 .doesNotContain(REFLECTION, APOLOGY_V2, BREACH_NOTE, "Low after the call.",
                                                 CANCEL_REASON);
                assertThat(Json.parse(after).at("/plans/0/programId").asText()).isEqualTo("reconciliation-default");
                assertThat(Json.parse(after).get("wellBeing")).as("the WHO-5 answers go with the journal").isEmpty();
            });
            assertThat(textOf(journal.download(base + "/export?format=pdf").body()))
                    .doesNotContain(REFLECTION, APOLOGY_V2, BREACH_NOTE, CANCEL_REASON);
        }
    }

    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
