package org.rekindle.web.coach;

import org.rekindle.web.api.LiveRelay;
import org.rekindle.web.config.WebProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live dashboard: the browser listens here; the web app listens to plan-service's stream for the coach (with the
 * coach's token) and tells the browser "changed" whenever a row changes, so the page reloads its table in place.
 */
@Component
class DashboardRelay {

    private final LiveRelay relay;
    private final String planUrl;

    DashboardRelay(LiveRelay relay, WebProperties properties) {
        this.relay = relay;
        this.planUrl = properties.planUrl();
    }

    SseEmitter open(String coachId, String accessToken) {
        return relay.open(planUrl + "/api/dashboard/coaches/" + coachId + "/stream", accessToken, "row");
    }
}
