package org.rekindle.content.app.query;

/** Where a program is in its life: never published, published (possibly with a newer draft), or retired. */
public enum ProgramStatus {
    DRAFT, PUBLISHED, RETIRED
}
