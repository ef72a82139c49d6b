package org.rekindle.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.rekindle.platform.command.ConflictingCommandException;
import org.rekindle.platform.command.InvalidCommandException;
import org.rekindle.platform.command.UnknownEntityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every way a request can be wrong into RFC 9457 problem+json that names the field and the reason.
 * Commands refused by a domain (400/404/409) come as the platform's command exceptions; what reaches the last
 * handler here is a bug of ours, answered with a 500 that reveals nothing and is logged.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException ex,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                                      .map(e -> new FieldProblem(e.getField(), reasonOf(e)))
                                      .toList();
        return problem(Problems.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            @NonNull HandlerMethodValidationException ex, @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(ProblemDetailsAdvice::fieldProblems)
                .toList();
        return problem(Problems.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(@NonNull TypeMismatchException ex,
                                                        @NonNull HttpHeaders headers, @NonNull HttpStatusCode status,
                                                        @NonNull WebRequest request) {
        String field = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
        String expected = ex.getRequiredType() != null ? ex.getRequiredType().getSimpleName() : "another type";
        return problem(Problems.invalid(List.of(new FieldProblem(field, "must be a valid " + expected))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException ex,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        if (causedBy(ex, RequestTooLargeException.class)) {
            return problem(Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, ex.getMostSpecificCause().getMessage()));
        }
        Throwable cause = ex.getCause();
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return problem(Problems.invalid(List.of(new FieldProblem(pathOf(mapping), reasonOf(mapping)))));
        }
        if (cause instanceof JsonProcessingException) {
            return problem(Problems.problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON."));
        }
        return problem(Problems.problem(HttpStatus.BAD_REQUEST, "The request body is missing or unreadable."));
    }

    @ExceptionHandler(InvalidCommandException.class)
    ResponseEntity<ProblemDetail> onInvalidCommand(InvalidCommandException ex) {
        return Problems.respond(Problems.invalid(List.of(new FieldProblem(ex.field(), ex.reason()))));
    }

    @ExceptionHandler(UnknownEntityException.class)
    ResponseEntity<ProblemDetail> onUnknown(UnknownEntityException ex) {
        return Problems.respond(Problems.problem(HttpStatus.NOT_FOUND, ex.getMessage()));
    }

    @ExceptionHandler(ConflictingCommandException.class)
    ResponseEntity<ProblemDetail> onConflict(ConflictingCommandException ex) {
        return Problems.respond(Problems.problem(HttpStatus.CONFLICT, ex.getMessage()));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> onUnknownAggregate(AggregateNotFoundException ex) {
        return Problems.respond(Problems.problem(HttpStatus.NOT_FOUND,
                                                 "No record with id '" + ex.getAggregateIdentifier() + "'."));
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> onDuplicateAggregate(AggregateStreamCreationException ex) {
        return Problems.respond(Problems.problem(HttpStatus.CONFLICT, "A record with this id exists already."));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> onConcurrentChange(ConcurrencyException ex) {
        return Problems.respond(Problems.problem(HttpStatus.CONFLICT,
                "Another change to the same record happened at the same moment. Reload and try again."));
    }

    /** Method security said no: the caller may not touch this object (OWASP API1), or not in this role. */
    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<ProblemDetail> onDenied(org.springframework.security.access.AccessDeniedException ex) {
        return Problems.respond(Problems.problem(HttpStatus.FORBIDDEN, "You may not do this."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> onUnexpected(Exception ex) {
        if (storeUnreachable(ex)) {
            log.warn("The store could not be reached while handling a request: {}", ex.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                                 .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                                 .header(org.springframework.http.HttpHeaders.RETRY_AFTER, "5")
                                 .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE,
                                                        "Our store is briefly unavailable; please try again in a moment."));
        }
        log.error("Unexpected error while handling a request", ex);
        return Problems.respond(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Nothing you sent was lost; please try again."));
    }

    /** A request body's errors name its fields; a path or query parameter's errors name the parameter. */
    private static java.util.stream.Stream<FieldProblem> fieldProblems(ParameterValidationResult result) {
        if (result instanceof ParameterErrors body) {
            return body.getFieldErrors().stream().map(e -> new FieldProblem(e.getField(), reasonOf(e)));
        }
        return result.getResolvableErrors().stream().map(error -> new FieldProblem(
                result.getMethodParameter().getParameterName(), error.getDefaultMessage()));
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                             .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                             .body(problem);
    }

    private static String reasonOf(FieldError error) {
        return error.getDefaultMessage() != null ? error.getDefaultMessage() : "is invalid";
    }

    private static String pathOf(JsonMappingException ex) {
        return ex.getPath().stream()
                 .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                 .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String reasonOf(JsonMappingException ex) {
        if (ex instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (ex instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                return "must be one of " + java.util.Arrays.toString(target.getEnumConstants());
            }
            return "must be a valid " + (target != null ? target.getSimpleName() : "value");
        }
        if (ex instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be a " + mismatched.getTargetType().getSimpleName() + ", not an object or array";
        }
        return "is invalid";
    }

    /**
     * The database could not be reached or went away mid-request: SQLState class 08 "connection exception", 57P
     * "operator intervention" (a server shutting down), no pooled connection within the timeout, or an SQLException
     * with no SQLState at all, which the server never answered (the pool's "Connection is closed" after it evicted a
     * broken connection). A duplicate key, the one SQL error a request can cause, is a 409 before it gets here. Whether
     * a commit that was cut off took effect is unknown, so the answer promises nothing about it.
     */
    private static boolean storeUnreachable(Throwable ex) {
        return causedBy(ex, t -> t instanceof java.sql.SQLTransientConnectionException
                                 || brokenConnectionInDriverBatch(t)
                                 || t instanceof java.sql.SQLException sql && (sql.getSQLState() == null
                                                                              || sql.getSQLState().startsWith("08")
                                                                              || sql.getSQLState().startsWith("57P")));
    }

    /**
     * The PostgreSQL driver asserts, while finishing a batch, that asking its connection for the auto-commit mode does
     * not throw (BatchResultHandler.isAutoCommit); on a connection the server dropped mid-batch it does, and the
     * assertion error carries no cause.
     */
    private static boolean brokenConnectionInDriverBatch(Throwable t) {
        return t instanceof AssertionError && t.getStackTrace().length > 0
               && t.getStackTrace()[0].getClassName().startsWith("org.postgresql.");
    }

    private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        return causedBy(ex, type::isInstance);
    }

    private static boolean causedBy(Throwable ex, java.util.function.Predicate<Throwable> matches) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (matches.test(t)) {
                return true;
            }
        }
        return false;
    }
}
