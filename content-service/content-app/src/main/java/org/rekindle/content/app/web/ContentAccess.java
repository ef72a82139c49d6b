package org.rekindle.content.app.web;

import org.rekindle.platform.security.CurrentUser;
import org.rekindle.platform.security.Role;
import org.springframework.stereotype.Component;

/**
 * Who may do what with the practice's program library, in one place (called from method security): coaches and
 * practice admins author and publish; every signed-in user (clients too) reads programs and searches them.
 */
@Component("contentAccess")
public class ContentAccess {

    public boolean mayAuthor() {
        return CurrentUser.get().map(u -> u.is(Role.COACH) || u.is(Role.PRACTICE_ADMIN)).orElse(false);
    }

    /**
     * The risk-language lists: coaches (they read their clients' words and learn the phrases that worry them) and
     * practice admins (accountable for the practice's safety policy); each revision names who made it. Clients
     * neither read nor change them.
     */
    public boolean mayEditRiskLists() {
        return mayAuthor();
    }

    public boolean mayRead() {
        return CurrentUser.get().map(u -> !u.roles().isEmpty()).orElse(false);
    }
}
