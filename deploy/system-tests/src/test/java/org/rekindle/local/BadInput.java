package org.rekindle.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bad requests for one operation of a service's OpenAPI document: MongoDB operator injection and oversized or
 * odd ids in the path and the query, malformed and wrong-shaped bodies, every body field as an operator object and
 * as the wrong type, a body over the 64 KiB limit, the wrong media type. Each attempt is {path, body, label}.
 */
final class BadInput {

    private static final String INJECTION = "{\"$gt\": \"\"}";
    private static final Map<String, String> OWN_IDS = Map.of("clientId", "client-alex", "userId", "client-alex",
                                                              "coachId", "coach-leo");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{(\\w+)}");

    private BadInput() {
    }

    static List<String[]> attempts(String pathTemplate, String method, JsonNode operation, JsonNode api) {
        List<String[]> attempts = new ArrayList<>();
        String valid = fill(pathTemplate, null, null);
        Matcher params = PATH_PARAM.matcher(pathTemplate);
        while (params.find()) {
            String name = params.group(1);
            attempts.add(new String[]{fill(pathTemplate, name, enc(INJECTION)), null, "operator in {" + name + "}"});
            attempts.add(new String[]{fill(pathTemplate, name, "a".repeat(300)), null, "300-char {" + name + "}"});
            attempts.add(new String[]{fill(pathTemplate, name, enc("x'; db.dropDatabase(); '")), null,
                                      "quote injection in {" + name + "}"});
        }
        for (JsonNode parameter : operation.path("parameters")) {
            if ("query".equals(parameter.path("in").asText())) {
                String name = parameter.get("name").asText();
                attempts.add(new String[]{valid + "?" + name + "=" + enc(INJECTION), null, "operator in ?" + name});
                attempts.add(new String[]{valid + "?" + name + "=" + "9".repeat(40), null, "huge ?" + name});
            }
        }
        JsonNode schema = bodySchema(operation, api);
        if (schema != null) {
            attempts.add(new String[]{valid, "{\"a\": ", "malformed JSON"});
            attempts.add(new String[]{valid, "[]", "an array instead of an object"});
            attempts.add(new String[]{valid, "\"text\"", "a string instead of an object"});
            attempts.add(new String[]{valid, "{\"text\": \"" + "x".repeat(70 * 1024) + "\"}", "70 KiB body"});
            attempts.add(new String[]{valid, "text/plain:hello", "wrong media type"});
            schema.path("properties").fields().forEachRemaining(property -> {
                String field = property.getKey();
                attempts.add(new String[]{valid, "{\"" + field + "\": " + INJECTION + "}", "operator in ." + field});
                attempts.add(new String[]{valid, "{\"" + field + "\": " + wrongTypeFor(property.getValue()) + "}",
                                          "wrong type in ." + field});
            });
        }
        return attempts.stream().map(a -> new String[]{a[0], a[1], a[2], method}).toList();
    }

    static HttpRequest.Builder request(String baseUrl, String[] attempt) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + attempt[0]));
        String method = attempt[3].toUpperCase();
        String body = attempt[1];
        if (body == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (body.startsWith("text/plain:")) {
            return request.header("Content-Type", "text/plain")
                          .method(method, HttpRequest.BodyPublishers.ofString(body.substring(11)));
        }
        return request.header("Content-Type", "application/json")
                      .method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    private static String wrongTypeFor(JsonNode property) {
        return switch (property.path("type").asText()) {
            case "integer", "number" -> "\"many\"";
            case "boolean" -> "\"perhaps\"";
            case "array" -> "\"not a list\"";
            case "object" -> "42";
            default -> property.has("enum") ? "\"NOT_ONE_OF_THEM\"" : "{\"nested\": true}";
        };
    }

    private static JsonNode bodySchema(JsonNode operation, JsonNode api) {
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return null;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            return api.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema;
    }

    /** The path with the caller's own ids, a made-up id for other objects, and {@code value} for {@code name}. */
    private static String fill(String template, String name, String value) {
        Matcher m = PATH_PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String param = m.group(1);
            String replacement = param.equals(name) ? value
                                 : OWN_IDS.getOrDefault(param, param.equals("version") ? "1" : "no-such-" + param);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
