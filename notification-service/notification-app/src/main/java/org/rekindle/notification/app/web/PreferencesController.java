package org.rekindle.notification.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.rekindle.notification.app.query.PreferencesStore;
import org.rekindle.notification.app.rules.Channel;
import org.rekindle.notification.app.rules.Preferences;
import org.rekindle.platform.command.InvalidCommandException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

@RestController
@RequestMapping(path = "/api/preferences/{userId}", produces = "application/json")
@Tag(name = "Preferences", description = "When and how a user is reached: email, time zone, check-in time, "
                                         + "quiet hours, opt-outs per channel")
class PreferencesController {

    record Choices(@Email @Size(max = 254) String email, @Size(max = 64) String timezone, LocalTime checkInAt,
                   LocalTime quietFrom, LocalTime quietUntil, Set<Channel> optedOut) {
    }

    private final PreferencesStore preferences;

    PreferencesController(PreferencesStore preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    @Operation(summary = "The user's preferences (the defaults if they set none)")
    @PreAuthorize("@notificationAccess.isSelf(#userId)")
    Preferences get(@PathVariable @Pattern(regexp = FeedController.ID) String userId) {
        return preferences.of(userId);
    }

    @PutMapping(consumes = "application/json")
    @Operation(summary = "Replace the user's preferences; omitted times take the defaults")
    @PreAuthorize("@notificationAccess.isSelf(#userId)")
    Preferences put(@PathVariable @Pattern(regexp = FeedController.ID) String userId,
                    @Valid @RequestBody Choices body) {
        if (body.timezone() != null) {
            try {
                ZoneId.of(body.timezone());
            } catch (DateTimeException e) {
                throw new InvalidCommandException("timezone", "must be an IANA time zone such as Europe/Lisbon");
            }
        }
        Preferences chosen = new Preferences(userId, body.email(), body.timezone(),
                or(body.checkInAt(), Preferences.DEFAULT_CHECK_IN), or(body.quietFrom(), Preferences.DEFAULT_QUIET_FROM),
                or(body.quietUntil(), Preferences.DEFAULT_QUIET_UNTIL),
                body.optedOut() == null || body.optedOut().isEmpty() ? EnumSet.noneOf(Channel.class)
                                                                     : EnumSet.copyOf(body.optedOut()));
        preferences.save(chosen);
        return chosen;
    }

    private static LocalTime or(LocalTime value, LocalTime fallback) {
        return value != null ? value : fallback;
    }
}
