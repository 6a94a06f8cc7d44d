package org.saferpartnerships.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Input an operation takes, made from its documented parameters and schemas: well-formed values
 * for the required ones (so a refusal is about the attack, not a missing parameter), bodies shaped
 * like a real record, and the malformed variants the fuzzer sends.
 */
final class Inputs {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String partnership;

    /** @param partnership the partnership a {@code partnership} query parameter names */
    Inputs(String partnership) {
        this.partnership = partnership;
    }

    /** The required query parameters with well-formed values, and {@code overrides} on top; "" or "?…". */
    String query(ApiOperation operation, Map<String, String> overrides) {
        List<String> pairs = new ArrayList<>();
        for (JsonNode parameter : operation.parameters("query")) {
            String name = parameter.path("name").asText();
            if (overrides != null && overrides.containsKey(name)) {
                continue;
            }
            if (parameter.path("required").asBoolean() || name.equals("partnership") || name.equals("asOf")
                    || name.equals("from") || name.equals("to")) {
                pairs.add(name + "=" + encode(value(name, operation.document().resolve(parameter.path("schema")))));
            }
        }
        if (overrides != null) {
            overrides.forEach((name, value) -> pairs.add(name + "=" + encode(value)));
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    /** A well-formed value for a parameter or property, by its name and schema. */
    String value(String name, JsonNode schema) {
        if (name.equals("partnership") || name.equals("partnershipId")) {
            return partnership;
        }
        if (schema.has("example")) {
            return schema.get("example").asText();
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asText();
        }
        String format = schema.path("format").asText();
        String pattern = schema.path("pattern").asText();
        if ((name.equals("from") || name.equals("to")) && schema.path("type").asText().equals("integer")) {
            // Financial years, not months.
            return name.equals("from") ? "2016" : "2021";
        }
        if (name.equals("from") || name.equals("to") || name.equals("asOf") || name.toLowerCase().contains("month")
                || pattern.contains("\\d{4}-")) {
            return name.equals("from") ? "2024-04" : "2024-06";
        }
        if (format.equals("date")) {
            return "2024-05-01";
        }
        if (format.equals("date-time")) {
            return "2024-05-01T10:00:00Z";
        }
        return switch (schema.path("type").asText()) {
            case "integer", "number" -> schema.has("minimum") ? schema.get("minimum").asText() : "1";
            case "boolean" -> "false";
            default -> "suite";
        };
    }

    /**
     * A body for the operation: the properties of the input schema, taken from a real record of the
     * kind where it has them, well-formed values for the other required ones.
     */
    ObjectNode body(ApiOperation operation, JsonNode exemplar) {
        ObjectNode body = NODES.objectNode();
        JsonNode schema = operation.bodySchema();
        if (exemplar == null && schema.has("example")) {
            JsonNode example = schema.get("example");
            exemplar = example.isTextual() ? read(example.asText()) : example;
        }
        for (Map.Entry<String, JsonNode> property : operation.document().properties(schema).entrySet()) {
            String name = property.getKey();
            JsonNode propertySchema = property.getValue();
            if (exemplar != null && exemplar.hasNonNull(name) && !propertySchema.path("readOnly").asBoolean()) {
                body.set(name, exemplar.get(name));
            } else if (required(schema, name)) {
                body.set(name, node(name, propertySchema, operation.document(), 0));
            }
        }
        return body;
    }

    private JsonNode node(String name, JsonNode schema, ApiDocument document, int depth) {
        JsonNode resolved = document.resolve(schema);
        return switch (resolved.path("type").asText()) {
            case "integer" -> NODES.numberNode(Long.parseLong(value(name, resolved).replaceAll("\\..*", "")));
            case "number" -> NODES.numberNode(Double.parseDouble(value(name, resolved)));
            case "boolean" -> NODES.booleanNode(false);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 3 && resolved.path("minItems").asInt(0) > 0) {
                    array.add(node(name, resolved.path("items"), document, depth + 1));
                }
                yield array;
            }
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 3) {
                    document.properties(resolved).forEach((n, s) -> {
                        if (required(resolved, n)) {
                            object.set(n, node(n, s, document, depth + 1));
                        }
                    });
                }
                yield object;
            }
            default -> NODES.textNode(value(name, resolved));
        };
    }

    private static boolean required(JsonNode schema, String name) {
        for (JsonNode required : schema.path("required")) {
            if (required.asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Malformed values for a parameter, each named for the report. */
    static Map<String, String> malformedValues() {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("overlong (5,000 characters)", "x".repeat(5000));
        values.put("SQL metacharacters", "' OR '1'='1'; --");
        values.put("path traversal", "../../../../etc/passwd");
        values.put("NUL byte", "a\u0000b");
        values.put("not a number", "NaN");
        values.put("negative", "-1");
        values.put("past any integer", "99999999999999999999999");
        values.put("month out of range", "2024-13");
        values.put("emoji", "\uD83D\uDCA9");
        values.put("empty", "");
        return values;
    }

    /** Malformed bodies for an operation that takes JSON, each named for the report. */
    Map<String, String> malformedBodies(ApiOperation operation, ObjectNode wellFormed) {
        Map<String, String> bodies = new java.util.LinkedHashMap<>();
        bodies.put("truncated JSON", "{\"a\": ");
        bodies.put("empty body", "");
        bodies.put("JSON null", "null");
        bodies.put("array for object", "[]");
        bodies.put("deeply nested (20,000 levels)", "[".repeat(20_000) + "]".repeat(20_000));
        bodies.put("unknown property", wellFormed.deepCopy().put("suiteUnknownProperty", "x").toString());
        bodies.put("number past any long", wellFormed.deepCopy().put("suiteNumber", 0).toString()
                .replace("\"suiteNumber\":0", "\"suiteNumber\":1e400"));
        for (Iterator<Map.Entry<String, JsonNode>> fields = wellFormed.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            ObjectNode wrongType = wellFormed.deepCopy();
            JsonNode value = field.getValue();
            wrongType.set(field.getKey(), value.isTextual() ? NODES.objectNode().put("x", 1)
                    : value.isNumber() ? NODES.textNode("not a number") : NODES.numberNode(12345));
            bodies.put("wrong type for " + field.getKey(), wrongType.toString());
            if (value.isTextual()) {
                ObjectNode overlong = wellFormed.deepCopy();
                overlong.put(field.getKey(), "x".repeat(100_000));
                bodies.put("100,000-character " + field.getKey(), overlong.toString());
            }
        }
        return bodies;
    }

    static JsonNode read(String json) {
        try {
            return ApiDocument.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
