package org.saferpartnerships.platform.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a resource's requests are about, for their audit entries: the kind of record, the path
 * parameter naming the record, and an action where the HTTP method does not say it (a withdrawal,
 * a redrive). Every request is audited without it too (caller, path, outcome); this adds what and
 * which, including for requests refused before the resource ran. On a method it overrides the
 * class's for what it sets.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {

    /** The kind of record, as the audit log names it: {@code incident}, {@code domestic-homicide-review}. */
    String value() default "";

    /** The path parameter holding the record's id, when the path names one. */
    String id() default "";

    /**
     * What is done, when the method does not say it: by default {@code read} (GET naming a record),
     * {@code list} (other GETs), {@code create} (POST), {@code update} (PUT, PATCH), {@code delete}.
     */
    String action() default "";
}
