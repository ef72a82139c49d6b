package org.rekindle.journal.app.export;

import com.fasterxml.jackson.databind.JsonNode;
import org.rekindle.journal.app.query.ContactLogRecordView;
import org.rekindle.journal.app.query.SessionView;
import org.rekindle.journal.app.query.StreakView;

import java.time.ZoneId;

/** The client's journey as a document to read, keep or print: the same content as the JSON export. */
final class JourneyPdf {

    private JourneyPdf() {
    }

    static byte[] render(Journey journey) {
        Readable readable = new Readable(ZoneId.of(journey.timezone()));
        PdfWriter pdf = new PdfWriter("My Rekindle journey");
        pdf.note(Readable.introduce(journey.clientName(), journey.clientPronouns(), journey.clientId())
                 + " · exported " + readable.at(journey.exportedAt()) + " (" + journey.timezone() + ")");
        pdf.paragraph("Everything Rekindle holds about you: your plan, your journal, your contact log, who read what "
                      + "you shared, your sessions, and what Rekindle sent you. The JSON export holds the same, with "
                      + "every identifier.");
        plans(pdf, journey.plans(), readable);
        noContact(pdf, journey.noContact(), readable);
        EntriesSection.write(pdf, journey.entries(), readable, true);
        contactLog(pdf, journey, readable);
        wellBeing(pdf, journey, readable);
        sessions(pdf, journey, readable);
        persons(pdf, journey, readable);
        reads(pdf, journey, readable);
        notifications(pdf, journey.notifications(), readable);
        return pdf.finish();
    }

    private static void plans(PdfWriter pdf, JsonNode plans, Readable readable) {
        pdf.heading("My plan");
        if (plans.isEmpty()) {
            pdf.note("No plan has been assigned to you.");
        }
        for (JsonNode plan : plans) {
            JsonNode steps = plan.path("steps");
            long done = 0;
            for (JsonNode step : steps) {
                done += "COMPLETED".equals(step.path("status").asText()) ? 1 : 0;
            }
            pdf.subheading(plan.path("programId").asText() + ", version " + plan.path("programVersion").asText()
                           + " · " + Readable.words(plan.path("outcome").asText())
                           + (plan.path("paused").asBoolean() ? " (paused)" : ""));
            String coachId = plan.path("coachId").asText();
            pdf.note("Started " + Readable.date(plan.path("startDate")) + " · coach "
                     + Readable.introduce(plan.path("coachName").asText(coachId),
                                          plan.path("coachPronouns").asText(null), coachId)
                     + " · " + done + " of " + steps.size() + " steps done");
            for (JsonNode step : steps) {
                String status = step.path("status").asText();
                String when = "COMPLETED".equals(status) ? "done " + readable.at(step.path("completedAt"))
                              : "SKIPPED".equals(status) ? "skipped: " + step.path("reason").asText()
                              : "due " + Readable.date(step.path("dueDate"));
                pdf.paragraph(("COMPLETED".equals(status) ? "Done" : "SKIPPED".equals(status) ? "Skipped" : "To do")
                              + " · " + step.path("title").asText() + " (" + when + ")");
            }
        }
    }

    private static void noContact(PdfWriter pdf, StreakView streak, Readable readable) {
        pdf.heading("No contact");
        if (streak == null) {
            pdf.note("You have not started a no-contact period.");
            return;
        }
        pdf.paragraph((streak.active() ? "Current streak: " + Readable.plural(streak.currentStreakDays(), "day")
                                         + " (target " + streak.targetDays() + ")"
                                       : "No period running now")
                      + " · longest: " + Readable.plural(streak.longestStreakDays(), "day"));
        int number = 1;
        for (StreakView.AttemptView attempt : streak.attempts()) {
            String end = attempt.endedAt() == null ? "still going"
                         : readable.day(attempt.endedAt()) + ", " + Readable.words(attempt.endedBy())
                           + (attempt.initiatedBy() == null ? "" : " (" + Readable.words(attempt.initiatedBy()) + ")");
            pdf.note("Attempt " + number++ + ": " + readable.day(attempt.startedAt()) + " → " + end + " · "
                     + Readable.plural(attempt.days(), "day"));
        }
    }

