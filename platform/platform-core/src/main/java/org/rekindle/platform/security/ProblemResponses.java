package org.rekindle.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.rekindle.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;

/** 401 and 403 as RFC 9457 problems, like every other error of the platform. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthenticated(ObjectMapper json) {
        return (request, response, failure) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(json, response, HttpStatus.UNAUTHORIZED,
                  "A valid bearer token from the Rekindle issuer is required.");
        };
    }

    static AccessDeniedHandler denied(ObjectMapper json) {
        return (request, response, failure) -> write(json, response, HttpStatus.FORBIDDEN, "You may not do this.");
    }

    /** A URL Spring Security's firewall refuses (an encoded "../", "//", a NUL, a semicolon): 400, not HTML. */
    static RequestRejectedHandler rejected(ObjectMapper json) {
        return (request, response, failure) -> write(json, response, HttpStatus.BAD_REQUEST,
                "The URL is malformed or not allowed (for example an encoded '../', '//' or a NUL character).");
    }

    private static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.problem(status, detail));
    }
}
