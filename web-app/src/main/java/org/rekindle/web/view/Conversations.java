package org.rekindle.web.view;

import org.rekindle.web.api.LiveRelay;
import org.rekindle.web.api.People;
import org.rekindle.web.api.Services;
import org.rekindle.web.api.Viewers;
import org.rekindle.web.config.WebProperties;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.List;
import java.util.Map;

import static org.rekindle.web.api.Services.Service.JOURNAL;

/**
 * The conversation between a client and their coach, for either side's page: the latest messages (journal-service
 * opens them for the two participants only), marked read when this side has unread ones (the page shows them),
 * a reply, and the live stream that reloads the thread when either side writes or reads.
 */
@Component
public class Conversations {

    public static final String CLIENT = "CLIENT";
    public static final String COACH = "COACH";
    static final int SHOWN = 50;

    private final Services services;
    private final People people;
    private final LiveRelay relay;
    private final Viewers viewers;
    private final String journalUrl;

    Conversations(Services services, People people, LiveRelay relay, Viewers viewers, WebProperties properties) {
        this.services = services;
        this.people = people;
        this.relay = relay;
        this.viewers = viewers;
        this.journalUrl = properties.journalUrl();
    }

    /**
     * Puts the thread into the model as {@code conversation} (null when there is none yet: no journal or no coach),
     * with {@code mySide}, {@code otherName} and the page's own paths ({@code base}: the page).
     */
    @SuppressWarnings("unchecked")
    public void show(String clientId, String mySide, String base, Model model) {
        Map<String, Object> conversation = services.objectOrNull(JOURNAL, "/api/clients/{id}/conversation?limit="
                                                                          + SHOWN, clientId);
        if (conversation != null && hasUnread(conversation, mySide)) {
            services.post(JOURNAL, "/api/clients/{id}/conversation/read", Map.of(), clientId); // up to the latest
            conversation = services.objectOrNull(JOURNAL, "/api/clients/{id}/conversation?limit=" + SHOWN, clientId);
        }
        model.addAttribute("conversation", conversation);
        model.addAttribute("mySide", mySide);
        Object other = conversation == null ? null
                       : CLIENT.equals(mySide) ? conversation.get("coachId") : conversation.get("clientId");
        model.addAttribute("otherName", other == null ? (CLIENT.equals(mySide) ? "Your coach" : "Your client")
                                                      : people.name(other));
        model.addAttribute("threadUrl", base + "/thread");
        model.addAttribute("liveUrl", base + "/live");
        model.addAttribute("sendUrl", base);
    }

    public void send(String clientId, String text) {
        services.post(JOURNAL, "/api/clients/{id}/conversation/messages", Map.of("text", text), clientId);
    }

    public SseEmitter live(String clientId) {
        return relay.open(journalUrl + "/api/clients/" + clientId + "/conversation/stream", viewers.accessToken(),
                          "conversation");
    }

    @SuppressWarnings("unchecked")
    private static boolean hasUnread(Map<String, Object> conversation, String mySide) {
        Object mark = conversation.get(CLIENT.equals(mySide) ? "readByClient" : "readByCoach");
        int read = mark instanceof Number number ? number.intValue() : 0;
        return ((List<Map<String, Object>>) conversation.getOrDefault("messages", List.of())).stream()
                .anyMatch(message -> !mySide.equals(message.get("sender"))
                                     && message.get("number") instanceof Number n && n.intValue() > read);
    }
}