    private static void wellBeing(PdfWriter pdf, Journey journey, Readable readable) {
        pdf.heading("My weekly well-being (WHO-5)");
        if (journey.wellBeing().isEmpty()) {
            pdf.note("No WHO-5 answered.");
        }
        for (var checkIn : journey.wellBeing()) {
            pdf.paragraph(checkIn.week() + " · " + readable.at(checkIn.occurredAt()) + " · " + checkIn.percentage()
                          + " % (" + checkIn.rawScore() + " of 25), answers " + checkIn.items());
        }
    }

    private static void sessions(PdfWriter pdf, Journey journey, Readable readable) {
        pdf.heading("My sessions");
        if (journey.sessions().isEmpty()) {
            pdf.note("No session booked.");
        }
        for (SessionView session : journey.sessions()) {
            pdf.subheading(readable.at(session.start()) + " · coach " + coachNamed(journey.plans(), session.coachId())
                           + " · "
                           + Readable.words(session.outcome() != null ? session.outcome() : session.status()));
            pdf.note("Booked " + readable.at(session.bookedAt()) + " · " + session.localStart().toLocalTime()
                     + " in the coach's zone (" + session.zone() + ")");
            for (SessionView.Change change : session.changes()) {
                pdf.paragraph(readable.at(change.at()) + " · " + Readable.words(change.kind()) + " by "
                              + Readable.words(change.by())
                              + (change.previousStart() != null ? ", from " + readable.at(change.previousStart())
                                                                 + " to " + readable.at(change.start()) : ""));
                if (change.reason() != null) {
                    pdf.quote(change.reason());
                }
            }
        }
    }

    /** The coach as the plans name them (from the directory), else by id. */
    private static String coachNamed(JsonNode plans, String coachId) {
        for (JsonNode plan : plans) {
            if (coachId.equals(plan.path("coachId").asText()) && plan.hasNonNull("coachName")) {
                return Readable.introduce(plan.path("coachName").asText(), plan.path("coachPronouns").asText(null),
                                          coachId);
            }
        }
        return coachId;
    }

    private static void persons(PdfWriter pdf, Journey journey, Readable readable) {
        pdf.heading("People I marked in my texts");
        if (journey.persons().isEmpty()) {
            pdf.note("Nobody marked.");
        }
        for (ExportedPerson person : journey.persons()) {
            pdf.paragraph(person.label() + " · marked " + readable.at(person.markedAt())
                          + (person.erased() ? " · erased " + readable.at(person.erasedAt()) : ""));
        }
    }

    private static void contactLog(PdfWriter pdf, Journey journey, Readable readable) {
        pdf.heading("Contact log");
        if (journey.contactLog().isEmpty()) {
            pdf.note("Nothing logged.");
        }
        for (ContactLogRecordView record : journey.contactLog()) {
            StringBuilder line = new StringBuilder(readable.at(record.occurredAt())).append(" · ")
                    .append(Readable.words(record.type().name()));
            if (record.targetDays() != null) {
                line.append(", target ").append(record.targetDays()).append(" days");
            }
            if (record.channel() != null) {
                line.append(", ").append(Readable.words(record.channel())).append(", begun by ")
                    .append(Readable.words(record.initiatedBy()));
            }
            if (record.resisted() != null) {
                line.append(record.resisted() ? ", resisted" : ", not resisted");
            }
            pdf.paragraph(line.toString());
            if (record.note() != null) {
                pdf.quote(record.note());
            }
            if (record.reason() != null) {
                pdf.quote(record.reason());
            }
        }
    }

    private static void reads(PdfWriter pdf, Journey journey, Readable readable) {
        pdf.heading("Who read what you shared");
        if (journey.sharedEntryReads().isEmpty()) {
            pdf.note("Nobody has read your shared entries yet.");
        }
        for (LedgerRead read : journey.sharedEntryReads()) {
            pdf.paragraph(readable.at(read.readAt()) + " · " + read.readerName() + " read "
                          + (read.entryIds().size() == 1 ? "1 shared entry" : read.entryIds().size() + " shared entries"));
        }
    }

    private static void notifications(PdfWriter pdf, JsonNode notifications, Readable readable) {
        pdf.heading("What Rekindle sent you");
        if (notifications.isEmpty()) {
            pdf.note("Nothing yet.");
        }
        for (JsonNode explained : notifications) {
            JsonNode notification = explained.path("notification");
            pdf.subheading(readable.at(notification.path("raisedAt")) + " · " + notification.path("title").asText());
            pdf.paragraph(notification.path("body").asText());
            pdf.note("Why: " + notification.path("why").asText());
        }
    }
}
