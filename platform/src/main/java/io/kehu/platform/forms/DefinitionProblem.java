package io.kehu.platform.forms;

import io.kehu.platform.forms.reading.DefinitionLimits;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * One thing wrong with a form definition, located precisely enough that whoever edits the JSON can go straight to it:
 * {@code customer.json $.fields[3].type: unknown field type 'txt'}.
 *
 * @param source where the definition came from, e.g. its file name {@code customer.json}
 * @param jsonPath where in that JSON the problem is, e.g. {@code $.fields[3].type}; {@code $} for the whole text
 * @param message what is wrong, in English, naming the offending value
 * @param kind what sort of problem it is; limit problems also have a zh-CN text ({@link #message(Locale)})
 * @param args the values the localized text is formatted with (empty for kinds without one)
 */
public record DefinitionProblem(String source, String jsonPath, String message, Kind kind, List<String> args) {

    /** What sort of problem; the kinds with a message key are translated (bundle {@code i18n/forms}). */
    public enum Kind {
        /** Not JSON at all. */
        SYNTAX(null),
        /** Against the JSON Schema. */
        SCHEMA(null),
        /** Against a rule of meaning (identifiers, references, types, defaults). */
        MEANING(null),
        /** The whole text is longer than {@link DefinitionLimits#MAX_DOCUMENT_CHARS}. */
        DOCUMENT_TOO_LARGE("forms.problem.documentTooLarge"),
        /** A list or object has more entries than its limit. */
        TOO_MANY("forms.problem.tooMany"),
        /** A string is longer than its limit. */
        TEXT_TOO_LONG("forms.problem.textTooLong"),
        /** A number has more digits than any definition value needs (checked before anything else reads it). */
        NUMBER_TOO_BIG("forms.problem.numberTooBig"),
        /** A number is outside the range its key allows. */
        NUMBER_OUT_OF_RANGE("forms.problem.numberOutOfRange"),
        /** A default is longer than the column of its field. */
        DEFAULT_TOO_LONG("forms.problem.defaultTooLong"),
        /** A number default or bound does not fit the column of its field. */
        NUMBER_DOES_NOT_FIT("forms.problem.numberDoesNotFit"),
        /** A field pattern the linear-time engine cannot compile. */
        PATTERN("forms.problem.pattern"),
        /** A script of a field reads a field that some reader of the first may not read. */
        HIDDEN_FIELD_READ("forms.problem.hiddenFieldRead"),
        /** A script of a field may read any field, and some field is hidden from a reader of the first. */
        HIDDEN_FIELD_MAY_BE_READ("forms.problem.hiddenFieldMayBeRead");

        private final String messageKey;

        Kind(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    private static final String BUNDLE = "i18n.forms";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public DefinitionProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** A problem of meaning, with an English message only. */
    public DefinitionProblem(String source, String jsonPath, String message) {
        this(source, jsonPath, message, Kind.MEANING, List.of());
    }

    /** A translated problem: its English message is the {@code en} text of {@code kind} formatted with {@code args}. */
    public static DefinitionProblem of(String source, String jsonPath, Kind kind, String... args) {
        return new DefinitionProblem(source, jsonPath, text(kind, Locale.ENGLISH, args), kind, List.of(args));
    }

    /** The message in {@code locale}'s language when the kind has a translation, else the English message. */
    public String message(Locale locale) {
        if (kind.messageKey == null) {
            return message;
        }
        Locale language = Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE
                : Locale.ENGLISH;
        return text(kind, language, args.toArray(String[]::new));
    }

    private static String text(Kind kind, Locale language, String... args) {
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, language, NO_FALLBACK).getString(kind.messageKey);
            return new MessageFormat(pattern, language).format(args);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No text for " + kind + " in " + BUNDLE + " " + language, e);
        }
    }

    @Override
    public String toString() {
        return source + " " + jsonPath + ": " + message;
    }
}
