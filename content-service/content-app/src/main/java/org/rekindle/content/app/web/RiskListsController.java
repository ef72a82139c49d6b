package org.rekindle.content.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.rekindle.content.app.command.api.ReviseRiskList;
import org.rekindle.content.app.command.api.RiskPhraseEntry;
import org.rekindle.content.app.query.RiskListQueries;
import org.rekindle.content.app.query.RiskListQueries.RiskListView;
import org.rekindle.platform.command.UnknownEntityException;
import org.rekindle.platform.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The practice's risk-language lists, one per language: journal-service screens every text a client writes with the
 * newest version (published as {@code RiskListRevised}). Coaches and practice admins read and revise them.
 */
@RestController
@RequestMapping(path = "/api/risk-lists", produces = "application/json")
@Tag(name = "Risk-language lists", description = "The phrases that raise a safety alert when a client writes them")
class RiskListsController {

    /** The whole new list. */
    record RiskListBody(List<RiskPhraseEntry> phrases) {
    }

    private final CommandGateway commands;
    private final RiskListQueries lists;
    private final Clock clock;

    RiskListsController(CommandGateway commands, RiskListQueries lists, Clock clock) {
        this.commands = commands;
        this.lists = lists;
        this.clock = clock;
    }

    @GetMapping("/{language}")
    @Operation(summary = "A language's current list: version, phrases, who revised it last and when")
    @PreAuthorize("@contentAccess.mayEditRiskLists()")
    RiskListView list(@PathVariable String language) {
        return lists.of(language).orElseThrow(() -> new UnknownEntityException("risk list", language));
    }

    @PutMapping(path = "/{language}", consumes = "application/json")
    @Operation(summary = "Replace a language's list with the whole list given; 400 names the phrase and why")
    @PreAuthorize("@contentAccess.mayEditRiskLists()")
    Map<String, Object> revise(@PathVariable String language, @RequestBody RiskListBody body) {
        String revisedBy = CurrentUser.get().map(CurrentUser::id).orElseThrow();
        int version = commands.sendAndWait(new ReviseRiskList(ReviseRiskList.listIdOf(language), language,
                                                              body.phrases(), revisedBy, clock.instant()));
        awaitReadable(language, version);
        return Map.of("language", language, "version", version);
    }

    /** A read right after the answer shows the new version (the read model follows within milliseconds). */
    private void awaitReadable(String language, int version) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(5));
        while (Instant.now().isBefore(giveUp)
               && lists.of(language).map(list -> list.version() < version).orElse(true)) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
