package io.kehu.platform.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Texts of problems found in admin-written data (calendars, workflows): each kind of problem has a key in a feature's
 * bundle in zh-CN and en, formatted with the values it names, and a list of problems reads one per line as
 * {@code path：text}. Outside Vaadin (readers run at start-up and in tests), so bundles are read directly.
 */
public final class ProblemTexts {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ProblemTexts() {
    }

    /** The text of {@code key} in bundle {@code bundle} in the supported language closest to {@code locale}. */
    public static String format(String bundle, String key, Locale locale, List<String> args) {
        Locale language = Languages.closest(locale);
        String pattern = ResourceBundle.getBundle(bundle, language, NO_FALLBACK).getString(key);
        return new MessageFormat(pattern, language).format(args.toArray());
    }

    /** One line per problem, {@code path：text} in Chinese and {@code path: text} in English. */
    public static <P> String lines(List<P> problems, Function<P, String> path, BiFunction<P, Locale, String> text, Locale locale) {
        String colon = Languages.closest(locale).equals(Languages.CHINESE) ? "：" : ": ";
        return problems.stream().map(p -> path.apply(p) + colon + text.apply(p, locale))
                .collect(Collectors.joining("\n"));
    }
}
