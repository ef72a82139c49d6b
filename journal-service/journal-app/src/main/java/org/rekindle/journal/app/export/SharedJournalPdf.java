package org.rekindle.journal.app.export;

import java.time.ZoneOffset;

/** What a client shared with their coach, as a document the coach can keep with their practice notes. */
final class SharedJournalPdf {

    private SharedJournalPdf() {
    }

    static byte[] render(SharedJournal shared) {
        Readable readable = new Readable(ZoneOffset.UTC);
        String client = shared.clientName();
        PdfWriter pdf = new PdfWriter("Shared by " + client);
        pdf.note(Readable.introduce(client, shared.clientPronouns(), shared.clientId()) + " · exported by "
                 + Readable.introduce(shared.exportedByName(), null, shared.exportedBy()) + " · "
                 + readable.at(shared.exportedAt()) + " (UTC)");
        pdf.paragraph("Only the entries " + client + " chose to share, as shared at the time of this "
                      + "export. Entries they keep private, or stopped sharing, are not here. This export is recorded "
                      + "in what " + client + " sees of who read their entries.");
        EntriesSection.write(pdf, shared.sharedEntries(), readable, false);
        if (shared.coachPart() != null) {
            coachPart(pdf, shared.coachPart(), client, readable);
        }
        return pdf.finish();
    }

    private static void coachPart(PdfWriter pdf, CoachPart part, String client, Readable readable) {
        pdf.heading("Your private note");
        pdf.note("Coach part: only you, " + part.coachName() + ", can read this note. It is not in " + client
                 + "'s exports, and your reading it is not recorded in their ledger.");
        if (part.note() == null) {
            pdf.note("You have not written a note about " + client + ".");
            return;
        }
        pdf.note("Revision " + part.note().revision() + " · saved " + readable.at(part.note().savedAt()));
        pdf.quote(part.note().text());
    }
}
