package org.rekindle.issuer;

import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a password of an account added to a practice's directory must be: at least 12 characters, not the account's
 * id, name or e-mail, and not one of the demo passwords. The demo directory shipped for the local stack is exempt
 * (its passwords are documented in the README on purpose); any other directory with a weak password is refused at
 * start, naming the accounts.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;

    private PasswordPolicy() {
    }

    /** The problems of this user's password, empty if it is acceptable. */
    static List<String> problems(DirectoryUser user) {
        List<String> problems = new ArrayList<>();
        String password = user.password() == null ? "" : user.password();
        String lower = password.toLowerCase(Locale.ROOT);
        if (password.length() < MIN_LENGTH) {
            problems.add("shorter than " + MIN_LENGTH + " characters");
        }
        for (String personal : new String[]{user.id(), user.name(), user.email()}) {
            if (personal != null && !personal.isBlank() && lower.contains(personal.toLowerCase(Locale.ROOT))) {
                problems.add("contains the account's id, name or e-mail");
                break;
            }
        }
        if (lower.startsWith("demo-")) {
            problems.add("is a demo password");
        }
        return problems;
    }

    /** A password hash given beside a password must be that password's, or sign-ins would not take the password. */
    static void requireHashesMatch(List<DirectoryUser> users, PasswordEncoder encoder) {
        List<String> mismatched = users.stream()
                .filter(user -> user.passwordHash() != null && !encoder.matches(user.password(), user.passwordHash()))
                .map(DirectoryUser::id).toList();
        if (!mismatched.isEmpty()) {
            throw new IllegalStateException("The directory's passwordHash of " + String.join(", ", mismatched)
                                            + " is not the hash of their password: remove it or hash the password "
                                            + "again.");
        }
    }

    static void requireAll(List<DirectoryUser> users) {
        List<String> refused = users.stream().filter(user -> !problems(user).isEmpty())
                                    .map(user -> user.id() + " (" + String.join(", ", problems(user)) + ")").toList();
        if (!refused.isEmpty()) {
            throw new IllegalStateException("The directory has passwords the issuer does not accept: "
                                            + String.join("; ", refused) + ". Set passwords of at least "
                                            + MIN_LENGTH + " characters that do not contain the person's id, name "
                                            + "or e-mail.");
        }
    }
}
