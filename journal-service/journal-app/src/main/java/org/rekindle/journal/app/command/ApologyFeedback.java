package org.rekindle.journal.app.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Gentle notes on an apology draft, computed here only: the journal API returns them with every saved draft and
 * revision and answers them while a draft is written, so the web app and any other client show the same notes. It
 * looks for the phrasings that turn an apology into a defence or an accusation — "you always…", "sorry, but…",
 * "sorry if…", "sorry you feel…", "you made me…" — and for what a sincere apology holds: speaking from "I", naming
 * what happened, and what will be different. It never scores the person, only the words, and says what to try
 * instead. It never praises against itself: with one blaming phrase it does not say "you own it", and where blame
 * dominates (two or more) it gives no praise at all.
 */
public final class ApologyFeedback {

    /** One note: {@code kind} is "watch" (a phrasing to reconsider) or "good" (something that works). */
    public record Note(String kind, String text) {
    }

    private record Check(Pattern pattern, String note) {
    }

    private static final List<Check> WATCH = List.of(
            new Check(Pattern.compile("\\byou (always|never)\\b"),
                      "“You always…” and “you never…” turn an apology into a charge sheet. Describe one moment "
                      + "and your part in it instead."),
            new Check(Pattern.compile("\\b(sorry|apologi[sz]e)[^.!?]{0,40}?,?\\s+but\\b"),
                      "“Sorry, but…” takes the apology back. Let it stand on its own; explanations can come later, "
                      + "if they are asked for."),
            new Check(Pattern.compile("\\bsorry if\\b|\\bapologi[sz]e if\\b"),
                      "“Sorry if…” doubts that it hurt. Name what you did and that it hurt."),
            new Check(Pattern.compile("\\bsorry (that )?you (feel|felt|are|were|got)\\b"),
                      "“Sorry you feel…” apologises for their feelings, not for your actions. Say what you did."),
            new Check(Pattern.compile("\\byou made me\\b|\\bbecause you\\b|\\bif you hadn'?t\\b"),
                      "“You made me…” or “because you…” hands the responsibility back. Keep the focus on your "
                      + "choices."),
            new Check(Pattern.compile("\\b(obviously|clearly|whatever|overreact\\w*|too sensitive)\\b"),
                      "Words like “overreacting” or “too sensitive” judge their reaction. Leave them out."));

    private static final Pattern SPEAKS_FROM_I = Pattern.compile("\\bi\\b|\\bi'm\\b|\\bi've\\b|\\bmy\\b");
    private static final Pattern OWNS_IT = Pattern.compile("\\bsorry\\b|\\bapologi[sz]e\\b|\\bi was wrong\\b");
    private static final Pattern CHANGE = Pattern.compile(
            "\\bi will\\b|\\bi'll\\b|\\bfrom now on\\b|\\bi am working on\\b|\\bi'm working on\\b|\\bi am learning\\b"
            + "|\\bi'm learning\\b|\\bnext time\\b|\\bi have started\\b|\\bi've started\\b");

    private ApologyFeedback() {
    }

    public static List<Note> of(String draft) {
        String text = draft == null ? "" : draft.toLowerCase(Locale.ROOT).replace('’', '\'');
        List<Note> notes = new ArrayList<>();
        if (text.isBlank()) {
            return notes;
        }
        List<Check> blaming = WATCH.stream().filter(check -> check.pattern().matcher(text).find()).toList();
        blaming.forEach(check -> notes.add(new Note("watch", check.note())));
        if (!SPEAKS_FROM_I.matcher(text).find()) {
            notes.add(new Note("watch", "Try speaking from “I”: what I did, what I understand now."));
        }
        if (blaming.isEmpty() && OWNS_IT.matcher(text).find() && SPEAKS_FROM_I.matcher(text).find()) {
            notes.add(new Note("good", "You own it in your own words. That is the heart of an apology."));
        }
        if (CHANGE.matcher(text).find() && blaming.size() < 2) {
            notes.add(new Note("good", "You say what will be different. That makes the apology believable."));
        } else if (text.split("\\s+").length >= 25) {
            notes.add(new Note("watch", "Consider adding what you are doing differently now, in a sentence."));
        }
        if (text.split("\\s+").length < 25) {
            notes.add(new Note("watch", "A sincere apology usually names what happened, how it affected them, and "
                                        + "what you will do differently. Take your time."));
        }
        return notes;
    }
}
