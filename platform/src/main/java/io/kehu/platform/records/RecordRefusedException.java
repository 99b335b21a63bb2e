package io.kehu.platform.records;

import io.kehu.platform.forms.LocalizedText;
import java.util.Locale;

/** A write vetoed by a {@link RecordGuard}; nothing was written. */
public class RecordRefusedException extends RuntimeException {

    private final transient LocalizedText text;

    public RecordRefusedException(LocalizedText text) {
        super(text.in(Locale.ENGLISH));
        this.text = text;
    }

    /** The guard's reason in Chinese and English. */
    public LocalizedText text() {
        return text;
    }
}
