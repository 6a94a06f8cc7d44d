package org.saferpartnerships.reporting.policeuk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The shape of police.uk JSON: for an object its field names in order, each with the JSON types
 * it takes (a field that is null in one example and an object in another may be either); for an
 * array the shape of its elements. A fixture's shape is the union over its examples; an answer
 * conforms when every value it has is of a type the fixture shows, field names and order equal.
 */
final class PoliceUkShapes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PoliceUkShapes() {
    }

    static JsonNode fixture(String name) {
        try (InputStream in = PoliceUkShapes.class.getResourceAsStream("/policeuk/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ways the answer departs from the fixture's shape; empty when it conforms. */
    static List<String> departures(JsonNode fixture, JsonNode answer) {
        List<String> found = new ArrayList<>();
        check(List.of(fixture), answer, "$", found);
        return found;
    }

    private static void check(List<JsonNode> examples, JsonNode answer, String path, List<String> found) {
        Set<String> types = new LinkedHashSet<>();
        examples.forEach(e -> types.add(type(e)));
        if (!types.contains(type(answer))) {
            found.add(path + " is " + type(answer) + ", police.uk gives " + types);
            return;
        }
        if (answer.isObject()) {
            List<JsonNode> objects = examples.stream().filter(JsonNode::isObject).toList();
            Map<String, List<JsonNode>> fields = new LinkedHashMap<>();
            objects.get(0).fieldNames().forEachRemaining(name -> fields.put(name, new ArrayList<>()));
            for (JsonNode object : objects) {
                object.fields().forEachRemaining(field -> fields.get(field.getKey()).add(field.getValue()));
            }
            List<String> names = new ArrayList<>();
            answer.fieldNames().forEachRemaining(names::add);
            if (!names.equals(new ArrayList<>(fields.keySet()))) {
                found.add(path + " has fields " + names + ", police.uk gives " + fields.keySet());
                return;
            }
            fields.forEach((name, values) -> check(values, answer.get(name), path + "." + name, found));
        } else if (answer.isArray()) {
            List<JsonNode> elements = new ArrayList<>();
            examples.stream().filter(JsonNode::isArray).forEach(a -> a.forEach(elements::add));
            for (int i = 0; i < answer.size(); i++) {
                if (elements.isEmpty()) {
                    found.add(path + " has elements, police.uk gives none");
                    return;
                }
                check(elements, answer.get(i), path + "[" + i + "]", found);
            }
        }
    }

    private static String type(JsonNode node) {
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        return node.isArray() ? "array" : "object";
    }
}
