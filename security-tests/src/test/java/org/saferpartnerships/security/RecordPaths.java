package org.saferpartnerships.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Real records' paths, found by walking the documented lists as a platform admin: a list at
 * {@code P} gives the records at {@code P/{id}}. An operation is then bound to a record by
 * matching its path template, parameter by parameter, against a known record path — so the suite
 * attacks real records of every kind without being told which ones exist.
 */
final class RecordPaths {

    private final List<ApiOperation> operations;
    private final Map<String, String> baseUrls;
    private final String adminToken;
    private final Predicate<JsonNode> wanted;
    /** Concrete record paths, e.g. /api/v1/partnerships/maldon/domestic-homicide-reviews/0b4c… */
    private final Set<String> records = new LinkedHashSet<>();
    /** Values of record fields by name, for parameters no list gives (a plan's year from its priorities). */
    private final Map<String, Set<String>> fieldValues = new LinkedHashMap<>();
    /** The record each concrete path was read from, for bodies that look like it. */
    private final Map<String, JsonNode> exemplars = new LinkedHashMap<>();

    /** @param wanted which list items to keep: partnership A's, or B's */
    RecordPaths(List<ApiOperation> operations, Map<String, String> baseUrls, String adminToken,
            Predicate<JsonNode> wanted, Set<String> roots) {
        this.operations = operations;
        this.baseUrls = baseUrls;
        this.adminToken = adminToken;
        this.wanted = wanted;
        records.addAll(roots);
    }

    /** Walks every list it can reach, a few rounds deep, with the query values given. */
    RecordPaths walk(Inputs inputs) {
        for (int round = 0; round < 4; round++) {
            for (ApiOperation list : operations) {
                // Open operations hold no partnership's records (OpenData binds them): not walked.
                if (!list.method().equals("GET") || list.path().endsWith("}") || list.open()) {
                    continue;
                }
                for (String path : bindAll(list)) {
                    Http.Answer answer = Http.get(baseUrls.get(list.service()) + path + inputs.query(list, null),
                            adminToken);
                    if (answer.status() != 200 || !answer.contentType().contains("json")) {
                        continue;
                    }
                    JsonNode body = Inputs.read(answer.body());
                    for (JsonNode item : items(body)) {
                        item.fields().forEachRemaining(f -> {
                            if (f.getValue().isValueNode()) {
                                fieldValues.computeIfAbsent(f.getKey().toLowerCase(), k -> new LinkedHashSet<>())
                                        .add(f.getValue().asText());
                            }
                        });
                        if (!wanted.test(item) || !item.hasNonNull("id")) {
                            continue;
                        }
                        String record = path + "/" + item.get("id").asText();
                        if (children(list.path()) && records.add(record)) {
                            exemplars.put(record, item);
                            exemplars.putIfAbsent(path, item);
                        }
                    }
                }
            }
        }
        return this;
    }

    /** A concrete path for the operation, bound to a known record; empty when none is known. */
    Optional<String> bind(ApiOperation operation) {
        if (operation.open()) {
            return Optional.empty();
        }
        List<String> all = bindAll(operation);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** A record of the same kind as the one the operation writes, as the admin read it. */
    Optional<JsonNode> exemplar(String concretePath) {
        return Optional.ofNullable(exemplars.get(concretePath));
    }

    private List<String> bindAll(ApiOperation operation) {
        String[] template = operation.path().split("/");
        int last = -1;
        for (int i = 0; i < template.length; i++) {
            if (template[i].startsWith("{")) {
                last = i;
            }
        }
        if (last < 0) {
            return List.of(operation.path());
        }
        List<String> bound = new ArrayList<>();
        for (String record : records) {
            String[] concrete = record.split("/");
            if (concrete.length != last + 1) {
                continue;
            }
            if (matches(template, concrete, last)) {
                StringBuilder path = new StringBuilder(record);
                for (int i = last + 1; i < template.length; i++) {
                    path.append('/').append(template[i]);
                }
                bound.add(path.toString());
            }
        }
        if (bound.isEmpty()) {
            bound.addAll(bindFromFields(template, last));
        }
        return bound;
    }

    /**
     * Templates whose last parameter no list names (a plan's year): the record of the parameter
     * before it, then the literal segments, then the values of record fields ending in its name.
     */
    private List<String> bindFromFields(String[] template, int last) {
        String name = template[last].substring(1, template[last].length() - 1).toLowerCase();
        int before = last - 1;
        while (before >= 0 && !template[before].startsWith("{")) {
            before--;
        }
        List<String> bound = new ArrayList<>();
        if (before < 0) {
            return bound;
        }
        for (Map.Entry<String, Set<String>> field : fieldValues.entrySet()) {
            if (!field.getKey().endsWith(name)) {
                continue;
            }
            for (String record : records) {
                String[] concrete = record.split("/");
                if (concrete.length == before + 1 && matches(template, concrete, before)) {
                    for (String value : field.getValue()) {
                        StringBuilder path = new StringBuilder(record);
                        for (int i = before + 1; i < template.length; i++) {
                            path.append('/').append(i == last ? value : template[i]);
                        }
                        bound.add(path.toString());
                    }
                }
            }
        }
        return bound;
    }

    private static boolean matches(String[] template, String[] concrete, int upTo) {
        for (int i = 0; i <= upTo; i++) {
            if (!template[i].startsWith("{") && !template[i].equals(concrete[i])) {
                return false;
            }
        }
        return true;
    }

    /** Whether some documented path is this list's path followed by a record id. */
    private boolean children(String listPath) {
        return operations.stream().anyMatch(o -> o.path().startsWith(listPath + "/{"));
    }

    /** The records of a list answer: an array, or the first array inside an object (a page). */
    static List<JsonNode> items(JsonNode body) {
        List<JsonNode> items = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(items::add);
        } else if (body.isObject()) {
            body.fields().forEachRemaining(f -> {
                if (items.isEmpty() && f.getValue().isArray()) {
                    f.getValue().forEach(items::add);
                }
            });
        }
        return items;
    }
}
