package io.kehu.platform.forms;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Optional;

/**
 * The {@code pattern} of text fields, matched with RE2/J: an administrator writes the expression and every user's
 * input runs through it, so it must not be able to backtrack for seconds ({@code (a+)+$} on a long line of
 * {@code a}s takes exponential time in {@code java.util.regex}). RE2 syntax is Java's minus look-around and
 * back-references, which are what make linear time impossible; the reader refuses such patterns when a definition is
 * read, so every stored pattern compiles here.
 */
public final class FieldPatterns {

    /** Compiled patterns by text: a form has a handful, but the write path asks per value. */
    private static final Cache<String, Pattern> COMPILED = Caffeine.newBuilder().maximumSize(1_000).build();

    private FieldPatterns() {
    }

    /** Why {@code regex} cannot be used as a field pattern, in English, or empty when it can. */
    public static Optional<String> problem(String regex) {
        try {
            compiled(regex);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of(e.getDescription() == null ? e.getMessage() : e.getDescription());
        }
    }

    /**
     * Whether the whole of {@code text} matches {@code regex}, in time linear in the text. A pattern that does not
     * compile (only possible for a definition stored before patterns were checked with RE2) matches nothing, so the
     * value is refused rather than the pattern silently dropped.
     */
    public static boolean matches(String regex, String text) {
        try {
            return compiled(regex).matcher(text).matches();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static Pattern compiled(String regex) {
        return COMPILED.get(regex, Pattern::compile);
    }
}
