package org.rekindle.plan.app.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.rekindle.plan.app.command.PlanZone;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An IANA time zone name (Europe/Lisbon), checked with the request's other fields so a coach hears of every invalid
 * field in one answer ({@link PlanZone}'s rule, which the plan's command handler applies to every caller).
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IanaZone.Check.class)
@interface IanaZone {

    String message() default PlanZone.RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Null is left to {@code @NotBlank}. */
    class Check implements ConstraintValidator<IanaZone, String> {
        @Override
        public boolean isValid(String zone, ConstraintValidatorContext context) {
            return zone == null || zone.isBlank() || PlanZone.isZone(zone);
        }
    }
}
