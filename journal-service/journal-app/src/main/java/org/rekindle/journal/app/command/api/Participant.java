package org.rekindle.journal.app.command.api;

/** Which side of a conversation someone is on: the client, or the client's coach. */
public enum Participant {
    CLIENT, COACH
}
