package io.kehu.platform.records;

import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.security.AccessRefusedException;
import java.util.Locale;

/**
 * The actor may not do this: read or write the form, write a field (named in the message), change a read-only field,
 * hand a record to another owner or see deleted records. The record store's {@link AccessRefusedException}: callers
 * catch that one type; this one adds the field concerned.
 */
public class RecordAccessDeniedException extends AccessRefusedException {

    private final String fieldId;
    private final transient LocalizedText text;

    public RecordAccessDeniedException(String fieldId, LocalizedText text) {
        super(text.in(Locale.CHINESE), text.in(Locale.ENGLISH));
        this.fieldId = fieldId;
        this.text = text;
    }

    /** The field concerned, or {@code null} when the whole form or record is concerned. */
    public String fieldId() {
        return fieldId;
    }

    /** The message in Chinese and English. */
    public LocalizedText text() {
        return text;
    }
}
