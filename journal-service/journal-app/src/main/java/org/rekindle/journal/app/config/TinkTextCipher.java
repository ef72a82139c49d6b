package org.rekindle.journal.app.config;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.rekindle.journal.app.command.TextCipher;
import org.rekindle.platform.command.ConflictingCommandException;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AES-256-GCM per client through Google Tink; each client's keyset lives in {@code journal_client_keys}, apart from
 * everything it protects. The client id is the associated data, so a sealed text only opens for its client.
 * Erasing replaces the keyset with a tombstone (never a new key for that client).
 */
class TinkTextCipher implements TextCipher {

    private static final String PREFIX = "enc:v1:";

    private final MongoCollection<Document> keys;
    private final Map<String, Aead> cache = new ConcurrentHashMap<>();

    TinkTextCipher(MongoCollection<Document> keys) {
        this.keys = keys;
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink AEAD is not available", e);
        }
    }

    @Override
    public String seal(String clientId, String text) {
        if (text == null) {
            return null;
        }
        Aead aead = aead(clientId, true).orElseThrow(() -> new ConflictingCommandException(
                "This journal was erased at the client's request; nothing more can be written to it."));
        try {
            byte[] sealed = aead.encrypt(text.getBytes(StandardCharsets.UTF_8), associated(clientId));
            return PREFIX + Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal text of " + clientId, e);
        }
    }

    @Override
    public String open(String clientId, String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            return sealed;
        }
        Optional<Aead> aead = aead(clientId, false);
        if (aead.isEmpty()) {
            return ERASED;
        }
        try {
            byte[] text = aead.get().decrypt(Base64.getDecoder().decode(sealed.substring(PREFIX.length())),
                                             associated(clientId));
            return new String(text, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a sealed text of " + clientId + " does not open with their key", e);
        }
    }

    @Override
    public void erase(String clientId) {
        keys.replaceOne(Filters.eq("_id", clientId), new Document("_id", clientId).append("erased", true)
                .append("erasedAt", new Date()), new ReplaceOptions().upsert(true));
        cache.remove(clientId);
    }

    private Optional<Aead> aead(String clientId, boolean createIfMissing) {
        Aead cached = cache.get(clientId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Document key = keys.find(Filters.eq("_id", clientId)).first();
        if (key == null && createIfMissing) {
            key = create(clientId);
        }
        if (key == null || Boolean.TRUE.equals(key.getBoolean("erased"))) {
            return Optional.empty();
        }
        try {
            Aead aead = TinkJsonProtoKeysetFormat.parseKeyset(key.getString("keyset"), InsecureSecretKeyAccess.get())
                                                 .getPrimitive(RegistryConfiguration.get(), Aead.class);
            cache.put(clientId, aead);
            return Optional.of(aead);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unreadable key of " + clientId, e);
        }
    }

    /** A new key, unless another writer made one first (then theirs) or the client was erased (then none). */
    private Document create(String clientId) {
        try {
            String keyset = TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
            Document key = new Document("_id", clientId).append("keyset", keyset).append("erased", false)
                                                        .append("createdAt", new Date());
            keys.insertOne(key);
            return key;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return keys.find(Filters.eq("_id", clientId)).first();
            }
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a key for " + clientId, e);
        }
    }

    private static byte[] associated(String clientId) {
        return clientId.getBytes(StandardCharsets.UTF_8);
    }
}
