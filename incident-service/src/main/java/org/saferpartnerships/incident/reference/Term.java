package org.saferpartnerships.incident.reference;

import java.util.Arrays;
import java.util.Optional;

/** A controlled term: the slug the API and events carry, and the name people read. */
public interface Term {

    String slug();

    String displayName();

    static <T extends Enum<T> & Term> Optional<T> ofSlug(Class<T> vocabulary, String slug) {
        return Arrays.stream(vocabulary.getEnumConstants()).filter(t -> t.slug().equals(slug)).findFirst();
    }

    static <T extends Enum<T> & Term> Optional<T> ofDisplayName(Class<T> vocabulary, String name) {
        return Arrays.stream(vocabulary.getEnumConstants()).filter(t -> t.displayName().equals(name)).findFirst();
    }
}
