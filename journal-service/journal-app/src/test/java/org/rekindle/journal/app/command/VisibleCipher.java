package org.rekindle.journal.app.command;

import java.util.HashSet;
import java.util.Set;

/**
 * A cipher for fixture tests whose sealed form is readable in expected events: {@code prefix + text}. With an empty
 * prefix the rule tests keep their plain expectations; {@link CryptoShreddingTest} uses a visible one to check that
 * every text goes through the cipher. The real cipher (Tink, keys in MongoDB) is tested in the erasure IT.
 */
public final class VisibleCipher implements TextCipher {

    private final String prefix;
    private final Set<String> erased = new HashSet<>();

    public VisibleCipher(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public String seal(String clientId, String text) {
        if (erased.contains(clientId)) {
            throw new org.rekindle.platform.command.ConflictingCommandException("sealing for an erased client"); // as the real one
        }
        return text == null ? null : prefix + text;
    }

    @Override
    public String open(String clientId, String sealed) {
        if (sealed == null) {
            return null;
        }
        return erased.contains(clientId) ? ERASED : sealed.substring(prefix.length());
    }

    @Override
    public void erase(String clientId) {
        erased.add(clientId);
    }

    /** Persons kept: {@code clientId/personId} → names (absent once erased). */
    private final java.util.Map<String, java.util.List<String>> persons = new java.util.HashMap<>();
    private final Set<String> erasedPersons = new HashSet<>();
    private final Set<String> rotations = new HashSet<>();

    @Override
    public void keepPerson(String clientId, String personId, java.util.List<String> names) {
        seal(clientId, "");
        if (erasedPersons.contains(clientId + "/" + personId)) {
            throw new org.rekindle.platform.command.ConflictingCommandException("sealing for an erased person");
        }
        persons.put(clientId + "/" + personId, java.util.List.copyOf(names));
    }

    @Override
    public String sealForPerson(String clientId, String personId, String text) {
        if (!persons.containsKey(clientId + "/" + personId)) {
            throw new org.rekindle.platform.command.ConflictingCommandException("no key for " + personId);
        }
        return text == null ? null : "person:" + personId + ":" + text;
    }

    @Override
    public String openForPerson(String clientId, String personId, String sealed) {
        return persons.containsKey(clientId + "/" + personId)
               ? sealed.substring(("person:" + personId + ":").length()) : PERSON_REMOVED;
    }

    @Override
    public void erasePerson(String clientId, String personId) {
        persons.remove(clientId + "/" + personId);
        erasedPersons.add(clientId + "/" + personId);
    }

    @Override
    public void rotate(String clientId) {
        rotations.add(clientId);
    }

    @Override
    public String reseal(String clientId, String sealed) {
        return sealed == null ? null : "resealed:" + sealed;
    }

    @Override
    public void retireOldKeys(String clientId) {
        rotations.remove(clientId);
    }

    java.util.List<String> namesOf(String clientId, String personId) {
        return persons.get(clientId + "/" + personId);
    }

    boolean isPersonErased(String clientId, String personId) {
        return erasedPersons.contains(clientId + "/" + personId);
    }

    boolean isErased(String clientId) {
        return erased.contains(clientId);
    }
}
