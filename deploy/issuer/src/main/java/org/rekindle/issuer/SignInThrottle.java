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
 * Failed sign-ins are counted per account and per address within a sliding window; at the limit, sign-in is refused
 * until enough of those failures have aged out of the window, with that time in the message (which the sign-in page
 * shows). An attempt takes its place in both counts before the password is checked, atomically, so parallel guesses
 * cannot all slip in under the limit; a success gives the places back and clears the account's count. Kept in
 * memory: the local issuer is one process (Keycloak, in compose, has its own brute-force detection, configured to
 * the same numbers in the realm). Counts that aged out are dropped, so memory is bounded by the failures of one
 * window, and each address can add at most {@code perAddress} accounts to it.
 */
final class SignInThrottle implements AuthenticationProvider {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    static final int SWEEP_ABOVE = 10_000;

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
        sweepIfLarge(now);
        take(account, perAccount, now, "this account");
        try {
            take(address, perAddress, now, "this network address");
        } catch (LockedException locked) {
            giveBack(account, now);
            throw locked;
        }
        try {
            Authentication signedIn = passwords.authenticate(attempt);
            failures.remove(account);
            giveBack(address, now);
            return signedIn;
        } catch (BadCredentialsException wrong) {
            refuseIfLocked(account, perAccount, "this account");
            refuseIfLocked(address, perAddress, "this network address");
            throw wrong;
        } catch (RuntimeException notAGuess) {
            giveBack(account, now);
            giveBack(address, now);
            throw notAGuess;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }

    /** Counts this attempt as a failure until it succeeds; refuses it when the count is already at the limit. */
    private void take(String key, int limit, Instant now, String what) {
        failures.compute(key, (k, recent) -> {
            Deque<Instant> kept = withinWindow(recent, now);
            if (kept.size() >= limit) {
                throw locked(kept, limit, what);
            }
            kept.addLast(now);
            return kept;
        });
    }

    private void giveBack(String key, Instant at) {
        failures.computeIfPresent(key, (k, recent) -> {
            recent.removeLastOccurrence(at);
            return recent.isEmpty() ? null : recent;
        });
    }

    /** Read inside the map's lock for the key, like every change: the counts are plain deques. */
    private void refuseIfLocked(String key, int limit, String what) {
        failures.computeIfPresent(key, (k, recent) -> {
            if (recent.size() >= limit) {
                throw locked(recent, limit, what);
            }
            return recent;
        });
    }

    /** Drops the counts that aged out once the map grows large (a spray of names or addresses). */
    private void sweepIfLarge(Instant now) {
        if (failures.size() > SWEEP_ABOVE) {
            failures.keySet().forEach(key -> failures.computeIfPresent(key, (k, recent) -> {
                Deque<Instant> kept = withinWindow(recent, now);
                return kept.isEmpty() ? null : kept;
            }));
        }
    }

    int tracked() {
        return failures.size();
    }

    private Deque<Instant> withinWindow(Deque<Instant> recent, Instant now) {
        Deque<Instant> kept = recent == null ? new ArrayDeque<>() : recent;
        kept.removeIf(at -> !at.isAfter(now.minus(window)));
        return kept;
    }

    /** Locked until so many failures age out that one more attempt fits under the limit. */
    private LockedException locked(Deque<Instant> recent, int limit, String what) {
        Instant opens = recent.stream().skip(recent.size() - limit).findFirst().orElseThrow().plus(window);
        return new LockedException("Too many failed sign-ins for " + what + ". Try again after " + AT.format(opens)
                                   + " (" + window.toMinutes() + " minutes after the failures that count).");
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
