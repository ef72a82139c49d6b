package org.rekindle.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** What a service's OpenAPI document says its responses can carry: the GET paths, and every property name. */
public final class OpenApiFields {

    private OpenApiFields() {
    }

    /** The GET paths the predicate keeps (server-sent event streams left out: they are not JSON documents). */
    public static List<String> getPaths(JsonNode api, Predicate<String> keep) {
        List<String> paths = new ArrayList<>();
        api.get("paths").fieldNames().forEachRemaining(path -> {
            if (keep.test(path) && api.get("paths").get(path).has("get") && !path.endsWith("/stream")) {
                paths.add(path);
            }
        });
        return paths;
    }

    /** Every property name any response of these GET paths can carry, following $ref into the components. */
    public static Set<String> responseProperties(JsonNode api, List<String> paths) {
        Set<String> properties = new HashSet<>();
        for (String path : paths) {
            collect(api, api.at("/paths/" + path.replace("~", "~0").replace("/", "~1") + "/get/responses"),
                    properties, new HashSet<>());
        }
        return properties;
    }

    private static void collect(JsonNode api, JsonNode node, Set<String> into, Set<String> seenRefs) {
        if (node == null || node.isMissingNode()) {
            return;
        }
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (seenRefs.add(ref)) {
                collect(api, api.at(ref.substring(1)), into, seenRefs);
            }
            return;
        }
        if (node.has("properties")) {
            node.get("properties").fieldNames().forEachRemaining(into::add);
        }
        node.forEach(child -> collect(api, child, into, seenRefs));
    }
}
