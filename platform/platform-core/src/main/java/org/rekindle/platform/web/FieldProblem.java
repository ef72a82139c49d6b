package org.rekindle.platform.web;

/** One invalid field of a request: its JSON path and why it was refused. */
public record FieldProblem(String field, String reason) {
}
