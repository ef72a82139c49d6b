package org.rekindle.platform.embedded;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real SMTP server in-process (GreenMail) and a read-only inbox a person can open in a browser: {@code /} lists
 * every message received, {@code /api/messages} gives them as JSON. The embedded counterpart of Mailpit.
 */
public final class EmbeddedSmtp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtp.class);

    /** One received message as the inbox shows it. */
    public record Message(String from, List<String> to, String subject, String text, String html,
                          List<Attachment> attachments) {

        public Message(String from, List<String> to, String subject, String text, String html) {
            this(from, to, subject, text, html, List.of());
        }
    }

    /** A part sent as an attachment: its file name, content type and text (as sent: CRLF kept). */
    public record Attachment(String fileName, String contentType, String content) {
    }

    private final GreenMail smtp;
    private final HttpServer inbox;

    private EmbeddedSmtp(GreenMail smtp, HttpServer inbox) {
        this.smtp = smtp;
        this.inbox = inbox;
    }

    /** Starts SMTP on {@code smtpPort} and the inbox view on {@code inboxPort} (0 = any free port), on 127.0.0.1. */
    public static EmbeddedSmtp start(int smtpPort, int inboxPort) {
        long start = System.nanoTime();
        // GreenMail gives up after 2 s by default; a busy two-core machine needs longer to bind its thread.
        ServerSetup setup = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(30_000);
        GreenMail smtp = new GreenMail(setup);
        smtp.start();
        try {
            HttpServer inbox = HttpServer.create(new InetSocketAddress("127.0.0.1", inboxPort), 16);
            EmbeddedSmtp server = new EmbeddedSmtp(smtp, inbox);
            inbox.createContext("/api/messages", exchange -> server.respond(exchange, "application/json",
                                                                            server.json()));
            inbox.createContext("/", exchange -> server.respond(exchange, "text/html; charset=utf-8", server.html()));
            inbox.start();
            log.info("SMTP server (GreenMail) on 127.0.0.1:{}, inbox at {} ({} ms)", server.smtpPort(),
                     server.inboxUrl(), (System.nanoTime() - start) / 1_000_000);
            return server;
        } catch (IOException e) {
            smtp.stop();
            throw new UncheckedIOException("Cannot start the inbox view on port " + inboxPort, e);
        }
    }

    public int smtpPort() {
        return smtp.getSmtp().getServerSetup().getPort();
    }

    public String inboxUrl() {
        return "http://127.0.0.1:" + inbox.getAddress().getPort();
    }

    /** Every message received so far, oldest first. */
    public List<Message> messages() {
        List<Message> messages = new ArrayList<>();
        for (MimeMessage mime : smtp.getReceivedMessages()) {
            messages.add(read(mime));
        }
        return messages;
    }

    private static Message read(MimeMessage mime) {
        try {
            String text = null;
            String html = null;
            List<Attachment> attachments = new ArrayList<>();
            Object content = mime.getContent();
            if (content instanceof Multipart multipart) {
                for (BodyPart part : parts(multipart)) {
                    if (part.getFileName() != null) {
                        attachments.add(new Attachment(part.getFileName(), part.getContentType(), attachment(part)));
                    } else if (part.isMimeType("text/plain") && text == null) {
                        text = (String) part.getContent();
                    } else if (part.isMimeType("text/html") && html == null) {
                        html = (String) part.getContent();
                    }
                }
            } else {
                text = String.valueOf(content);
            }
            List<String> to = Arrays.stream(mime.getAllRecipients() == null ? new Address[0] : mime.getAllRecipients())
                                    .map(Address::toString).toList();
            return new Message(mime.getFrom()[0].toString(), to, mime.getSubject(), lines(text), lines(html),
                               List.copyOf(attachments));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable message in the embedded inbox", e);
        }
    }

    private static String attachment(BodyPart part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String string) {
            return string;
        }
        try (var in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** SMTP carries CRLF line ends; the inbox shows plain newlines. */
    private static String lines(String text) {
        return text == null ? null : text.replace("\r\n", "\n");
    }

    private static List<BodyPart> parts(Multipart multipart) throws MessagingException, IOException {
        List<BodyPart> parts = new ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                parts.addAll(parts(nested));
            } else {
                parts.add(part);
            }
        }
        return parts;
    }

    private String json() {
        return messages().stream().map(m -> "{\"from\":" + quote(m.from()) + ",\"to\":["
                                            + m.to().stream().map(EmbeddedSmtp::quote).collect(Collectors.joining(","))
                                            + "],\"subject\":" + quote(m.subject()) + ",\"text\":" + quote(m.text())
                                            + ",\"html\":" + quote(m.html()) + ",\"attachments\":["
                                            + m.attachments().stream().map(a -> "{\"fileName\":" + quote(a.fileName())
                                                    + ",\"contentType\":" + quote(a.contentType()) + ",\"content\":"
                                                    + quote(a.content()) + "}").collect(Collectors.joining(","))
                                            + "]}")
                         .collect(Collectors.joining(",", "[", "]"));
    }

    private String html() {
        StringBuilder page = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Rekindle local inbox</title><style>body{font-family:sans-serif;max-width:50rem;margin:2rem auto;"
                + "padding:0 1rem}article{border:1px solid #ccc;border-radius:6px;padding:1rem;margin:1rem 0}"
                + "pre{white-space:pre-wrap}</style></head><body><h1>Local inbox</h1>"
                + "<p>Every email the local stack sent, newest first. Nothing here leaves this machine.</p>");
        List<Message> messages = messages();
        if (messages.isEmpty()) {
            page.append("<p>No email yet.</p>");
        }
        for (int i = messages.size() - 1; i >= 0; i--) {
            Message m = messages.get(i);
            page.append("<article><h2>").append(escape(m.subject())).append("</h2><p>From ")
                .append(escape(m.from())).append(" to ").append(escape(String.join(", ", m.to())))
                .append("</p><pre>").append(escape(m.text())).append("</pre>");
            for (Attachment a : m.attachments()) {
                page.append("<details><summary>Attachment: ").append(escape(a.fileName())).append(" (")
                    .append(escape(a.contentType())).append(")</summary><pre>").append(escape(a.content()))
                    .append("</pre></details>");
            }
            page.append("</article>");
        }
        return page.append("</body></html>").toString();
    }

    private void respond(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                                       .replace("\"", "&quot;");
    }

    private static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    public void stop() {
        inbox.stop(0);
        smtp.stop();
        log.info("SMTP server and inbox stopped");
    }

    @Override
    public void close() {
        stop();
    }
}
