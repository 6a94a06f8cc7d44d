package org.saferpartnerships.reporting.reports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A report's content as bytes that depend on nothing but the content: properties in alphabetical
 * order, dates as ISO strings, numbers as written (£12,337.00 stays 12337.00). The content hash is
 * the SHA-256 of these bytes, so anyone holding the published JSON can check it.
 */
final class CanonicalJson {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private CanonicalJson() {
    }

    static String of(ScrutinyReport report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a report's content", e);
        }
    }

    static ScrutinyReport read(String content) {
        try {
            return JSON.readValue(content, ScrutinyReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A published report's content does not read back", e);
        }
    }

    static String sha256(String canonical) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }
}
