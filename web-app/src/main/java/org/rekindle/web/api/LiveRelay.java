package org.rekindle.web.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Relays a service's server-sent events to the browser: the web app listens to the service's stream with the
 * viewer's token and tells the browser "changed" on every event, so the page reloads that part in place. One
 * reading thread per open page; it ends when either side goes away.
 */
@Component
public class LiveRelay {

    private static final Logger log = LoggerFactory.getLogger(LiveRelay.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService readers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "live-relay");
        thread.setDaemon(true);
        return thread;
    });

    /** {@code changedData} is the data of each "changed" event the browser gets (what changed, for the page). */
    public SseEmitter open(String upstreamUrl, String accessToken, String changedData) {
        SseEmitter browser = new SseEmitter(0L);
        HttpRequest upstream = HttpRequest.newBuilder(URI.create(upstreamUrl))
                                          .header("Authorization", "Bearer " + accessToken)
                                          .header("Accept", "text/event-stream").GET().build();
        readers.submit(() -> relay(upstream, browser, changedData));
        return browser;
    }

    private void relay(HttpRequest upstream, SseEmitter browser, String changedData) {
        try {
            HttpResponse<Stream<String>> response = http.send(upstream, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                response.body().close();
                browser.complete();
                return;
            }
            browser.onCompletion(() -> response.body().close());
            browser.onError(e -> response.body().close());
            browser.send(SseEmitter.event().comment("listening"));
            try (Stream<String> lines = response.body()) {
                lines.filter(line -> line.startsWith("data:")).forEach(line -> send(browser, changedData));
            }
            browser.complete();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            log.debug("Live relay of {} ended: {}", upstream.uri().getPath(), e.toString());
            browser.completeWithError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            browser.complete();
        }
    }

    private static void send(SseEmitter browser, String changedData) {
        try {
            browser.send(SseEmitter.event().name("changed").data(changedData));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
