package org.rekindle.notification.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.rekindle.notification.app.rules.Channel;
import org.rekindle.notification.app.rules.Preferences;
import org.springframework.stereotype.Component;

import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Each recipient's notification preferences; a recipient who set none gets the defaults (and no email). */
@Component
public class PreferencesStore {

    private final MongoCollection<Document> preferences;

    PreferencesStore(NotificationCollections collections) {
        this.preferences = collections.preferences();
    }

    public Preferences of(String userId) {
        return find(userId).orElseGet(() -> Preferences.defaults(userId));
    }

    public Optional<Preferences> find(String userId) {
        return Optional.ofNullable(preferences.find(Filters.eq("_id", userId)).first()).map(doc -> {
            Set<Channel> optedOut = doc.getList("optedOut", String.class, List.of()).stream().map(Channel::valueOf)
                                       .collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class)));
            return new Preferences(userId, doc.getString("email"), doc.getString("timezone"),
                                   LocalTime.parse(doc.getString("checkInAt")), LocalTime.parse(doc.getString("quietFrom")),
                                   LocalTime.parse(doc.getString("quietUntil")), optedOut);
        });
    }

    public void save(Preferences p) {
        preferences.replaceOne(Filters.eq("_id", p.userId()), new Document("_id", p.userId())
                .append("email", p.email()).append("timezone", p.timezone())
                .append("checkInAt", p.checkInAt().toString()).append("quietFrom", p.quietFrom().toString())
                .append("quietUntil", p.quietUntil().toString())
                .append("optedOut", p.optedOut().stream().map(Enum::name).sorted().toList()),
                new ReplaceOptions().upsert(true));
    }
}
