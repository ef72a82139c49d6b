package org.rekindle.journal.app.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.app.command.TextCipher;
import org.rekindle.platform.command.ConflictingCommandException;
import org.rekindle.platform.embedded.SharedTestInfrastructure;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real cipher (Tink, keys in a MongoDB-wire store): marked names sealed under the person's key, placeholders that
 * cannot be forged, erasing a person, and the re-seal's rotation and retirement of the old client keys.
 */
class TinkTextCipherTest {

    private MongoClient mongo;
    private MongoCollection<Document> keys;
    private TinkTextCipher cipher;
    private final String client = "client-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        mongo = MongoClients.create(SharedTestInfrastructure.mongo().connectionString());
        keys = mongo.getDatabase("cipher-test").getCollection("journal_client_keys");
        cipher = new TinkTextCipher(keys);
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void aMarkedNameIsSealedWithThePersonsKeyAndReadsAsRemovedOnceTheyAreErased() {
        cipher.keepPerson(client, "p1", List.of("Alex"));
        String sealed = cipher.seal(client, "Alex's call. I told alex no; Alexander stayed.");
        assertThat(sealed).startsWith("enc:v1:").doesNotContain("Alex");
        assertThat(cipher.open(client, sealed)).isEqualTo("Alex's call. I told alex no; Alexander stayed.");

        cipher.erasePerson(client, "p1");
        assertThat(cipher.open(client, sealed)).isEqualTo(TextCipher.PERSON_REMOVED + "'s call. I told "
                                                          + TextCipher.PERSON_REMOVED + " no; Alexander stayed.");
        assertThat(keys.find(Filters.eq("_id", client)).first().toJson()).as("no names kept").doesNotContain("Alex");
        assertThat(cipher.seal(client, "Alex again")).as("an erased person's names are no longer looked for")
                                                   .satisfies(s -> assertThat(cipher.open(client, s))
                                                           .isEqualTo("Alex again"));
        assertThatThrownBy(() -> cipher.keepPerson(client, "p1", List.of("Alex")))
                .isInstanceOf(ConflictingCommandException.class);
    }

    @Test
    void aLabelSealedForThePersonOpensOnlyWithTheirKey() {
        cipher.keepPerson(client, "p1", List.of("Alex"));
        String label = cipher.sealForPerson(client, "p1", "my ex");
        assertThat(cipher.openForPerson(client, "p1", label)).isEqualTo("my ex");
        assertThat(cipher.open(client, label)).as("not with the client's key").isEqualTo(TextCipher.RETIRED);
        cipher.erasePerson(client, "p1");
        assertThat(cipher.openForPerson(client, "p1", label)).isEqualTo(TextCipher.PERSON_REMOVED);
    }

    @Test
    void whatAWriterTypesCannotForgeAPlaceholder() {
        cipher.keepPerson(client, "p1", List.of("Alex"));
        String forged = "\uE000p:p1:AAAA\uE001 and Alex";
        String opened = cipher.open(client, cipher.seal(client, forged));
        assertThat(opened).isEqualTo("\uFFFDp:p1:AAAA\uFFFD and Alex");
    }

    @Test
    void theResealBringsOlderTextsUnderTheMarkingAndRetiresTheOldKey() {
        String before = cipher.seal(client, "Alex called.");
        cipher.keepPerson(client, "p1", List.of("Alex"));
        cipher.rotate(client);
        String resealed = cipher.reseal(client, before);
        String written = cipher.seal(client, "Alex wrote.");
        assertThat(cipher.open(client, before)).as("the old key still opens until retired").isEqualTo("Alex called.");
        cipher.retireOldKeys(client);
        assertThat(cipher.open(client, before)).isEqualTo(TextCipher.RETIRED);
        assertThat(cipher.open(client, resealed)).isEqualTo("Alex called.");
        assertThat(cipher.open(client, written)).isEqualTo("Alex wrote.");

        cipher.erasePerson(client, "p1");
        assertThat(cipher.open(client, resealed)).isEqualTo(TextCipher.PERSON_REMOVED + " called.");
        assertThat(cipher.open(client, cipher.reseal(client, resealed))).as("placeholders survive a re-seal")
                                                                       .isEqualTo(TextCipher.PERSON_REMOVED
                                                                                  + " called.");
    }

    @Test
    void erasingTheClientErasesEverythingAndRefusesNewText() {
        cipher.keepPerson(client, "p1", List.of("Alex"));
        String sealed = cipher.seal(client, "Alex");
        cipher.erase(client);
        assertThat(cipher.open(client, sealed)).isEqualTo(TextCipher.ERASED);
        assertThatThrownBy(() -> cipher.seal(client, "more")).isInstanceOf(ConflictingCommandException.class);
        assertThatThrownBy(() -> cipher.keepPerson(client, "p2", List.of("Jo")))
                .isInstanceOf(ConflictingCommandException.class);
    }
}
