package org.rekindle.web.view;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * What changed between two versions of a text, word by word ({@code @diff.words(before, after)}), for apology
 * revisions: the longest common run of words stays, the rest is shown as removed or added. Texts too long to compare
 * cheaply come back as one "added" segment (the new text), never as a wrong diff.
 */
@Component("diff")
public class WordDiff {

    private static final long MAX_CELLS = 2_000_000;

    /** A run of words that stayed, was removed or was added. */
    public record Segment(String kind, String text) {
    }

    public List<Segment> words(String before, String after) {
        String[] a = split(before);
        String[] b = split(after);
        if ((long) a.length * b.length > MAX_CELLS) {
            return List.of(new Segment("added", String.join(" ", b)));
        }
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Segment> segments = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                add(segments, "same", a[i]);
                i++;
                j++;
            } else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
                add(segments, "removed", a[i++]);
            } else {
                add(segments, "added", b[j++]);
            }
        }
        return segments;
    }

    private static void add(List<Segment> segments, String kind, String word) {
        int last = segments.size() - 1;
        if (last >= 0 && segments.get(last).kind().equals(kind)) {
            segments.set(last, new Segment(kind, segments.get(last).text() + " " + word));
        } else {
            segments.add(new Segment(kind, word));
        }
    }

    private static String[] split(String text) {
        return text == null || text.isBlank() ? new String[0] : text.trim().split("\\s+");
    }
}
