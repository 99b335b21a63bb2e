package io.kehu.platform.imports;

import io.kehu.platform.imports.read.UnreadableFileException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * What a job's status says (why it failed or stopped, what its undo left alone), stored in {@code kehu_import_job
 * .message} as a key of the import messages with its arguments ({@code msg:key<TAB>arg...}), so that each user reads
 * it in their language from the zh and en bundles. Rows stored before held one {@code "中文 / English"} text; they are
 * shown by the half in the reader's language.
 *
 * @param key  a key of {@code imports_zh_CN} / {@code imports_en}, e.g. {@code imports.job.cancelledKept}
 * @param args its arguments ({@code {0}}, ...)
 */
public record JobMessage(String key, List<String> args) {

    private static final String PREFIX = "msg:";

    public JobMessage {
        args = List.copyOf(args);
    }

    public static JobMessage of(String key, Object... args) {
        return new JobMessage(key, Arrays.stream(args).map(String::valueOf).toList());
    }

    /** Why a job failed: a file it cannot read by its key, anything else with the error's own words. */
    public static JobMessage failure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnreadableFileException u) {
                return of(u.key(), u.args());
            }
        }
        return of("imports.job.error", String.valueOf(e.getMessage()));
    }

    /** As stored in the job's row. */
    public String stored() {
        StringBuilder b = new StringBuilder(PREFIX).append(key);
        args.forEach(a -> b.append('\t').append(a.replace('\t', ' ')));
        return b.toString();
    }

    /**
     * The stored {@code message} in {@code locale}: translated by {@code translate} (key, arguments → text, e.g. a
     * view's {@code getTranslation}); {@code null} for none.
     */
    public static String text(String message, Locale locale, BiFunction<String, Object[], String> translate) {
        if (message == null) {
            return null;
        }
        if (message.startsWith(PREFIX)) {
            String[] parts = message.substring(PREFIX.length()).split("\t", -1);
            return translate.apply(parts[0], Arrays.copyOfRange(parts, 1, parts.length));
        }
        return legacy(message, locale);
    }

    /** An older "中文 / English" message: the half in the reader's language (the whole text when it has no halves). */
    static String legacy(String message, Locale locale) {
        int slash = message.indexOf(" / ");
        if (slash < 0 || !hasChinese(message.substring(0, slash))) {
            return message;
        }
        return "zh".equals(locale.getLanguage()) ? message.substring(0, slash).trim()
                : message.substring(slash + 3).trim();
    }

    private static boolean hasChinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** The message translated by {@code translate} (key, arguments → text, e.g. a view's {@code getTranslation}). */
    public String in(BiFunction<String, Object[], String> translate) {
        return translate.apply(key, args.toArray());
    }
}
