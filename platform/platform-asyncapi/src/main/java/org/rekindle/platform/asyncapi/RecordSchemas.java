package org.rekindle.platform.asyncapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The JSON Schema (draft 07, the AsyncAPI schema format) of an integration event record as {@code CloudEventJson}
 * writes it: every component is a property; a component is required unless annotated {@code @Nullable} (any
 * annotation of that simple name: each contract declares its own, to stay JDK-only), because absent values are left
 * out of the JSON. Instants are {@code date-time} strings, dates {@code date} strings, enums their names, nested
 * records nested objects. A type not listed here fails the build rather than being described vaguely.
 */
final class RecordSchemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Function<Class<?>, String> descriptions;

    /** @param descriptions a type's description (its Javadoc), or null */
    RecordSchemas(Function<Class<?>, String> descriptions) {
        this.descriptions = descriptions;
    }

    ObjectNode of(Class<? extends Record> record) {
        return recordSchema(record, new HashSet<>());
    }

    private ObjectNode recordSchema(Class<?> record, Set<Class<?>> enclosing) {
        if (!enclosing.add(record)) {
            throw new IllegalArgumentException(record + " contains itself: not describable inline");
        }
        ObjectNode schema = JSON.objectNode().put("type", "object").put("title", record.getSimpleName());
        String description = descriptions.apply(record);
        if (description != null) {
            schema.put("description", description);
        }
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (RecordComponent component : record.getRecordComponents()) {
            ObjectNode property = schemaOf(component.getGenericType(), record, enclosing);
            if (isNullable(component)) {
                property.put("description", "Left out when it has no value.");
            } else {
                required.add(component.getName());
            }
            properties.set(component.getName(), property);
        }
        schema.set("required", required);
        schema.put("additionalProperties", false);
        enclosing.remove(record);
        return schema;
    }

    private ObjectNode schemaOf(Type type, Class<?> owner, Set<Class<?>> enclosing) {
        if (type instanceof ParameterizedType generic
            && generic.getRawType() instanceof Class<?> raw && Collection.class.isAssignableFrom(raw)) {
            ObjectNode array = JSON.objectNode().put("type", "array");
            array.set("items", schemaOf(generic.getActualTypeArguments()[0], owner, enclosing));
            if (Set.class.isAssignableFrom(raw)) {
                array.put("uniqueItems", true);
            }
            return array;
        }
        if (!(type instanceof Class<?> plain)) {
            throw new IllegalArgumentException("no JSON schema for " + type + " in " + owner.getName());
        }
        if (plain == String.class) {
            return JSON.objectNode().put("type", "string");
        }
        if (plain == int.class || plain == Integer.class || plain == long.class || plain == Long.class) {
            return JSON.objectNode().put("type", "integer");
        }
        if (plain == double.class || plain == Double.class || plain == float.class || plain == Float.class) {
            return JSON.objectNode().put("type", "number");
        }
        if (plain == boolean.class || plain == Boolean.class) {
            return JSON.objectNode().put("type", "boolean");
        }
        if (plain == Instant.class) {
            return JSON.objectNode().put("type", "string").put("format", "date-time");
        }
        if (plain == LocalDate.class) {
            return JSON.objectNode().put("type", "string").put("format", "date");
        }
        if (plain.isEnum()) {
            ObjectNode schema = JSON.objectNode().put("type", "string");
            ArrayNode names = schema.putArray("enum");
            Arrays.stream(plain.getEnumConstants()).map(constant -> ((Enum<?>) constant).name()).forEach(names::add);
            return schema;
        }
        if (plain.isRecord()) {
            return recordSchema(plain, enclosing);
        }
        throw new IllegalArgumentException("no JSON schema for " + plain.getName() + " in " + owner.getName());
    }

    private static boolean isNullable(RecordComponent component) {
        for (Annotation annotation : component.getAnnotations()) {
            if (annotation.annotationType().getSimpleName().equals("Nullable")) {
                return true;
            }
        }
        return false;
    }
}
