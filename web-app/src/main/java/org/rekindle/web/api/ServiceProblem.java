package org.rekindle.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A service refused a request (RFC 9457 problem+json): its status, what it said, and which fields were wrong, so the
 * page can tell the person in words rather than show an error code.
 */
public class ServiceProblem extends RuntimeException {

    private final int status;
    private final List<String> fieldErrors;

    public ServiceProblem(int status, String message, List<String> fieldErrors) {
        super(message);
        this.status = status;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    static ServiceProblem from(int status, byte[] body, ObjectMapper json) {
        String message = switch (status) {
            case 403 -> "You are not allowed to do that.";
            case 404 -> "That could not be found.";
            case 409 -> "That conflicts with what is already recorded.";
            default -> status >= 500 ? "Rekindle could not do that just now. Please try again." : "That was not accepted.";
        };
        List<String> fields = new ArrayList<>();
        try {
            JsonNode problem = json.readTree(body);
            if (problem != null && problem.hasNonNull("detail")) {
                message = problem.get("detail").asText();
            }
            if (problem != null) {
                problem.path("errors").forEach(e -> fields.add(e.path("field").asText() + ": "
                                                               + e.path("reason").asText()));
            }
        } catch (IOException ignored) {
            // not problem+json: the status words above say enough
        }
        return new ServiceProblem(status, message, fields);
    }

    public int status() {
        return status;
    }

    public List<String> fieldErrors() {
        return fieldErrors;
    }
}
