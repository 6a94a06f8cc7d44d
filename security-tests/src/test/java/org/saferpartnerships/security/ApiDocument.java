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

    /** The properties of an object schema, resolved. */
    Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new java.util.LinkedHashMap<>();
        resolve(schema).path("properties").fields()
                .forEachRemaining(p -> properties.put(p.getKey(), resolve(p.getValue())));
        return properties;
    }
}
