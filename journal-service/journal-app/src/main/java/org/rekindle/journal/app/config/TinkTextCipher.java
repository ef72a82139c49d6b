package org.rekindle.journal.app.config;

import com.google.crypto.tink.aead.AeadConfig;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.rekindle.journal.app.command.TextCipher;
import org.rekindle.journal.app.command.persons.NameMatcher;
import org.rekindle.platform.command.ConflictingCommandException;

import java.security.GeneralSecurityException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * AES-256-GCM per client through Google Tink; each client's keyset lives in {@code journal_client_keys}, apart from
 * everything it protects. The client id is the associated data, so a sealed text only opens for its client.
 * Erasing replaces the keyset with a tombstone (never a new key for that client).
 * <p>
 * The same document keeps the client's marked persons ({@code persons.<personId>}: the names to find and the
 * person's own keyset, associated data {@code <clientId>/<personId>}); erasing a person leaves a tombstone there.
 * The document is read on every seal and open (one lookup by {@code _id}), so a person marked or erased, or a key
 * rotated, on another instance counts at once here too; only parsed keysets are cached, by their own text.
 */
class TinkTextCipher implements TextCipher {

    private static final String PREFIX = "enc:v1:";
    private static final String ERASED_JOURNAL = "This journal was erased at the client's request; nothing more can "
                                                 + "be written to it.";

