package org.rekindle.issuer;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.util.HtmlUtils;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins are counted per account and per address within a window; past the limit, sign-in is refused until
 * the window has passed since the last failure, with the time it opens again in the message (which the sign-in page
 * shows). A success clears the account's count. Kept in memory: the local issuer is one process (Keycloak, in
 * compose, has its own brute-force detection, configured to the same numbers in the realm).
 */
final class SignInThrottle implements AuthenticationProvider {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final AuthenticationProvider passwords;
    private final int perAccount;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    SignInThrottle(AuthenticationProvider passwords, int perAccount, int perAddress, Duration window, Clock clock) {
        this.passwords = passwords;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String account = "account:" + attempt.getName();
        String address = "address:" + addressOf(attempt);
        Instant now = clock.instant();
        refuseIfLocked(account, perAccount, now, "this account");
        refuseIfLocked(address, perAddress, now, "this network address");
        try {
            Authentication signedIn = passwords.authenticate(attempt);
            failures.remove(account);
            return signedIn;
        } catch (BadCredentialsException wrong) {
            record(account, now);
            record(address, now);
            refuseIfLocked(account, perAccount, now, "this account");
            refuseIfLocked(address, perAddress, now, "this network address");
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }

    private void refuseIfLocked(String key, int limit, Instant now, String what) {
        Deque<Instant> recent = failures.get(key);
        if (recent == null) {
            return;
        }
        synchronized (recent) {
            recent.removeIf(at -> !at.isAfter(now.minus(window)));
            if (recent.size() >= limit) {
                Instant opens = recent.peekLast().plus(window);
                throw new LockedException("Too many failed sign-ins for " + what + ". Try again after "
                                          + AT.format(opens) + " (" + window.toMinutes() + " minutes after the "
                                          + "last attempt).");
            }
        }
    }

    private void record(String key, Instant now) {
        Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(now);
        }
    }

    /**
     * A locked sign-in answers 429 with the reason and the time it opens again (the generated sign-in form only
     * ever says "Invalid credentials"); any other failure goes back to the form as usual.
     */
    static AuthenticationFailureHandler failureHandler() {
        AuthenticationFailureHandler toTheForm = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, failure) -> {
            if (!(failure instanceof LockedException)) {
                toTheForm.onAuthenticationFailure(request, response, failure);
                return;
            }
            response.setStatus(429);
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign-in "
                                       + "paused</title></head><body><main><h1>Sign-in paused</h1><p role=\"alert\">"
                                       + HtmlUtils.htmlEscape(failure.getMessage()) + "</p><p><a href=\"/login\">Back "
                                       + "to sign-in</a></p></main></body></html>");
        };
    }

    private static String addressOf(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
    }
}
