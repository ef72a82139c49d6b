package org.rekindle.notification.app.rules;

import java.util.List;

/** What the rules decided on one event or check: the client's new facts, notifications now, checks for later. */
public record Decision(ClientFacts facts, List<Notice> notices, List<Check> checks) {
}
