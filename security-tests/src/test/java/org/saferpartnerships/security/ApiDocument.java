package org.saferpartnerships.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A service's OpenAPI document as the running service serves it at {@code /q/openapi}. */
final class ApiDocument {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private final String service;
    private final String baseUrl;
    private final JsonNode document;

    private ApiDocument(String service, String baseUrl, JsonNode document) {
        this.service = service;
        this.baseUrl = baseUrl;
        this.document = document;
    }

    /** A document given whole, for the suite's own tests. */
    static ApiDocument of(String service, JsonNode document) {
        return new ApiDocument(service, "", document);
    }

    static ApiDocument load(String service, String baseUrl) {
        Http.Answer answer = Http.get(baseUrl + "/q/openapi?format=json", null);
        if (answer.status() != 200) {
            throw new IllegalStateException(service + " serves no OpenAPI document: " + answer.status());
        }
        try {
            return new ApiDocument(service, baseUrl, JSON.readTree(answer.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String service() {
        return service;
    }

    String baseUrl() {
        return baseUrl;
    }

    List<ApiOperation> operations() {
        List<ApiOperation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    operations.add(new ApiOperation(service, method.toUpperCase(), path.getKey(), operation, this));
                }
            }
        });
        return operations;
    }

    /** The schema with {@code $ref}s at its top resolved against the document's components. */
    JsonNode resolve(JsonNode schema) {
        JsonNode resolved = schema;
        for (int depth = 0; resolved.has("$ref") && depth < 10; depth++) {
            String ref = resolved.get("$ref").asText();
            resolved = document.at(ref.substring(1));
        }
        if (resolved.has("allOf") && resolved.get("allOf").size() == 1) {
            return resolve(resolved.get("allOf").get(0));
        }
        return resolved;
    }

    /**
     * The JSON pointers of every property in {@code value} that {@code schema} does not declare:
     * what an answer carries beyond its documented shape. A schema that names no properties (a
     * free-form object) declares whatever it holds; {@code additionalProperties} declares any name
     * with its schema; of {@code oneOf}/{@code anyOf} the alternative that declares most is taken.
     */
    List<String> undeclared(JsonNode value, JsonNode schema, String at) {
        JsonNode resolved = resolve(schema);
        List<String> found = new ArrayList<>();
        for (String choice : List.of("oneOf", "anyOf")) {
            if (resolved.has(choice)) {
                List<String> fewest = null;
                for (JsonNode alternative : resolved.get(choice)) {
                    List<String> undeclared = undeclared(value, alternative, at);
                    if (fewest == null || undeclared.size() < fewest.size()) {
                        fewest = undeclared;
                    }
                }
                return fewest == null ? found : fewest;
            }
        }
        if (value.isArray()) {
            value.forEach(item -> found.addAll(undeclared(item, resolved.path("items"), at + "/*")));
            return found;
        }
        if (!value.isObject()) {
            return found;
        }
        Map<String, JsonNode> properties = new java.util.LinkedHashMap<>();
        List<JsonNode> parts = new ArrayList<>(List.of(resolved));
        resolved.path("allOf").forEach(part -> parts.add(resolve(part)));
        parts.forEach(part -> part.path("properties").fields()
                .forEachRemaining(p -> properties.put(p.getKey(), p.getValue())));
        JsonNode additional = resolved.path("additionalProperties");
        if (properties.isEmpty() && !additional.isObject()) {
            return found;
        }
        value.fields().forEachRemaining(field -> {
            JsonNode declared = properties.get(field.getKey());
            if (declared == null && additional.isObject()) {
                declared = additional;
            }
            if (declared == null && !additional.asBoolean(false)) {
                found.add(at + "/" + field.getKey());
            } else if (declared != null) {
                found.addAll(undeclared(field.getValue(), declared, at + "/" + field.getKey()));
            }
        });
        return found;
    }

    /** The properties of an object schema, resolved. */
    Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new java.util.LinkedHashMap<>();
        resolve(schema).path("properties").fields()
                .forEachRemaining(p -> properties.put(p.getKey(), resolve(p.getValue())));
        return properties;
    }
}
