package org.rekindle.notification.app.messaging.out;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.rekindle.notification.app.query.NotificationView;
import org.rekindle.notification.app.rules.Ics;
import org.rekindle.notification.app.rules.SessionInvite;
import org.rekindle.platform.directory.PeopleDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The email of a notification: its title and body (never journal text), the client named as the directory knows them
 * (the feed keeps ids), and a link back to read more.
 */
@Component
class EmailComposer {

    private final String appUrl;
    private final String from;
    private final PeopleDirectory people;

    EmailComposer(@Value("${rekindle.notification.app-url}") String appUrl,
                  @Value("${rekindle.notification.mail-from}") String from, PeopleDirectory people) {
        this.appUrl = appUrl;
        this.from = from;
        this.people = people;
    }

    String subject(NotificationView notification) {
        return named(notification, notification.title());
    }

    /** The text with the notification's client id replaced by their display name. */
    private String named(NotificationView notification, String text) {
        return people.naming(text, notification.clientId());
    }

    void addressFrom(MimeMessageHelper helper) throws MessagingException {
        helper.setFrom(from);
    }

    /** The web app's page for the notification, which opens what it is about (signing in first if needed). */
    String link(NotificationView notification) {
        return appUrl + "/notifications/" + notification.id();
    }

    String text(NotificationView notification) {
        return named(notification, notification.body()) + "\n\n"
               + (notification.kind().equals("ALERT") ? "Why you got this: " + notification.why() + "\n" : "")
               + "Open in Rekindle: " + link(notification) + "\n\n"
               + "You can change when and how Rekindle reaches you in your notification settings.\n";
    }

    /** The .ics of a booked session (RFC 5545/5546), from Rekindle's address to the recipient's. */
    String invite(NotificationView notification, SessionInvite invite, String to) {
        String with = invite.forCoach() ? people.naming(invite.withClientId(), invite.withClientId()) : "your coach";
        return Ics.invite(invite, "Coaching session with " + with,
                          "Rekindle coaching session. Open Rekindle to move or cancel it: " + link(notification),
                          address(from), address(to));
    }

    /** The bare address of "Name <address>" (an .ics names people by mailto: URI). */
    private static String address(String mailbox) {
        try {
            return new InternetAddress(mailbox).getAddress();
        } catch (AddressException e) {
            return mailbox;
        }
    }

    String inviteFileName(SessionInvite invite) {
        return invite.cancelled() ? "cancelled-session.ics" : "session.ics";
    }

    String html(NotificationView notification) {
        String why = notification.kind().equals("ALERT")
                     ? "<p style=\"color:#555\">Why you got this: " + HtmlUtils.htmlEscape(notification.why()) + "</p>"
                     : "";
        return "<!doctype html><html lang=\"en\"><body style=\"font-family:sans-serif;max-width:36rem\">"
               + "<h1 style=\"font-size:1.25rem\">" + HtmlUtils.htmlEscape(subject(notification)) + "</h1>"
               + "<p>" + HtmlUtils.htmlEscape(named(notification, notification.body())) + "</p>" + why
               + "<p><a href=\"" + HtmlUtils.htmlEscape(link(notification)) + "\">Open in Rekindle</a></p>"
               + "<p style=\"color:#777;font-size:.85rem\">You can change when and how Rekindle reaches you in your "
               + "notification settings.</p></body></html>";
    }
}
