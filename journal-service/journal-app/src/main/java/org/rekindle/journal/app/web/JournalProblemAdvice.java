package org.rekindle.journal.app.web;

import org.rekindle.journal.app.command.InvalidJournalCommandException;
import org.rekindle.journal.app.command.JournalConflictException;
import org.rekindle.journal.app.command.JournalEntityNotFoundException;
import org.rekindle.platform.web.FieldProblem;
import org.rekindle.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/** The journal's rule violations as problem+json: 400 for bad values, 404 for unknown things, 409 for conflicts. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class JournalProblemAdvice {

    @ExceptionHandler(InvalidJournalCommandException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidJournalCommandException ex) {
        return Problems.respond(Problems.invalid(List.of(new FieldProblem(ex.field(), ex.reason()))));
    }

    @ExceptionHandler(JournalEntityNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(JournalEntityNotFoundException ex) {
        return Problems.respond(Problems.problem(HttpStatus.NOT_FOUND, ex.getMessage()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
        return Problems.respond(Problems.problem(HttpStatus.NOT_FOUND, ex.getMessage()));
    }

    @ExceptionHandler(JournalConflictException.class)
    ResponseEntity<ProblemDetail> conflict(JournalConflictException ex) {
        return Problems.respond(Problems.problem(HttpStatus.CONFLICT, ex.getMessage()));
    }
}
