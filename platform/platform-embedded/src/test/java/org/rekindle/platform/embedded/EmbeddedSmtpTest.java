package org.rekindle.platform.embedded;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** A message sent over SMTP shows up in the inbox: as records, as JSON and in the HTML page (escaped). */
class EmbeddedSmtpTest {

    @Test
    void whatIsSentOverSmtpIsInTheInbox() throws Exception {
        try (EmbeddedSmtp smtp = EmbeddedSmtp.start(Ports.freePort(), 0)) {
            Properties props = new Properties();
            props.put("mail.smtp.host", "127.0.0.1");
            props.put("mail.smtp.port", String.valueOf(smtp.smtpPort()));
            MimeMessage message = new MimeMessage(Session.getInstance(props));
            message.setFrom(new InternetAddress("rekindle@example.org"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("maya@example.org"));
            message.setSubject("Day 7 <of> no contact");
            MimeBodyPart text = new MimeBodyPart();
            text.setText("plain \"words\"\nline two", "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setContent("<p>html words</p>", "text/html; charset=UTF-8");
            MimeMultipart alternative = new MimeMultipart("alternative", text, html);
            message.setContent(alternative);
            Transport.send(message);

            assertThat(smtp.messages()).singleElement().satisfies(m -> {
                assertThat(m.to()).containsExactly("maya@example.org");
                assertThat(m.subject()).isEqualTo("Day 7 <of> no contact");
                assertThat(m.text()).isEqualTo("plain \"words\"\nline two");
                assertThat(m.html()).isEqualTo("<p>html words</p>");
            });
            HttpClient http = HttpClient.newHttpClient();
            String json = http.send(HttpRequest.newBuilder(URI.create(smtp.inboxUrl() + "/api/messages")).build(),
                                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(json).contains("\"subject\":\"Day 7 <of> no contact\"")
                            .contains("\"text\":\"plain \\\"words\\\"\\nline two\"");
            String page = http.send(HttpRequest.newBuilder(URI.create(smtp.inboxUrl() + "/")).build(),
                                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(page).contains("Day 7 &lt;of&gt; no contact").doesNotContain("<of>");
        }
    }
}
