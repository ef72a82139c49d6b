package org.rekindle.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service refused a request (RFC 9457 problem+json): its status, what it said, and which fields were wrong, so the
 * page can tell the person in words rather than show an error code.
 */
public class ServiceProblem extends RuntimeException {

    private final int status;
    private final List<String> fieldErrors;
    private final Map<String, String> reasonsByField;

    public ServiceProblem(int status, String message, List<String> fieldErrors) {
        this(status, message, fieldErrors, Map.of());
    }

    private ServiceProblem(int status, String message, List<String> fieldErrors, Map<String, String> reasonsByField) {
        super(message);
        this.status = status;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.reasonsByField = Map.copyOf(reasonsByField);
    }

    static ServiceProblem from(int status, byte[] body, ObjectMapper json) {
        String message = switch (status) {
            case 403 -> "You are not allowed to do that.";
            case 404 -> "That could not be found.";
            case 409 -> "That conflicts with what is already recorded.";
            default -> status >= 500 ? "Rekindle could not do that just now. Please try again." : "That was not accepted.";
        };
        List<String> fields = new ArrayList<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        try {
            JsonNode problem = json.readTree(body);
            if (problem != null && problem.hasNonNull("detail")) {
                message = problem.get("detail").asText();
            }
            if (problem != null) {
                problem.path("errors").forEach(e -> {
                    String field = e.path("field").asText();
                    String reason = inWords(e.path("reason").asText());
                    fields.add(inWords(field) + ": " + reason);
                    reasons.putIfAbsent(field, sentence(inWords(field), reason));
                });
            }
            if (!fields.isEmpty()) {
                message = "That was not saved. Please check:"; // the fields say why, once
            }
        } catch (IOException ignored) {
            // not problem+json: the status words above say enough
        }
        return new ServiceProblem(status, message, fields, reasons);
    }

    /** "Prompt id" and "is required" → "Prompt id is required." (shown beside the field, so it reads alone). */
    private static String sentence(String field, String reason) {
        String words = (field + " " + reason).trim();
        if (words.isEmpty()) {
            return "";
        }
        String capitalised = Character.toUpperCase(words.charAt(0)) + words.substring(1);
        return capitalised.endsWith(".") ? capitalised : capitalised + ".";
    }

    /**
     * A service's internal names in words a person reads: "promptId" → "Prompt id", "REFLECTION_PROMPT" →
     * "reflection prompt".
     */
    static String inWords(String text) {
        java.util.regex.Matcher constants = java.util.regex.Pattern.compile("\\b[A-Z]+(?:_[A-Z]+)+\\b").matcher(text);
        StringBuilder out = new StringBuilder();
        while (constants.find()) {
            constants.appendReplacement(out, constants.group().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        constants.appendTail(out);
        String words = out.toString();
        if (words.matches("[a-z]+(?:[A-Z][a-z0-9]*)+")) {
            words = words.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
            words = Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }
        return words;
    }

    public int status() {
        return status;
    }

    public List<String> fieldErrors() {
        return fieldErrors;
    }

    /** Each field as the service names it ({@code promptId}) → why it was refused, as a sentence in words. */
    public Map<String, String> reasonsByField() {
        return reasonsByField;
    }
}
