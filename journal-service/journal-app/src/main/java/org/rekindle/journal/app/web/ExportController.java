package org.rekindle.journal.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.rekindle.journal.app.export.Journey;
import org.rekindle.journal.app.export.JourneyExports;
import org.rekindle.journal.app.export.SharedJournal;
import org.rekindle.platform.security.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

@RestController
@Tag(name = "Export", description = "A client's whole journey for the client; what they shared for their coach")
class ExportController {

    private static final String FORMAT = "json|pdf";
    private static final String FORMAT_MESSAGE = "must be 'json' or 'pdf'";

    private final JourneyExports exports;
    private final SharedReads reads;
    private final RequestTime time;
    private final JournalAccess access;

    ExportController(JourneyExports exports, SharedReads reads, RequestTime time, JournalAccess access) {
        this.access = access;
        this.exports = exports;
        this.reads = reads;
        this.time = time;
    }

    @GetMapping(path = "/api/clients/{clientId}/export", produces = {"application/json", "application/pdf"})
    @Operation(summary = "Everything Rekindle holds about the client's journey: plans, journal entries with their "
                         + "texts, contact log, no-contact attempts, who read what they shared, notifications "
                         + "(format=json or pdf); the client only")
    @PreAuthorize("@journalAccess.mayWrite(#clientId)")
    ResponseEntity<?> journey(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
                              @RequestParam(defaultValue = "json") @Pattern(regexp = FORMAT, message = FORMAT_MESSAGE)
                              String format) {
        Journey journey = exports.journey(clientId, time.now());
        String name = fileName("rekindle-journey-", clientId, journey.exportedAt());
        return "pdf".equals(format) ? pdf(JourneyExports.pdf(journey), name) : json(journey, name);
    }

    @GetMapping(path = "/api/clients/{clientId}/journal/shared/export",
                produces = {"application/json", "application/pdf"})
    @Operation(summary = "The entries the client shares right now, with their texts (format=json or pdf); the "
                         + "client or their coach. A coach's export is recorded in the client's access ledger and "
                         + "adds a coach part: the coach's own private note about the client.")
    @PreAuthorize("@journalAccess.mayReadShared(#clientId)")
    ResponseEntity<?> shared(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
                             @RequestParam(defaultValue = "json") @Pattern(regexp = FORMAT, message = FORMAT_MESSAGE)
                             String format) {
        String reader = CurrentUser.get().orElseThrow().id();
        Instant now = time.now();
        SharedJournal shared = exports.shared(clientId, reader, access.mayKeepCoachNote(clientId), now);
        reads.recordIfNotTheClient(clientId, shared.sharedEntries(), now);
        String name = fileName("rekindle-shared-", clientId, now);
        return "pdf".equals(format) ? pdf(JourneyExports.pdf(shared), name) : json(shared, name);
    }

    private static ResponseEntity<byte[]> pdf(byte[] document, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                             .header(HttpHeaders.CONTENT_DISPOSITION, attachment(name + ".pdf")).body(document);
    }

    private static ResponseEntity<Object> json(Object export, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                             .header(HttpHeaders.CONTENT_DISPOSITION, attachment(name + ".json")).body(export);
    }

    private static String fileName(String prefix, String clientId, Instant at) {
        return prefix + clientId + "-" + LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private static String attachment(String fileName) {
        return ContentDisposition.attachment().filename(fileName).build().toString();
    }
}
