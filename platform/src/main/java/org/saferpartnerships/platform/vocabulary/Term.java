package org.saferpartnerships.platform.vocabulary;

import java.util.Arrays;
import java.util.Optional;

/**
 * A controlled term, implemented by the enums of every service's vocabularies: the slug the API
 * and the events carry (e.g. {@code anti-social-behaviour}), and the name people read. An enum
 * that implements it marks {@link #slug()} {@code @JsonValue}, so Jackson writes and reads the slug.
 */
public interface Term {

    String slug();

    String displayName();

    /** The slug of a term that may be absent. */
    static String slugOf(Term term) {
        return term == null ? null : term.slug();
    }

    static <T extends Enum<T> & Term> Optional<T> ofSlug(Class<T> vocabulary, String slug) {
        return Arrays.stream(vocabulary.getEnumConstants()).filter(t -> t.slug().equals(slug)).findFirst();
    }

    static <T extends Enum<T> & Term> Optional<T> ofDisplayName(Class<T> vocabulary, String name) {
        return Arrays.stream(vocabulary.getEnumConstants()).filter(t -> t.displayName().equals(name)).findFirst();
    }
}
