package org.rekindle.issuer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Accounts added to a practice's own directory need real passwords; the demo directory is the exception. */
class PasswordPolicyTest {

    private static DirectoryUser user(String id, String password) {
        return new DirectoryUser(id, "Robin Example", "robin@example.org", password, List.of("CLIENT"), "practice",
                                 "coach-x", null);
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
}
