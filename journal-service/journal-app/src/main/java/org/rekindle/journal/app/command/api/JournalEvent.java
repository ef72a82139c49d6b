package org.rekindle.journal.app.command.api;

/** A domain event of one client's journal. Domain events stay inside journal-service. */
public interface JournalEvent {

    String clientId();
}
