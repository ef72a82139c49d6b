package org.rekindle.notification.app.messaging.out;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.rekindle.notification.app.engine.NotificationMetrics;
import org.rekindle.notification.app.engine.NotificationWork;
import org.rekindle.notification.app.query.DeliveryLog;
import org.rekindle.notification.app.query.NotificationStore;
import org.rekindle.notification.app.query.NotificationView;
import org.rekindle.notification.app.rules.Channel;
import org.rekindle.notification.app.rules.Ics;
import org.rekindle.notification.app.rules.SessionInvite;
import org.springframework.core.io.ByteArrayResource;
import org.rekindle.platform.schedule.ScheduledWork;
import org.rekindle.platform.schedule.ScheduledWorkHandler;
import org.rekindle.platform.schedule.WorkKind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Sends a notification's email over SMTP (plain text and HTML; about a booked session, with its .ics invite). A failure is logged with its reason and retried
 * with back-off by the schedule; the last failure is logged as GAVE_UP. The Message-ID is derived from the
 * notification, so a resend after a crash can be recognised by the receiving side.
 */
@Component
class EmailWork implements ScheduledWorkHandler {


    private final JavaMailSender mail;
    private final NotificationStore notifications;
    private final DeliveryLog log;
    private final EmailComposer composer;
    private final Clock clock;
    private final int maxAttempts;
    private final NotificationMetrics metrics;

    EmailWork(JavaMailSender mail, NotificationStore notifications, DeliveryLog log, EmailComposer composer,
              Clock clock, @Value("${rekindle.schedule.max-attempts:8}") int maxAttempts,
              NotificationMetrics metrics) {
        this.metrics = metrics;
        this.mail = mail;
        this.notifications = notifications;
        this.log = log;
        this.composer = composer;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public WorkKind kind() {
        return NotificationWork.EMAIL;
    }

    @Override
    public void run(ScheduledWork work) throws MessagingException {
        String id = work.payload().getString("id");
        NotificationStore.Stored stored = notifications.load(id).orElse(null);
        if (stored == null) { // the client's journal was erased after this was queued: it is not sent
            log.deleteFor(List.of(id));
            return;
        }
        if (stored.emailed()) {
            return;
        }
        NotificationView notification = stored.view();
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setTo(work.payload().getString("to"));
            helper.setSubject(composer.subject(notification));
            helper.setText(composer.text(notification), composer.html(notification));
            composer.addressFrom(helper);
            SessionInvite invite = stored.invite();
            if (invite != null) { // a booked session: the calendar invite, for the recipient's calendar
                String ics = composer.invite(notification, invite, work.payload().getString("to"));
                helper.addAttachment(composer.inviteFileName(invite),
                                     new ByteArrayResource(ics.getBytes(StandardCharsets.UTF_8)),
                                     Ics.CONTENT_TYPE + "; method=" + Ics.method(invite));
            }
            message.saveChanges();
            message.setHeader("Message-ID", "<" + id + "@rekindle.notifications>");
            mail.send(message);
        } catch (RuntimeException | MessagingException failure) {
            boolean last = work.attempt() >= maxAttempts;
            DeliveryLog.State outcome = last ? DeliveryLog.State.GAVE_UP : DeliveryLog.State.FAILED;
            log.record(id, Channel.EMAIL, outcome, work.attempt(), String.valueOf(failure.getMessage()),
                       clock.instant());
            metrics.delivered(notification.rule(), Channel.EMAIL, outcome);
            throw failure;
        }
        Instant sentAt = clock.instant();
        log.record(id, Channel.EMAIL, DeliveryLog.State.SENT, work.attempt(), null, sentAt);
        metrics.sent(notification.rule(), Channel.EMAIL, notification.raisedAt(), sentAt);
        if (!notifications.markEmailed(id, sentAt)) {
            log.deleteFor(List.of(id)); // erased while it was being sent
        }
    }
}
