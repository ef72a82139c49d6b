package org.rekindle.journal.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;
import org.rekindle.platform.testing.TestIssuer;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A coach's private note over HTTP: only the client's coach writes and reads it (not another coach, not the client,
 * not an admin), bad text is a 400 naming the field, reading it is not a read in the client's ledger, and it is in
 * the coach's export of what the client shares (the coach part), never in the client's. People are named from the
 * issuer's directory in the exports and the ledger.
 */
class CoachNoteIT extends EmbeddedStackTest {

    private final TestIssuer issuer = TestIssuer.get();

    @Test
    void onlyTheClientsCoachWritesAndReadsTheNote() {
        String client = newClientId();
        String coach = newCoachId();
        String base = "/api/clients/" + client;
        Http own = http(client);
        own.post(base + "/journal/mood-check-ins", "{\"score\":3}");
        Http theCoach = assignedCoach(client, coach);

        assertThat(theCoach.get(base + "/coach-note").statusCode()).as("no note yet").isEqualTo(404);
        HttpResponse<String> saved = theCoach.put(base + "/coach-note", "{\"text\":\"Watch for: sleep below 5 h\"}");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(Json.parse(saved.body()).get("revision").asInt()).isEqualTo(1);
        assertThat(Json.parse(theCoach.put(base + "/coach-note", "{\"text\":\"Watch for: sleep, and texts at night\"}")
                                      .body()).get("revision").asInt()).isEqualTo(2);
        JsonNode note = Json.parse(theCoach.get(base + "/coach-note").body());
        assertThat(note.get("text").asText()).as("a read right after the write shows it (read your writes)")
                                             .isEqualTo("Watch for: sleep, and texts at night");
        assertThat(note.get("revision").asInt()).isEqualTo(2);
        assertThat(note.get("coachId").asText()).isEqualTo(coach);

        Http otherCoach = anonymous().as(issuer.coach("coach-other"));
        Http admin = anonymous().as(issuer.admin("admin-practice"));
        for (Http refused : new Http[]{own, otherCoach, admin}) {
            assertThat(refused.get(base + "/coach-note").statusCode()).isEqualTo(403);
            assertThat(refused.put(base + "/coach-note", "{\"text\":\"mine now\"}").statusCode()).isEqualTo(403);
        }
        assertThat(theCoach.get(base + "/coach-note").body()).as("refused writes changed nothing")
                                                             .doesNotContain("mine now");
        assertThat(own.get(base + "/journal/reads").body()).as("the coach reading their own note is not a read of "
                                                               + "the client's entries").isEqualTo("[]");
    }

    @Test
    void badTextIsA400NamingTheFieldAndAClientWithoutAJournalIs404() {
        String client = newClientId();
        String coach = newCoachId();
        String base = "/api/clients/" + client;
        Http theCoach = assignedCoach(client, coach);
        assertThat(theCoach.put(base + "/coach-note", "{\"text\":\"before any journal\"}").statusCode()).isEqualTo(404);

        http(client).post(base + "/journal/mood-check-ins", "{\"score\":3}");
        for (String body : new String[]{"{\"text\":\"  \"}", "{}", "{\"text\":\"" + "x".repeat(10_001) + "\"}"}) {
            HttpResponse<String> refused = theCoach.put(base + "/coach-note", body);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(Json.parse(refused.body()).get("errors").findValuesAsText("field")).containsExactly("text");
        }
        assertThat(theCoach.put(base + "/coach-note", "{\"text\":\"" + "x".repeat(10_000) + "\"}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void theCoachsExportHasTheNoteAndNamesThePeopleTheClientsHasNeither() throws Exception {
        String client = newClientId();
        String coach = newCoachId();
        issuer.person(client, "Sam Rivera", "they/them");
        issuer.person(coach, "Maya Lind", "she/her");
        String base = "/api/clients/" + client;
        Http own = http(client);
        String entry = Json.parse(own.post(base + "/journal/reflections",
                "{\"promptId\":\"own-your-part\",\"text\":\"I cancelled too often.\"}").body()).get("entryId").asText();
        own.put(base + "/journal/entries/" + entry + "/share");
        Http theCoach = assignedCoach(client, coach);
        String note = "Watching for: blame creeping into the apology " + UUID.randomUUID();
        assertThat(theCoach.put(base + "/coach-note", "{\"text\":\"" + note + "\"}").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> theCoach.get(base + "/coach-note").statusCode() == 200
                && Json.parse(theCoach.get(base + "/journal/shared/export").body()).get("sharedEntries").size() == 1);

        JsonNode coachExport = Json.parse(theCoach.get(base + "/journal/shared/export").body());
        assertThat(coachExport.get("clientId").asText()).isEqualTo(client);
        assertThat(coachExport.get("clientName").asText()).isEqualTo("Sam Rivera");
        assertThat(coachExport.get("exportedBy").asText()).isEqualTo(coach);
        assertThat(coachExport.get("exportedByName").asText()).isEqualTo("Maya Lind");
        assertThat(coachExport.at("/coachPart/note/text").asText()).isEqualTo(note);
        assertThat(coachExport.at("/coachPart/coachName").asText()).isEqualTo("Maya Lind");
        String pdf = textOf(theCoach.download(base + "/journal/shared/export?format=pdf").body());
        assertThat(coachExport.get("clientPronouns").asText()).isEqualTo("they/them");
        assertThat(pdf).contains("Shared by Sam Rivera").contains("Sam Rivera (they/them, " + client + ")")
                       .contains("exported by Maya Lind (" + coach + ")").contains("Your private note").contains(note);

        JsonNode clientExport = Json.parse(own.get(base + "/journal/shared/export").body());
        assertThat(clientExport.has("coachPart")).as("the note is the coach's, not in the client's export").isFalse();
        assertThat(clientExport.toString()).doesNotContain(note);
        assertThat(textOf(own.download(base + "/journal/shared/export?format=pdf").body())).doesNotContain(note)
                .doesNotContain("Your private note");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode reads = Json.parse(own.get(base + "/journal/reads").body());
            assertThat(reads.findValuesAsText("readerId")).as("the coach's exports, not the note").contains(coach);
            assertThat(reads.findValuesAsText("readerName")).containsOnly("Maya Lind");
        });
    }

    private Http assignedCoach(String client, String coach) {
        JournalAccessIT.assign(client, coach);
        Http theCoach = anonymous().as(issuer.coach(coach));
        await().atMost(Duration.ofSeconds(30)).until(() -> theCoach.get("/api/clients/" + client + "/consent")
                                                                   .statusCode() != 403);
        return theCoach;
    }

    private static String newCoachId() {
        return "coach-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
