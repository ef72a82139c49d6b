package org.rekindle.web.coach;

import org.rekindle.web.config.WebProperties;
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
 * Live dashboard: the browser listens here; the web app listens to plan-service's stream for the coach (with the
 * coach's token) and tells the browser "changed" whenever a row changes, so the page reloads its table in place.
 * One reading thread per open page; it ends when either side goes away.
 */
@Component
class DashboardRelay {

    private static final Logger log = LoggerFactory.getLogger(DashboardRelay.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService readers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "dashboard-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final String planUrl;

    DashboardRelay(WebProperties properties) {
        this.planUrl = properties.planUrl();
    }

    SseEmitter open(String coachId, String accessToken) {
        SseEmitter browser = new SseEmitter(0L);
        HttpRequest upstream = HttpRequest.newBuilder(URI.create(planUrl + "/api/dashboard/coaches/" + coachId
                                                                  + "/stream"))
                                          .header("Authorization", "Bearer " + accessToken)
                                          .header("Accept", "text/event-stream").GET().build();
        readers.submit(() -> relay(upstream, browser));
        return browser;
    }

    private void relay(HttpRequest upstream, SseEmitter browser) {
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
                lines.filter(line -> line.startsWith("data:")).forEach(line -> send(browser));
            }
            browser.complete();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            log.debug("Dashboard relay ended: {}", e.toString());
            browser.completeWithError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            browser.complete();
        }
    }

    private static void send(SseEmitter browser) {
        try {
            browser.send(SseEmitter.event().name("changed").data("row"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
