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

/** A month as YYYY-MM, the way data.police.uk and the feeds name months. Null is valid. */
@Documented
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Pattern(regexp = CalendarMonth.PATTERN)
public @interface CalendarMonth {

    /** For code that checks a month outside Bean Validation (file rows, cross-field rules). */
    String PATTERN = "\\d{4}-(0[1-9]|1[0-2])";

    String message() default "must be a month as YYYY-MM";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
