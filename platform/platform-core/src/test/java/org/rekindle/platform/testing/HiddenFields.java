package org.rekindle.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For consent tests: the settings worth trying, and a walk over a JSON response asserting that no field is present
 * whose consent the reader lacks. Consent kinds are plain names here (each service tests against its own contract).
 */
public final class HiddenFields {

    private HiddenFields() {
    }

    /** No consent at all, each kind alone, and every kind together. */
    public static List<List<String>> settings(List<String> kinds) {
        List<List<String>> settings = new ArrayList<>();
        settings.add(List.of());
        kinds.forEach(kind -> settings.add(List.of(kind)));
        settings.add(List.copyOf(kinds));
        return settings;
    }

    /**
     * Walks the whole document: for every field, {@code needs.apply(parentField, field)} names the consent it needs
     * (null: none); a field needing one outside {@code allowed} fails the test, saying where.
     */
    public static void assertNothingHidden(JsonNode node, BiFunction<String, String, String> needs,
                                           Set<String> allowed, String where) {
        walk(node, "", needs, allowed, where);
    }

    private static void walk(JsonNode node, String parent, BiFunction<String, String, String> needs,
                             Set<String> allowed, String where) {
        if (node.isArray()) {
            node.forEach(element -> walk(element, parent, needs, allowed, where));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String needed = needs.apply(parent, field.getKey());
            assertThat(needed == null || allowed.contains(needed))
                    .as("%s: %s.%s needs %s", where, parent, field.getKey(), needed).isTrue();
            walk(field.getValue(), field.getKey(), needs, allowed, where);
        }
    }
}
