package org.rekindle.journal.app.export;

import com.fasterxml.jackson.databind.JsonNode;
import org.rekindle.platform.security.CallerTokenRelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The parts of a client's journey other services own, asked for with the client's own token (so plan-service and
 * notification-service apply their own access rules to the same person). If one cannot answer, the export is not
 * made: a journey export that silently lacks a part would look complete and not be.
 */
@Component
class OtherServices {

    private final RestClient plans;
    private final RestClient notifications;

    OtherServices(RestClient.Builder builder,
                  @Value("${rekindle.journal.export.plan-service-url}") String planServiceUrl,
                  @Value("${rekindle.journal.export.notification-service-url}") String notificationServiceUrl) {
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(Duration.ofSeconds(2));
        timeouts.setReadTimeout(Duration.ofSeconds(20));
        RestClient.Builder relaying = builder.requestFactory(timeouts).requestInterceptor(new CallerTokenRelay());
        this.plans = relaying.clone().baseUrl(planServiceUrl).build();
        this.notifications = relaying.clone().baseUrl(notificationServiceUrl).build();
    }

    /** The client's plans with every step, as plan-service shows them to the client. */
    JsonNode plansOf(String clientId) {
        return ask("plan-service", () -> plans.get().uri("/api/plans?clientId={clientId}", clientId).retrieve()
                                              .body(JsonNode.class));
    }

    /** Everything notification-service raised for the user, each with its why and delivery log. */
    JsonNode notificationsOf(String userId) {
        return ask("notification-service", () -> notifications.get().uri("/api/feed/{userId}/export", userId)
                                                              .retrieve().body(JsonNode.class));
    }

    private static JsonNode ask(String service, Supplier<JsonNode> call) {
        try {
            return call.get();
        } catch (ResourceAccessException e) {
            throw unavailable(service, service + " did not answer");
        } catch (RestClientResponseException e) {
            throw unavailable(service, service + " answered " + e.getStatusCode().value());
        }
    }

    private static ErrorResponseException unavailable(String service, String why) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                why + ", so the export was not made (it would have been incomplete). Try again in a moment.");
        problem.setTitle("Export incomplete");
        problem.setProperty("service", service);
        return new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
    }
}
