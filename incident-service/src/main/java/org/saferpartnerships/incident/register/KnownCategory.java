package org.saferpartnerships.incident.register;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.saferpartnerships.platform.events.incident.IncidentCategory;

/** A data.police.uk category slug. Null is valid (combine with NotNull). */
@Documented
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Constraint(validatedBy = KnownCategory.Validator.class)
public @interface KnownCategory {

    String message() default "must be a data.police.uk category slug such as anti-social-behaviour or violent-crime";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownCategory, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || IncidentCategory.ofSlug(value).isPresent();
        }
    }
}