    private final MongoCollection<Document> keys;
    private final Keysets keysets = new Keysets();

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
        Document key = usable(clientId);
        return sealInner(clientId, key, Placeholders.insert(Placeholders.clean(text), matcher(key),
                                                             (person, name) -> sealName(clientId, key, person, name)));
    }

    @Override
    public String open(String clientId, String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            return sealed;
        }
        Document key = keys.find(Filters.eq("_id", clientId)).first();
        if (key == null || Boolean.TRUE.equals(key.getBoolean("erased"))) {
            return ERASED;
        }
        String inner = Keysets.decrypt(keysets.aead(key.getString("keyset")), sealed.substring(PREFIX.length()),
                                       clientId);
        if (inner == null) {
            return RETIRED;
        }
        return Placeholders.resolve(inner, (person, name) -> openName(clientId, key, person, name));
    }

    @Override
    public void erase(String clientId) {
        keys.replaceOne(Filters.eq("_id", clientId), new Document("_id", clientId).append("erased", true)
                .append("erasedAt", new Date()), new ReplaceOptions().upsert(true));
    }

    @Override
    public void keepPerson(String clientId, String personId, List<String> names) {
        Document key = usable(clientId);
        Document person = persons(key).get(personId, Document.class);
        if (person != null && Boolean.TRUE.equals(person.getBoolean("erased"))) {
            throw new ConflictingCommandException("This person was erased at the client's request.");
        }
        String keyset = person != null ? person.getString("keyset") : keysets.generate();
        keys.updateOne(Filters.eq("_id", clientId), Updates.set("persons." + personId,
                new Document("names", List.copyOf(names)).append("keyset", keyset).append("erased", false)));
    }

    @Override
    public String sealForPerson(String clientId, String personId, String text) {
        if (text == null) {
            return null;
        }
        String keyset = personKeyset(usable(clientId), personId);
        if (keyset == null) {
            throw new ConflictingCommandException("This person was erased at the client's request.");
        }
        return PREFIX + Keysets.encrypt(keysets.aead(keyset), text, clientId + "/" + personId);
    }

    @Override
    public String openForPerson(String clientId, String personId, String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            return sealed;
        }
        Document key = keys.find(Filters.eq("_id", clientId)).first();
        String opened = key == null ? null : openName(clientId, key, personId, sealed.substring(PREFIX.length()));
        return opened == null ? PERSON_REMOVED : opened;
    }

    @Override
    public void erasePerson(String clientId, String personId) {
        // by _id alone (the embedded server scans for any other filter); on an erased client's tombstone it is moot
        keys.updateOne(Filters.eq("_id", clientId), Updates.set("persons." + personId,
                new Document("erased", true).append("erasedAt", new Date())));
    }

    @Override
    public void rotate(String clientId) {
        changeKeyset(clientId, keysets::withNewPrimary);
    }

    @Override
    public String reseal(String clientId, String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            return seal(clientId, sealed); // stored before sealing existed: sealed now
        }
        Document key = usable(clientId);
        return sealInner(clientId, key, Placeholders.insert(openInner(clientId, key, sealed), matcher(key),
                                                             (person, name) -> sealName(clientId, key, person, name)));
    }

    @Override
    public void retireOldKeys(String clientId) {
        changeKeyset(clientId, keysets::primaryOnly);
    }

    // ---- the client's layer

    private Document usable(String clientId) {
        Document key = keys.find(Filters.eq("_id", clientId)).first();
        if (key == null) {
            key = create(clientId);
        }
        if (key == null || Boolean.TRUE.equals(key.getBoolean("erased"))) {
            throw new ConflictingCommandException(ERASED_JOURNAL);
        }
        return key;
    }

    private String sealInner(String clientId, Document key, String inner) {
        return PREFIX + Keysets.encrypt(keysets.aead(key.getString("keyset")), inner, clientId);
    }

    private String openInner(String clientId, Document key, String sealed) {
        String inner = Keysets.decrypt(keysets.aead(key.getString("keyset")), sealed.substring(PREFIX.length()),
                                       clientId);
        if (inner == null) {
            throw new IllegalStateException("a sealed text of " + clientId + " does not open with their keys");
        }
        return inner;
    }

    /** Replaces the client's keyset by what {@code change} makes of it, unless another writer changed it first. */
    private void changeKeyset(String clientId, UnaryOperator<String> change) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Document key = usable(clientId);
            String keyset = key.getString("keyset");
            if (keys.updateOne(Filters.and(Filters.eq("_id", clientId), Filters.eq("keyset", keyset)),
                               Updates.set("keyset", change.apply(keyset))).getModifiedCount() == 1) {
                return;
            }
        }
        throw new IllegalStateException("the keyset of " + clientId + " kept changing under a rotation");
    }

    // ---- the persons' layer

    private static Document persons(Document key) {
        Document persons = key.get("persons", Document.class);
        return persons == null ? new Document() : persons;
    }

    private static NameMatcher matcher(Document key) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        persons(key).forEach((id, value) -> {
            Document person = (Document) value;
            if (!Boolean.TRUE.equals(person.getBoolean("erased"))) {
                names.put(id, person.getList("names", String.class));
            }
        });
        return new NameMatcher(names);
    }

    private static String personKeyset(Document key, String personId) {
        Document person = persons(key).get(personId, Document.class);
        return person == null || Boolean.TRUE.equals(person.getBoolean("erased")) ? null : person.getString("keyset");
    }

    private String sealName(String clientId, Document key, String personId, String name) {
        return Keysets.encrypt(keysets.aead(personKeyset(key, personId)), name, clientId + "/" + personId);
    }

    /** The name, or {@link #PERSON_REMOVED} once the person's key is gone. */
    private String openName(String clientId, Document key, String personId, String sealedName) {
        String keyset = personKeyset(key, personId);
        String name = keyset == null ? null : Keysets.decrypt(keysets.aead(keyset), sealedName,
                                                              clientId + "/" + personId);
        return name == null ? PERSON_REMOVED : name;
    }

    /** A new key, unless another writer made one first (then theirs) or the client was erased (then none). */
    private Document create(String clientId) {
        try {
            Document key = new Document("_id", clientId).append("keyset", keysets.generate()).append("erased", false)
                                                        .append("createdAt", new Date());
            keys.insertOne(key);
            return key;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return keys.find(Filters.eq("_id", clientId)).first();
            }
            throw e;
        }
    }
}
