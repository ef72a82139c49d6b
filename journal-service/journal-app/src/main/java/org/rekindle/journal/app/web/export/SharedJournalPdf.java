package org.rekindle.journal.app.web.export;

import java.time.ZoneOffset;

/** What a client shared with their coach, as a document the coach can keep with their practice notes. */
final class SharedJournalPdf {

    private SharedJournalPdf() {
    }

    static byte[] render(SharedJournal shared) {
        Readable readable = new Readable(ZoneOffset.UTC);
        PdfWriter pdf = new PdfWriter("Shared by " + shared.clientId());
        pdf.note("Exported by " + shared.exportedBy() + " · " + readable.at(shared.exportedAt()) + " (UTC)");
        pdf.paragraph("Only the entries " + shared.clientId() + " chose to share, as shared at the time of this "
                      + "export. Entries they keep private, or stopped sharing, are not here. This export is recorded "
                      + "in what " + shared.clientId() + " sees of who read their entries.");
        EntriesSection.write(pdf, shared.sharedEntries(), readable, false);
        return pdf.finish();
    }
}
