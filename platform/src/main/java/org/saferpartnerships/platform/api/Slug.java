package org.saferpartnerships.platform.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An id that people read and type: lower-case words joined by hyphens, e.g. {@code safer-colchester}
 * or {@code essex-police}. Partnerships and agencies are identified this way. Null is valid.
 */
@Documented
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*")
@Size(min = 2, max = 80)
public @interface Slug {

    String message() default "must be 2-80 lower-case letters, digits and single hyphens, e.g. safer-colchester";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
