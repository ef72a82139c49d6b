package org.rekindle.journal.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.rekindle.journal.app.command.Conversation;
import org.rekindle.journal.app.command.api.ConversationId;
import org.rekindle.journal.app.command.api.MarkConversationRead;
import org.rekindle.journal.app.command.api.Participant;
import org.rekindle.journal.app.command.api.SendMessage;
import org.rekindle.journal.app.query.ConversationCollections;
import org.rekindle.journal.app.query.ConversationQueries;
import org.rekindle.journal.app.query.ConversationView;
import org.rekindle.platform.command.UnknownEntityException;
import org.rekindle.platform.readmodel.ReadYourWrites;
import org.rekindle.platform.web.LiveStreams;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Instant;
import java.util.Map;

/**
 * The conversation between a client and their current coach. Only the two of them take part (403 for everyone
 * else, the practice admin included); the text is sealed with the client's key, so erasing the client's journal
 * shreds it. A client without a journal or without a coach has no conversation (404). Each open page of the
 * conversation is told of a new message or read receipt over server-sent events ({@code /stream}), by the instance
 * that took the write (the same reach as the other live streams of the platform).
 */
@RestController
@RequestMapping(path = "/api/clients/{clientId}/conversation", produces = "application/json")
@Tag(name = "Conversation", description = "Messages between a client and their coach, with read receipts")
class ConversationController {

    private final JournalWrites commands;
    private final ConversationQueries conversations;
    private final ConversationAccess access;
    private final JournalGuard journals;
    private final RequestTime time;
    private final ReadYourWrites readYourWrites;
    private final ConversationCollections collections;
    private final LiveStreams live;

    ConversationController(JournalWrites commands, ConversationQueries conversations, ConversationAccess access,
                           JournalGuard journals, RequestTime time, EventStore eventStore,
                           ConversationCollections collections, LiveStreams live) {
        this.live = live;
        this.commands = commands;
        this.conversations = conversations;
        this.access = access;
        this.journals = journals;
        this.time = time;
        this.readYourWrites = new ReadYourWrites(eventStore);
        this.collections = collections;
    }

    @GetMapping
    @Operation(summary = "The latest messages (oldest first), or those before message number `before`; each says "
                         + "whether the other side has seen it. The client or their coach only")
    @PreAuthorize("@conversationAccess.mayConverse(#clientId)")
    ConversationView read(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
                          @RequestParam(required = false) @Min(2) Integer before,
                          @RequestParam(defaultValue = "50") @Min(1) @Max(ConversationQueries.MAX_PAGE) int limit) {
        journals.requireJournal(clientId);
        return conversations.page(clientId, coachOf(clientId), before, limit);
    }

    @PostMapping(path = "/messages", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Send a message to the other side (1-4000 characters); they are told by the notification "
                         + "service, without the text")
    @PreAuthorize("@conversationAccess.mayConverse(#clientId)")
    Sent send(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
              @Valid @RequestBody MessageText body) {
        journals.requireJournal(clientId);
        String coach = coachOf(clientId);
        String conversationId = ConversationId.of(clientId, coach);
        Instant now = time.now();
        Integer number = commands.send(new SendMessage(conversationId, clientId, coach, side(clientId),
                                                              body.text(), now));
        readYourWrites.await(collections.conversations(), conversationId);
        live.send(conversationId, "message", String.valueOf(number), Map.of("number", number));
        return new Sent(conversationId, number, now);
    }

    @PostMapping(path = "/read")
    @Operation(summary = "Mark the other side's messages read, up to message number `upTo` (default: the latest); "
                         + "the other side sees them as seen")
    @PreAuthorize("@conversationAccess.mayConverse(#clientId)")
    Read markRead(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
                  @Valid @RequestBody(required = false) ReadUpTo body) {
        journals.requireJournal(clientId);
        String coach = coachOf(clientId);
        Participant reader = side(clientId);
        ConversationView latest = conversations.page(clientId, coach, null, 1);
        if (latest.messageCount() == 0) {
            return new Read(latest.conversationId(), 0);
        }
        String conversationId = latest.conversationId();
        Integer upTo = commands.send(new MarkConversationRead(conversationId, reader,
                                                                     body == null ? null : body.upTo(), time.now()));
        readYourWrites.await(collections.conversations(), conversationId);
        int before = reader == Participant.CLIENT ? latest.readByClient() : latest.readByCoach();
        if (upTo > before) { // a page that reloads on "read" and marks read again must not hear itself forever
            live.send(conversationId, "read", reader + "-" + upTo, Map.of("reader", reader.name(), "upTo", upTo));
        }
        return new Read(conversationId, upTo);
    }

    @GetMapping(path = "/stream", produces = "text/event-stream")
    @Operation(summary = "Server-sent events while the page is open: each new message (event: message) and read "
                         + "receipt (event: read) of the conversation")
    @PreAuthorize("@conversationAccess.mayConverse(#clientId)")
    SseEmitter stream(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId) {
        return live.open(ConversationId.of(clientId, coachOf(clientId)));
    }

    record MessageText(@NotBlank @Size(max = Conversation.MAX_TEXT) String text) {
    }

    record ReadUpTo(@Min(0) Integer upTo) {
    }

    /** What a send answers: the message's number in the conversation and when it was sent. */
    record Sent(String conversationId, int number, Instant sentAt) {
    }

    /** What marking read answers: the number of the other side's latest message the caller has now seen. */
    record Read(String conversationId, int readUpTo) {
    }

    private String coachOf(String clientId) {
        return access.coachOf(clientId).orElseThrow(() -> new UnknownEntityException("coach of client", clientId));
    }

    private Participant side(String clientId) {
        return access.side(clientId).orElseThrow();
    }
}
