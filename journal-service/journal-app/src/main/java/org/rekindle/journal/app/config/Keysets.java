package org.rekindle.journal.app.config;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tink keysets as the key documents store them (JSON): made, parsed (the primitive cached by the keyset's own text,
 * so a rotated or deleted keyset is never served from the cache), rotated and trimmed to the newest key.
 */
final class Keysets {

    private final Map<String, Aead> parsed = new ConcurrentHashMap<>();

    String generate() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a key", e);
        }
    }

    Aead aead(String keyset) {
        if (parsed.size() > 10_000) {
            parsed.clear(); // a bound, not a policy: parsing again is cheap
        }
        return parsed.computeIfAbsent(keyset, json -> {
            try {
                return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get())
                                                .getPrimitive(RegistryConfiguration.get(), Aead.class);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("unreadable keyset", e);
            }
        });
    }

    /** The keyset with a new key that seals from now on; the keys it had still open what they sealed. */
    String withNewPrimary(String keyset) {
        try {
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get());
            KeysetHandle rotated = KeysetHandle.newBuilder(handle)
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                                          .withRandomId().makePrimary()).build();
            return TinkJsonProtoKeysetFormat.serializeKeyset(rotated, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot rotate a keyset", e);
        }
    }

    /** The keyset with its primary key only: what the other keys sealed opens no more. */
    String primaryOnly(String keyset) {
        try {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(
                    TinkJsonProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get()));
            for (int i = builder.size() - 1; i >= 0; i--) {
                if (!builder.getAt(i).isPrimary()) {
                    builder.deleteAt(i);
                }
            }
            return TinkJsonProtoKeysetFormat.serializeKeyset(builder.build(), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot retire old keys", e);
        }
    }

    static String encrypt(Aead aead, String text, String associated) {
        try {
            return Base64.getEncoder().encodeToString(aead.encrypt(text.getBytes(StandardCharsets.UTF_8),
                                                                   associated.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a text", e);
        }
    }

    /** The text, or null when no key of the keyset opens it (it was sealed with a deleted key). */
    static String decrypt(Aead aead, String sealed, String associated) {
        try {
            return new String(aead.decrypt(Base64.getDecoder().decode(sealed),
                                           associated.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
