package org.rekindle.journal.app.export;

import org.rekindle.journal.app.query.EntryKind;
import org.rekindle.journal.app.query.EntryView;

import java.util.List;

/** Journal entries in a PDF, by kind: reflections, apology drafts with every version, mood check-ins. */
final class EntriesSection {

    private EntriesSection() {
    }

    static void write(PdfWriter pdf, List<EntryView> entries, Readable readable, boolean markShared) {
        List<EntryView> reflections = ofKind(entries, EntryKind.REFLECTION);
        List<EntryView> apologies = ofKind(entries, EntryKind.APOLOGY);
        List<EntryView> moods = ofKind(entries, EntryKind.MOOD_CHECK_IN);
        pdf.heading("Reflections");
        if (reflections.isEmpty()) {
            pdf.note("None.");
        }
        reflections.forEach(entry -> {
            pdf.subheading(readable.at(entry.occurredAt()) + " · prompt " + entry.promptId());
            pdf.quote(entry.text());
            shared(pdf, entry, markShared);
        });
        pdf.heading("Apology drafts");
        pdf.note(apologies.isEmpty() ? "None." : "Drafts stay in Rekindle; none of them was ever sent to anyone.");
        apologies.forEach(entry -> {
            pdf.subheading("Apology begun " + readable.at(entry.occurredAt()));
            entry.versions().forEach(version -> {
                pdf.note("Version " + version.version() + " · " + readable.at(version.occurredAt()));
                pdf.quote(version.text());
            });
            shared(pdf, entry, markShared);
        });
        pdf.heading("Mood check-ins");
        if (moods.isEmpty()) {
            pdf.note("None.");
        }
        moods.forEach(entry -> {
            String sleep = entry.sleepHours() == null ? "" : " · slept " + entry.sleepHours() + " h";
            pdf.paragraph(readable.at(entry.occurredAt()) + " · mood " + entry.score() + " of 5" + sleep
                          + (markShared && entry.shared() ? " · shared with your coach" : ""));
            if (entry.note() != null) {
                pdf.quote(entry.note());
            }
        });
    }

    private static void shared(PdfWriter pdf, EntryView entry, boolean markShared) {
        if (markShared) {
            pdf.note(entry.shared() ? "Shared with your coach." : "Private: only you can read this.");
        }
    }

    private static List<EntryView> ofKind(List<EntryView> entries, EntryKind kind) {
        return entries.stream().filter(e -> e.kind() == kind).toList();
    }
}
