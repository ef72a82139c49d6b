package org.rekindle.journal.app.command;

import java.util.List;

/**
 * Seals journal text with the client's own data key before it is stored anywhere (event store, snapshots, read
 * models). Erasing the client deletes the key: every sealed text of theirs becomes unreadable at once, wherever it
 * is, while the events themselves stay. An erased client never gets a new key.
 * <p>
 * <b>Marked persons.</b> A client may mark a person named in their texts (the ex, a friend): the person gets a key
 * of their own, kept beside the client's. From then on every text sealed for the client carries each of the
 * person's names as a placeholder holding the name sealed with the person's key, so the client's key alone no
 * longer opens it. Erasing the person deletes their key: the name reads as {@link #PERSON_REMOVED}, the rest of the
 * text stays readable. Texts sealed before the marking are brought under it by re-sealing ({@link #rotate},
 * {@link #reseal}, {@link #retireOldKeys}).
 */
public interface TextCipher {

    /** What an erased client's text reads as. */
    String ERASED = "[erased at the client's request]";

    /** What an erased person's name (or label) reads as, wherever the client wrote it. */
    String PERSON_REMOVED = "[a person removed at the client's request]";

    /**
     * What a text reads as when no key of the client opens it any more: a stored form the re-seal superseded and whose
     * key it deleted (a read model being rebuilt shows it until it reaches the re-sealed form).
     */
    String RETIRED = "[sealed with a retired key]";

    /** The sealed form of the text (null stays null); refused once the client is erased. */
    String seal(String clientId, String text);

    /** The text again, or {@link #ERASED} when the client's key is gone; text stored before sealing reads as is. */
    String open(String clientId, String sealed);

    void erase(String clientId);

    /**
     * Keeps a person's key (made on first use) and the names to find for them in the client's texts from now on
     * (replacing the names kept before). Refused once the client or the person is erased.
     */
    void keepPerson(String clientId, String personId, List<String> names);

    /** Seals a text (a person's label or name) with the person's own key only. */
    String sealForPerson(String clientId, String personId, String text);

    /** A text sealed with {@link #sealForPerson}, or {@link #PERSON_REMOVED} once the person (or client) is erased. */
    String openForPerson(String clientId, String personId, String sealed);

    /** Deletes the person's key and names: every placeholder of theirs reads {@link #PERSON_REMOVED} from now on. */
    void erasePerson(String clientId, String personId);

    /** Starts a re-seal: a new client key becomes the one that seals; the old ones still open (until retired). */
    void rotate(String clientId);

    /**
     * A sealed text sealed again with the client's newest key, every marked person's name in it as a placeholder
     * (placeholders already in it stay as they are).
     */
    String reseal(String clientId, String sealed);

    /** Ends a re-seal: every client key but the newest is deleted, so what only they sealed opens no more. */
    void retireOldKeys(String clientId);
}
