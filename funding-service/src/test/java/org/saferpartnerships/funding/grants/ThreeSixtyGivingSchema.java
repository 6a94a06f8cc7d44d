package org.saferpartnerships.funding.grants;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * The 360Giving Data Standard's schemas, from the copies in src/test/resources/360giving (see
 * SOURCE.md there): the package schema to validate an export against, and the grant schema's
 * field titles, which head the columns of the standard's spreadsheets.
 */
final class ThreeSixtyGivingSchema {

    /** Where both schemas' $ids say they live, and so where the package schema's $ref to the grant schema points. */
    private static final String PUBLISHED_AT = "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/";
    private static final String COPIED_TO = "360giving/";

    /**
     * Draft 2020-12 chosen here, as the files' $schema is the non-canonical http:// URI; format
     * assertion on, without which awardDate's oneOf refuses every plain date and takes 2020-13-01.
     * The remote $ref is mapped to the copy on the classpath; the validator fetches nothing from
     * the network by default, so a reference left unmapped fails rather than going online.
     */
    private static final Schema PACKAGE = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaIdResolvers(ids -> ids.mapPrefix(PUBLISHED_AT, "classpath:" + COPIED_TO))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
            .getSchema(SchemaLocation.of(PUBLISHED_AT + "360-giving-package-schema.json"));

    private static final JsonNode GRANT = read("360-giving-schema.json");

    private ThreeSixtyGivingSchema() {
    }

    /** What the package schema finds wrong with {@code grantPackage}: nothing, for a valid package. */
    static List<String> violationsOf(JsonNode grantPackage) {
        return PACKAGE.validate(grantPackage).stream().map(Error::toString).toList();
    }

    /**
     * The spreadsheet column of a grant's field: its title, or for a field of a nested object the
     * titles along the way joined with colons ("Recipient Org:Identifier"). A field's title is its
     * own or, for a $ref (currency), the referenced definition's.
     */
    static String columnTitle(String... path) {
        List<String> titles = new ArrayList<>();
        JsonNode schema = GRANT;
        for (String field : path) {
            JsonNode property = schema.path("properties").path(field);
            if (property.isMissingNode()) {
                throw new IllegalArgumentException("The grant schema has no field " + String.join(".", path));
            }
            JsonNode resolved = resolved(property);
            titles.add(property.has("title") ? property.get("title").asText() : resolved.path("title").asText());
            schema = resolved.has("items") ? resolved(resolved.get("items")) : resolved;
        }
        return String.join(":", titles);
    }

    private static JsonNode resolved(JsonNode schema) {
        if (!schema.has("$ref")) {
            return schema;
        }
        String ref = schema.get("$ref").asText();
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("Not a reference within the grant schema: " + ref);
        }
        return GRANT.at(ref.substring(1));
    }

    private static JsonNode read(String file) {
        try (InputStream in = ThreeSixtyGivingSchema.class.getClassLoader().getResourceAsStream(COPIED_TO + file)) {
            if (in == null) {
                throw new IllegalStateException(COPIED_TO + file + " is missing from the test resources");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
