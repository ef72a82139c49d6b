package org.rekindle.journal.app.command.persons;

import org.rekindle.platform.command.InvalidCommandException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a marked person's label and names may be. */
public final class PersonRules {

    public static final int MAX_LABEL = 60;
    public static final int MAX_NAME = 60;
    public static final int MAX_NAMES = 10;
    /** Persons a client may mark (erased ones count: their tombstones stay). */
    public static final int MAX_PERSONS = 50;

    private PersonRules() {
    }

    public static String requireLabel(String label) {
        if (label == null || label.isBlank()) {
            throw new InvalidCommandException("label", "must not be blank");
        }
        if (label.strip().length() > MAX_LABEL) {
            throw new InvalidCommandException("label", "must be at most " + MAX_LABEL + " characters");
        }
        return label.strip();
    }

    /**
     * 1 to {@value #MAX_NAMES} names, each with a letter or digit and at most {@value #MAX_NAME} characters; trimmed,
     * and a name given twice (in any case) kept once.
     */
    public static List<String> requireNames(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new InvalidCommandException("names", "must list at least one name to find in the texts");
        }
        if (names.size() > MAX_NAMES) {
            throw new InvalidCommandException("names", "must list at most " + MAX_NAMES + " names");
        }
        List<String> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String field = "names[" + i + "]";
            if (name == null || name.isBlank()) {
                throw new InvalidCommandException(field, "must not be blank");
            }
            if (name.strip().length() > MAX_NAME) {
                throw new InvalidCommandException(field, "must be at most " + MAX_NAME + " characters");
            }
            if (name.codePoints().noneMatch(Character::isLetterOrDigit)) {
                throw new InvalidCommandException(field, "must contain a letter or digit");
            }
            if (seen.add(NameMatcher.key(name))) {
                kept.add(name.strip().replaceAll("\\s+", " "));
            }
        }
        return kept;
    }
}
