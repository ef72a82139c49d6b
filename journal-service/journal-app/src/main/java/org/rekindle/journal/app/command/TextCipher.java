package org.rekindle.journal.app.command;

/**
 * Seals journal text with the client's own data key before it is stored anywhere (event store, snapshots, read
 * models). Erasing the client deletes the key: every sealed text of theirs becomes unreadable at once, wherever it
 * is, while the events themselves stay. An erased client never gets a new key.
 */
public interface TextCipher {

    /** What an erased client's text reads as. */
    String ERASED = "[erased at the client's request]";

    /** The sealed form of the text (null stays null); refused once the client is erased. */
    String seal(String clientId, String text);

    /** The text again, or {@link #ERASED} when the client's key is gone; text stored before sealing reads as is. */
    String open(String clientId, String sealed);

    void erase(String clientId);
}
