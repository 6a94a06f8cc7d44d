package org.saferpartnerships.partnership.common;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The API (and event) name of an enum constant: its {@link JsonProperty} value. */
public final class Slugs {

    private Slugs() {
    }

    public static String of(Enum<?> value) {
        if (value == null) {
            return null;
        }
        try {
            JsonProperty property = value.getDeclaringClass().getField(value.name()).getAnnotation(JsonProperty.class);
            return property != null ? property.value() : value.name().toLowerCase(Locale.ROOT);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
