package org.saferpartnerships.security;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The property check of API3 finds what a schema does not declare, and only that. */
class ApiDocumentTest {

    private static final ApiDocument DOCUMENT = ApiDocument.of("test", read("""
            {"components": {"schemas": {
              "Incident": {"type": "object", "properties": {"id": {"type": "string"},
                "flags": {"type": "array", "items": {"$ref": "#/components/schemas/Flag"}},
                "scores": {"type": "object", "additionalProperties": {"type": "integer"}}}},
              "Flag": {"type": "object", "properties": {"slug": {"type": "string"}}},
              "Free": {"type": "object"}}}}"""));

    private static JsonNode read(String json) {
        return Inputs.read(json);
    }

    private static JsonNode ref(String name) {
        return read("{\"$ref\": \"#/components/schemas/" + name + "\"}");
    }

    @Test
    void aPropertyTheSchemaDoesNotDeclareIsFoundWhereverItIs() {
        JsonNode answer = read("""
                [{"id": "1", "agencyId": "police", "flags": [{"slug": "knife", "internal": true}], "scores": {"harm": 3}}]""");
        assertThat(DOCUMENT.undeclared(answer, read("{\"type\": \"array\", \"items\": {\"$ref\": "
                + "\"#/components/schemas/Incident\"}}"), ""), contains("/*/agencyId", "/*/flags/*/internal"));
    }

    @Test
    void declaredPropertiesMapsAndFreeFormObjectsPass() {
        assertThat(DOCUMENT.undeclared(read("{\"id\": \"1\", \"scores\": {\"any\": 1}}"), ref("Incident"), ""), empty());
        assertThat(DOCUMENT.undeclared(read("{\"whatever\": {\"x\": 1}}"), ref("Free"), ""), empty());
    }
}
