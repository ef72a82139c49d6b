package org.rekindle.issuer;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInThrottleTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    private final MovingClock clock = new MovingClock(T0);
    private final DaoAuthenticationProvider passwords = plainPasswords();

    /** The directory's provider with a plain comparison, so ten thousand failures take no hashing time. */
    private static DaoAuthenticationProvider plainPasswords() {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(
                User.withUsername("sam").password("right").roles("CLIENT").build()));
        provider.setPasswordEncoder(new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return raw.toString();
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                return raw.toString().equals(encoded);
            }
        });
        return provider;
    }

    @Test
    void parallelGuessesCannotAllSlipInUnderTheLimit() throws Exception {
        AtomicInteger checked = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        AuthenticationProvider slowPasswords = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication attempt) {
                checked.incrementAndGet();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return passwords.authenticate(attempt);
            }

            @Override
            public boolean supports(Class<?> type) {
                return true;
            }
        };
        SignInThrottle throttle = new SignInThrottle(slowPasswords, 5, 100, WINDOW, clock);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String guess = "guess-" + i;
            outcomes.add(pool.submit(() -> outcome(throttle, "sam", guess)));
        }
        Thread.sleep(500);
        release.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get(10, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(checked.get()).as("passwords actually tried").isEqualTo(5);
        assertThat(results).as("the fifteen refused at once, the five tried and found to reach the limit")
                           .containsOnly("locked").hasSize(20);
    }

    @Test
    void theLockOpensWhenEnoughFailuresHaveAgedOutAndSaysWhen() {
        SignInThrottle throttle = new SignInThrottle(passwords, 5, 100, WINDOW, clock);
        for (int i = 0; i < 4; i++) {
            assertThat(outcome(throttle, "sam", "guess")).isEqualTo("wrong");
            clock.pass(Duration.ofMinutes(1));
        }
        assertThatThrownBy(() -> throttle.authenticate(attempt("sam", "guess"))).isInstanceOf(LockedException.class)
                .hasMessageContaining("Try again after 10:15 UTC");
        clock.pass(Duration.ofMinutes(5));
        assertThatThrownBy(() -> throttle.authenticate(attempt("sam", "right"))).as("locked: right password too")
                .isInstanceOf(LockedException.class).hasMessageContaining("10:15 UTC");

        clock.set(T0.plus(WINDOW).plusSeconds(1));
        assertThat(outcome(throttle, "sam", "right")).as("the first failure aged out").isEqualTo("signed in");
        assertThat(outcome(throttle, "sam", "guess")).as("a success cleared the count").isEqualTo("wrong");
    }

    @Test
    void aSprayOfNamesLeavesNothingBehindOnceItAgesOut() {
        SignInThrottle throttle = new SignInThrottle(passwords, 5, Integer.MAX_VALUE, WINDOW, clock);
        for (int i = 0; i < SignInThrottle.SWEEP_ABOVE + 100; i++) {
            outcome(throttle, "nobody-" + i, "guess");
        }
        assertThat(throttle.tracked()).isGreaterThan(SignInThrottle.SWEEP_ABOVE);
        clock.pass(WINDOW.plusSeconds(1));
        outcome(throttle, "sam", "guess");
        assertThat(throttle.tracked()).as("only the last failure and its address").isEqualTo(2);
    }

    private static String outcome(SignInThrottle throttle, String user, String password) {
        try {
            throttle.authenticate(attempt(user, password));
            return "signed in";
        } catch (LockedException locked) {
            return "locked";
        } catch (BadCredentialsException wrong) {
            return "wrong";
        }
    }

    private static Authentication attempt(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    private static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void pass(Duration duration) {
            now = now.plus(duration);
        }

        void set(Instant at) {
            now = at;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
