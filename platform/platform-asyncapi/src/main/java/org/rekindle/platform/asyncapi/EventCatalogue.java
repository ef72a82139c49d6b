package org.rekindle.platform.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The event catalogue ({@code docs/events.md}) rendered from the services' AsyncAPI documents: per topic, each
 * type with its CloudEvents type, key, version, meaning, fields and the golden example.
 */
public final class EventCatalogue {

    private EventCatalogue() {
    }

    /** @param regenerate the command that rewrites the catalogue, named in its header */
    public static String render(List<JsonNode> documents, String regenerate) {
        StringBuilder md = new StringBuilder();
        md.append("# Event catalogue\n\n");
        md.append("Every integration event Rekindle publishes to Kafka, rendered from the AsyncAPI 3.0 documents that "
                  + "the publishing services generate at build time from their `*-events` modules (each serves its "
                  + "own at `/asyncapi.json`). Do not edit by hand: change the contract, then run\n`")
          .append(regenerate).append("`.\n\n");
        md.append("All events are CloudEvents 1.0 in structured JSON mode (Kafka header `content-type: ")
          .append(AsyncApiDocument.CONTENT_TYPE).append("`), delivered at least once: consumers dedupe on the "
                  + "CloudEvent `id` and ignore types they do not know.\n\n");
        List<JsonNode> sorted = documents.stream()
                .sorted(Comparator.comparing(EventCatalogue::service)).toList();
        md.append("| Topic | Publisher | Kafka key | Types |\n| --- | --- | --- | --- |\n");
        for (JsonNode document : sorted) {
            JsonNode channel = onlyChannel(document);
            md.append("| `").append(channel.path("address").asText()).append("` | ").append(service(document))
              .append(" | `").append(key(document)).append("` | ").append(document.path("components")
                      .path("messages").size()).append(" |\n");
        }
        for (JsonNode document : sorted) {
            topic(md, document);
        }
        return md.toString();
    }

    private static void topic(StringBuilder md, JsonNode document) {
        String topic = onlyChannel(document).path("address").asText();
        md.append("\n## ").append(topic).append("\n\n");
        md.append("Published by ").append(service(document)).append(" (`/asyncapi.json`), keyed by `")
          .append(key(document)).append("`: one ").append(key(document))
          .append("'s events keep their order.\n");
        for (Iterator<Map.Entry<String, JsonNode>> messages = document.path("components").path("messages").fields();
             messages.hasNext(); ) {
            message(md, messages.next().getValue());
        }
    }

    private static void message(StringBuilder md, JsonNode message) {
        String type = message.path("x-cloudevents-type").asText();
        md.append("\n### ").append(message.path("title").asText()).append("\n\n");
        md.append("CloudEvents type `").append(type).append("` · version ")
          .append(type.substring(type.lastIndexOf(".v") + 2)).append(" · Kafka key `")
          .append(message.path("x-kafka-key").asText()).append("`\n\n");
        if (message.hasNonNull("description")) {
            md.append(message.path("description").asText()).append("\n\n");
        }
        md.append("| Field of `data` | Type | Required |\n| --- | --- | --- |\n");
        List<String> nested = new ArrayList<>();
        fields(md, nested, "", message.path("payload").path("properties").path("data"));
        if (!nested.isEmpty()) {
            md.append("\n");
            nested.forEach(line -> md.append("- ").append(line).append("\n"));
        }
        md.append("\nExample (golden JSON):\n\n```json\n")
          .append(message.path("examples").path(0).path("payload").toPrettyString()).append("\n```\n");
    }

    /** One table row per field, nested records' fields under their path; their descriptions go to {@code nested}. */
    private static void fields(StringBuilder md, List<String> nested, String prefix, JsonNode object) {
        List<String> required = StreamSupport.stream(object.path("required").spliterator(), false)
                                             .map(JsonNode::asText).toList();
        for (Iterator<Map.Entry<String, JsonNode>> properties = object.path("properties").fields();
             properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            String path = prefix + property.getKey();
            JsonNode schema = property.getValue();
            md.append("| `").append(path).append("` | ").append(typeName(schema)).append(" | ")
              .append(required.contains(property.getKey()) ? "yes" : "no, left out when it has no value")
              .append(" |\n");
            JsonNode items = schema.path("items");
            if ("object".equals(schema.path("type").asText())) {
                describe(nested, path, schema);
                fields(md, nested, path + ".", schema);
            } else if ("object".equals(items.path("type").asText())) {
                describe(nested, path + "[]", items);
                fields(md, nested, path + "[].", items);
            }
        }
    }

    private static void describe(List<String> nested, String path, JsonNode record) {
        if (record.hasNonNull("description")) {
            nested.add("`" + path + "` (" + record.path("title").asText() + "): "
                       + record.path("description").asText());
        }
    }

    private static String typeName(JsonNode schema) {
        String type = schema.path("type").asText();
        if (schema.has("enum")) {
            return "string, one of " + StreamSupport.stream(schema.path("enum").spliterator(), false)
                                                    .map(JsonNode::asText).collect(Collectors.joining(", "));
        }
        if (type.equals("array")) {
            return (schema.path("uniqueItems").asBoolean() ? "set of " : "list of ") + typeName(schema.path("items"));
        }
        if (type.equals("object")) {
            return "object " + schema.path("title").asText();
        }
        return schema.has("format") ? type + " (" + schema.path("format").asText() + ")" : type;
    }

    private static JsonNode onlyChannel(JsonNode document) {
        return document.path("channels").elements().next();
    }

    private static String service(JsonNode document) {
        return document.path("x-publisher").asText();
    }

    private static String key(JsonNode document) {
        return document.path("x-kafka-key").asText();
    }
}
