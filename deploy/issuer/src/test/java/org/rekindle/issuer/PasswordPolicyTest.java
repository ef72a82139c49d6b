package org.rekindle.issuer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Accounts added to a practice's own directory need real passwords; the demo directory is the exception. */
class PasswordPolicyTest {

    private static DirectoryUser user(String id, String password) {
        return new DirectoryUser(id, "Robin Example", "robin@example.org", password, List.of("CLIENT"), "practice",
                                 "coach-x", null, null);
    }

    @Test
    void shortPersonalOrDemoPasswordsAreNamed() {
        assertThat(PasswordPolicy.problems(user("client-robin", "short"))).contains("shorter than 12 characters");
        assertThat(PasswordPolicy.problems(user("client-robin", "client-robin-2026!")))
                .contains("contains the account's id, name or e-mail");
        assertThat(PasswordPolicy.problems(user("client-robin", "demo-robin-longer"))).contains("is a demo password");
        assertThat(PasswordPolicy.problems(user("client-robin", "tide-lantern-orbit-47"))).isEmpty();
    }

    @Test
    void aDirectoryWithAWeakPasswordIsRefusedNamingTheAccounts() {
        assertThatThrownBy(() -> PasswordPolicy.requireAll(List.of(user("client-ok", "tide-lantern-orbit-47"),
                                                                   user("client-weak", "12345"))))
                .hasMessageContaining("client-weak (shorter than 12 characters)")
                .hasMessageNotContaining("client-ok");
    }

    @Test
    void aHashThatIsNotThePasswordsIsRefusedNamingTheAccount() {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        DirectoryUser right = new DirectoryUser("client-right", "Robin Example", "robin@example.org",
                                                "tide-lantern-orbit-47", List.of("CLIENT"), "practice", "coach-x", null,
                                                encoder.encode("tide-lantern-orbit-47"));
        DirectoryUser wrong = new DirectoryUser("client-wrong", "Robin Example", "robin@example.org",
                                                "tide-lantern-orbit-47", List.of("CLIENT"), "practice", "coach-x", null,
                                                encoder.encode("another-password-entirely"));
        PasswordPolicy.requireHashesMatch(List.of(right, user("client-plain", "tide-lantern-orbit-47")), encoder);
        assertThatThrownBy(() -> PasswordPolicy.requireHashesMatch(List.of(right, wrong), encoder))
                .hasMessageContaining("client-wrong").hasMessageNotContaining("client-right");
    }

    /** The demo directory carries each password's hash so sign-ins do not hash it again; they must agree. */
    @Test
    void theDemoDirectorysHashesAreItsPasswords() throws Exception {
        Directory demo = new Directory(new ClassPathResource("demo-users.json"), new ObjectMapper());
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        assertThat(demo.all()).isNotEmpty().allSatisfy(user -> {
            assertThat(user.passwordHash()).as(user.id()).startsWith("{bcrypt}");
            assertThat(encoder.matches(user.password(), user.passwordHash())).as(user.id()).isTrue();
        });
    }
}
