package org.rekindle.platform.directory;

/**
 * Someone as the directory names them: {@code id} is the token subject every service uses (e.g. client-sam),
 * {@code name} how people read it, {@code pronouns} as the person wrote them (may be null).
 */
public record Person(String id, String name, String pronouns) {

    static Person unknown(String id) {
        return new Person(id, id, null);
    }

    /** "Sam (they/them)" where the directory has pronouns, else the name alone. */
    public String nameWithPronouns() {
        return pronouns == null ? name : name + " (" + pronouns + ")";
    }
}
