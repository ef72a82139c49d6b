package org.rekindle.journal.app.command;

import java.util.HashSet;
import java.util.Set;

/**
 * A cipher for fixture tests whose sealed form is readable in expected events: {@code prefix + text}. With an empty
 * prefix the rule tests keep their plain expectations; {@link CryptoShreddingTest} uses a visible one to check that
 * every text goes through the cipher. The real cipher (Tink, keys in MongoDB) is tested in the erasure IT.
 */
final class VisibleCipher implements TextCipher {

    private final String prefix;
    private final Set<String> erased = new HashSet<>();

    VisibleCipher(String prefix) {
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

    boolean isErased(String clientId) {
        return erased.contains(clientId);
    }
}
