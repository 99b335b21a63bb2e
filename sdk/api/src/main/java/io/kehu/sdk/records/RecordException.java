package io.kehu.sdk.records;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginMessages;
import java.util.Locale;

/**
 * A read or write the platform refused; {@link #reason()} says which kind, {@link #text()} says why in both of the
 * platform's languages (fit to show the user), the message says why in English (for logs).
 *
 * <p>A plugin raises its own refusal with a key of its {@code plugin-messages} bundles, so a Chinese user reads
 * Chinese and an English user English:
 *
 * <pre>{@code
 * throw RecordException.refused(RecordException.Reason.VETOED, context.messages(), "veto.window", windowLabel);
 * // or, with both texts at hand: new RecordException(Reason.VETOED, LocalText.of("不在客户希望的时段", "Outside the window"))
 * }</pre>
 *
 * A screen shows {@code e.text().in(getLocale())}; a refusal that escapes a plugin's screen or a listener's
 * {@code beforeSave} is shown by the platform in the user's language the same way. Refusals the platform makes (a
 * listener's {@link Veto}, a validation error, a missing permission) arrive with both texts too.
 */
public class RecordException extends RuntimeException {

    /** The kinds of refusal. */
    public enum Reason {
        /** The form or record does not exist, or may not be seen. */
        NOT_FOUND,
        /** Values are wrong or missing. */
        INVALID,
        /** The actor may not do this. */
        DENIED,
        /** Someone else saved the record since it was read. */
        CONFLICT,
        /** A guard or listener vetoed the write. */
        VETOED,
        /** A {@link BatchWrite} was cancelled; nothing of it was written. */
        CANCELLED,
        /**
         * A value of a field marked {@code "unique": true} is already taken, by a stored record or by one written at
         * the same moment by another thread or node (the database's unique index refused it). This is how a plugin
         * makes a write idempotent: give the record a unique key (e.g. source + rule) and treat DUPLICATE as
         * "already done". Inside {@link PluginTransactions#call} the whole transaction is undone.
         */
        DUPLICATE
    }

    private final Reason reason;
    private final LocalText text;

    /**
     * A refusal with its reason in English only (a zh user then reads English: prefer
     * {@link #RecordException(Reason, LocalText)} for anything a user may see).
     */
    public RecordException(Reason reason, String message) {
        super(message);
        this.reason = reason;
        this.text = LocalText.of(null, message);
    }

    /** A refusal with its reason in both languages; the exception's message is the English text. */
    public RecordException(Reason reason, LocalText text) {
        super(english(text));
        this.reason = reason;
        this.text = text == null ? LocalText.of(null, "") : text;
    }

    /**
     * A refusal whose reason is the key {@code key} of the plugin's own bundles ({@code plugin-messages_en} and
     * {@code plugin-messages_zh_CN}), with {@link java.text.MessageFormat} arguments.
     */
    public static RecordException refused(Reason reason, PluginMessages messages, String key, Object... arguments) {
        return new RecordException(reason, messages.text(key, arguments));
    }

    public Reason reason() {
        return reason;
    }

    /** Why, in both languages; only English when the refusal was made with a plain message. */
    public LocalText text() {
        return text;
    }

    /** Why, in {@code locale}'s language (the other language when that one is missing). */
    public String message(Locale locale) {
        return text.in(locale);
    }

    private static String english(LocalText text) {
        return text == null ? "" : text.in(Locale.ENGLISH);
    }
}
