package org.rekindle.platform.asyncapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A contract type's description: the first Javadoc comment of its source file in the {@code *-events} module, as
 * plain text ({@code {@code x}} and {@code {@link X}} become {@code x}, {@code {@value X#NAME}} the constant's value).
 * Types without a source file or comment have none. Field meanings live in these comments, so they reach the
 * AsyncAPI document and the catalogue without a second copy.
 */
final class JavadocDescriptions implements Function<Class<?>, String> {

    private static final Pattern COMMENT = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);
    private static final Pattern VALUE = Pattern.compile("\\{@value\\s+(\\w*)#(\\w+)}");
    private static final Pattern INLINE_TAG = Pattern.compile("\\{@\\w+\\s+([^}]*)}");

    private final List<Path> sourceRoots;

    JavadocDescriptions(List<Path> sourceRoots) {
        this.sourceRoots = sourceRoots;
    }

    @Override
    public String apply(Class<?> type) {
        Path relative = Path.of(type.getName().replace('.', '/') + ".java");
        for (Path root : sourceRoots) {
            Path file = root.resolve(relative);
            if (Files.isRegularFile(file)) {
                Matcher comment = COMMENT.matcher(read(file));
                return comment.find() ? plainText(comment.group(1), type) : null;
            }
        }
        return null;
    }

    private static String plainText(String comment, Class<?> type) {
        String text = comment.replaceAll("(?m)^\\s*\\*\\s?", " ").replaceAll("<p>", " ");
        Matcher values = VALUE.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (values.find()) {
            values.appendReplacement(resolved, Matcher.quoteReplacement(constant(type, values.group(1),
                                                                                 values.group(2))));
        }
        values.appendTail(resolved);
        return INLINE_TAG.matcher(resolved).replaceAll(tag -> Matcher.quoteReplacement(tag.group(1).trim()))
                         .replaceAll("\\s+", " ").trim();
    }

    private static String constant(Class<?> type, String owner, String field) {
        try {
            Class<?> declaring = owner.isEmpty() ? type
                                                 : Class.forName(type.getPackageName() + "." + owner, true,
                                                                 type.getClassLoader());
            return String.valueOf(declaring.getField(field).get(null));
        } catch (ReflectiveOperationException e) {
            return owner + "." + field;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
