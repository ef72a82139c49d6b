package org.rekindle.journal.app.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.rekindle.journal.app.command.api.RecordSharedRead;
import org.rekindle.journal.app.query.EntryView;
import org.rekindle.platform.security.CurrentUser;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/** Every read of shared entries by someone other than the client is recorded before the entries are returned. */
@Component
class SharedReads {

    private final CommandGateway commands;
    private final JournalAccess access;

    SharedReads(CommandGateway commands, JournalAccess access) {
        this.commands = commands;
        this.access = access;
    }

    void recordIfNotTheClient(String clientId, List<EntryView> read, Instant at) {
        if (!read.isEmpty() && access.seesOnlyShared(clientId)) {
            commands.sendAndWait(new RecordSharedRead(clientId, CurrentUser.get().orElseThrow().id(),
                                                      read.stream().map(EntryView::entryId).toList(), at));
        }
    }
}
