package org.rekindle.journal.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.rekindle.journal.app.command.api.ChangeConsent;
import org.rekindle.journal.app.command.api.CoachView;
import org.rekindle.journal.app.query.ConsentQueries;
import org.rekindle.journal.app.query.ConsentQueries.ConsentView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

@RestController
@Tag(name = "Consent", description = "What the client lets their coach see, besides the entries they share")
class ConsentController {

    private static final String PATH = "/api/clients/{clientId}/consent";

    private final JournalWrites commands;
    private final ConsentQueries consent;
    private final RequestTime time;

    ConsentController(JournalWrites commands, ConsentQueries consent, RequestTime time) {
        this.commands = commands;
        this.consent = consent;
        this.time = time;
    }

    @GetMapping(path = PATH, produces = "application/json")
    @Operation(summary = "What the coach may see now (the default until the client chooses)")
    @PreAuthorize("@journalAccess.mayReadShared(#clientId)")
    ConsentView get(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId) {
        return consent.of(clientId);
    }

    @PutMapping(path = PATH, consumes = "application/json", produces = "application/json")
    @Operation(summary = "Choose what the coach may see from now on (the whole choice; takes effect at once)")
    @PreAuthorize("@journalAccess.mayWrite(#clientId)")
    ConsentView change(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
                       @Valid @RequestBody JournalRequests.Consent body) {
        Instant at = time.now();
        Set<CoachView> chosen = body.coachSees().isEmpty()
                ? EnumSet.noneOf(CoachView.class) : EnumSet.copyOf(body.coachSees());
        commands.send(new ChangeConsent(clientId, chosen, at));
        return new ConsentView(clientId, chosen, false, at);
    }
}
