package org.rekindle.platform.web;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Open server-sent-event streams per key (a coach, a user): {@link #send} pushes to every open page of that key.
 * On shutdown every stream is completed, so browsers reconnect elsewhere and the graceful shutdown does not wait
 * out the open requests.
 */
public class LiveStreams {

    private final Map<String, List<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final Duration timeout;

    public LiveStreams(Duration timeout) {
        this.timeout = timeout;
    }

    public SseEmitter open(String key) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        List<SseEmitter> pages = streams.computeIfAbsent(key, id -> new CopyOnWriteArrayList<>());
        pages.add(emitter);
        emitter.onCompletion(() -> pages.remove(emitter));
        emitter.onTimeout(() -> pages.remove(emitter));
        emitter.onError(error -> pages.remove(emitter));
        try {
            // A comment at once: the response starts now (status and headers), not at the first real event.
            emitter.send(SseEmitter.event().comment("open"));
        } catch (IOException gone) {
            pages.remove(emitter);
        }
        return emitter;
    }

    public boolean hasListeners(String key) {
        List<SseEmitter> pages = key == null ? null : streams.get(key);
        return pages != null && !pages.isEmpty();
    }

    /** Sends one named event to every open stream of the key; a page that went away is dropped. */
    public void send(String key, String eventName, String id, Object data) {
        List<SseEmitter> pages = key == null ? null : streams.get(key);
        if (pages == null) {
            return;
        }
        pages.forEach(page -> {
            try {
                page.send(SseEmitter.event().name(eventName).id(id).data(data));
            } catch (IOException | IllegalStateException gone) {
                pages.remove(page);
            }
        });
    }

    @EventListener(ContextClosedEvent.class)
    public void closeAll() {
        streams.values().forEach(pages -> pages.forEach(SseEmitter::complete));
        streams.clear();
    }
}
