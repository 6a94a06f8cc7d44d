package org.saferpartnerships.security;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

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

    @Test
    void anEmptySecurityIsAnOpenPolicyAndNoSecurityIsNone() {
        ApiDocument document = ApiDocument.of("test", read("""
                {"paths": {
                  "/police-uk/api/forces": {"get": {"security": []}},
                  "/police-uk/api/crimes-street/{category}": {"post": {"security": [],
                    "requestBody": {"content": {"application/x-www-form-urlencoded": {"schema": {"type": "object"}}}}}},
                  "/police-uk/api/forces/{id}": {"delete": {"security": []}},
                  "/api/v1/things": {"get": {"security": []}, "post": {}},
                  "/api/v1/things/{id}": {"get": {"security": [{"jwt": ["analyst"]}]}, "put": {"security": [{"jwt": []}]}}}}"""));
        java.util.Map<String, ApiOperation> byLabel = new java.util.HashMap<>();
        document.operations().forEach(o -> byLabel.put(o.label(), o));
        ApiOperation forces = byLabel.get("GET /police-uk/api/forces");
        assertThat(forces.open() && forces.declaresPolicy() && forces.openWhereOpenDataLives()
                && forces.allows("viewer") && !forces.changes(), equalTo(true));
        assertThat(forces.policy(), equalTo("open (no token)"));
        ApiOperation query = byLabel.get("POST /police-uk/api/crimes-street/{category}");
        assertThat(query.openQuery() && query.openWhereOpenDataLives() && !query.changes(), equalTo(true));
        ApiOperation openDelete = byLabel.get("DELETE /police-uk/api/forces/{id}");
        assertThat(openDelete.declaresPolicy() && !openDelete.openWhereOpenDataLives() && openDelete.changes(),
                equalTo(true));
        ApiOperation openElsewhere = byLabel.get("GET /api/v1/things");
        assertThat(openElsewhere.open() && !openElsewhere.openWhereOpenDataLives(), equalTo(true));
        ApiOperation undeclared = byLabel.get("POST /api/v1/things");
        assertThat(undeclared.declaresPolicy() || undeclared.open(), equalTo(false));
        assertThat(undeclared.policy(), equalTo("none"));
        ApiOperation analysts = byLabel.get("GET /api/v1/things/{id}");
        assertThat(analysts.policy() + " " + analysts.allows("viewer") + " " + analysts.open(),
                equalTo("roles [analyst] false false"));
        assertThat(byLabel.get("PUT /api/v1/things/{id}").policy(), equalTo("any signed-in caller"));
    }
}
