package io.kehu.platform.timeline;

import java.util.Locale;

/** Small typographic rules shared by the timeline's texts. */
final class Texts {

    private Texts() {
    }

    /** "标签：值" in Chinese (full-width colon), "Label: value" otherwise. */
    static String labelled(String label, String value, Locale locale) {
        return label + ("zh".equals(locale.getLanguage()) ? "：" : ": ") + value;
    }
}
