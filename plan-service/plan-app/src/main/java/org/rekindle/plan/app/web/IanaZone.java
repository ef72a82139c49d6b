package org.rekindle.plan.app.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * An IANA time zone name (Europe/Lisbon), checked with the request's other fields so a coach hears of every invalid
 * field in one answer; the plan's command handler checks it again for callers that bypass the API.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IanaZone.Check.class)
@interface IanaZone {

    String message() default "must be an IANA time zone such as Europe/Lisbon";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Null is left to {@code @NotBlank}. */
    class Check implements ConstraintValidator<IanaZone, String> {
        @Override
        public boolean isValid(String zone, ConstraintValidatorContext context) {
            if (zone == null || zone.isBlank()) {
                return true;
            }
            try {
                ZoneId.of(zone);
                return true;
            } catch (DateTimeException e) {
                return false;
            }
        }
    }
}
