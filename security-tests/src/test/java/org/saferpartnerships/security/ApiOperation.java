package org.saferpartnerships.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** One operation of a service's live OpenAPI document, with the role policy it declares. */
record ApiOperation(String service, String method, String path, JsonNode operation, ApiDocument document) {

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    String label() {
        return method + " " + path;
    }

    /**
     * The declared policy: roles as the security requirement's scopes, none for any signed-in caller;
     * or, with {@code security: []} (present and empty), explicitly open. An operation without
     * {@code security} declares nothing.
     */
    boolean declaresPolicy() {
        return open() || operation.has("security") && operation.get("security").size() > 0;
    }

    /** Declared open: {@code security} present and empty, no token needed (the open-data API). */
    boolean open() {
        JsonNode security = operation.get("security");
        return security != null && security.isArray() && security.isEmpty();
    }

    /** The policy as the report names it. */
    String policy() {
        if (!declaresPolicy()) {
            return "none";
        }
        return open() ? "open (no token)" : roles().isEmpty() ? "any signed-in caller" : "roles " + roles();
    }

    /**
     * Where an open operation may be: under /police-uk/api/, a GET (or HEAD), or the form-encoded POST
     * query of crimes-street. Anything else open (another path, a write) is an inventory failure.
     */
    boolean openWhereOpenDataLives() {
        if (!open() || !path.startsWith(OpenData.PREFIX)) {
            return false;
        }
        return method.equals("GET") || method.equals("HEAD") || openQuery();
    }

    /** The open POST that is a query, not a write: crimes-street with its area form-encoded. */
    boolean openQuery() {
        return open() && method.equals("POST") && path.equals(OpenData.PREFIX + "crimes-street/{category}")
                && OpenData.isForm(this);
    }

    /** The roles allowed; empty when any authenticated caller is (or, when {@link #open()}, anyone). */
    Set<String> roles() {
        Set<String> roles = new LinkedHashSet<>();
        operation.path("security").forEach(requirement -> requirement.fields()
                .forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
        return roles;
    }

    boolean allows(String role) {
        return open() || roles().isEmpty() || roles().contains(role);
    }

    List<String> pathParameters() {
        List<String> names = new ArrayList<>();
        Matcher matcher = PATH_PARAMETER.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    List<JsonNode> parameters(String in) {
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(p -> {
            if (in.equals(p.path("in").asText())) {
                parameters.add(p);
            }
        });
        return parameters;
    }

    boolean hasQueryParameter(String name) {
        return parameters("query").stream().anyMatch(p -> name.equals(p.path("name").asText()));
    }

    /** The media type of the request body, or null when it takes none. */
    String bodyType() {
        JsonNode content = operation.path("requestBody").path("content");
        return content.fieldNames().hasNext() ? content.fieldNames().next() : null;
    }

    /** The JSON schema of the request body (references resolved), or a missing node. */
    JsonNode bodySchema() {
        String type = bodyType();
        return type == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : document.resolve(operation.path("requestBody").path("content").path(type).path("schema"));
    }

    /** The documented schema of a 200 answer in JSON, or a missing node when none is documented. */
    JsonNode answerSchema() {
        JsonNode content = operation.path("responses").path("200").path("content");
        JsonNode json = content.has("application/json") ? content.get("application/json") : content.path("*/*");
        return json.path("schema");
    }

    /** Whether the operation may change something: any method but GET, bar the open POST query. */
    boolean changes() {
        return !method.equals("GET") && !method.equals("HEAD") && !openQuery();
    }

    /** The path with its parameters bound; null when a value is missing. */
    String bind(java.util.Map<String, String> values) {
        String bound = path;
        for (String name : pathParameters()) {
            String value = values.get(name);
            if (value == null) {
                return null;
            }
            bound = bound.replace("{" + name + "}", value);
        }
        return bound;
    }
}
