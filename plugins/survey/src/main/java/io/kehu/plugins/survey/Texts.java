package io.kehu.plugins.survey;

import com.vaadin.flow.component.UI;
import java.math.BigDecimal;
import java.util.Locale;

/** Small helpers the screens share: the user's locale, and figures written with their n. */
final class Texts {

    private Texts() {
    }

    static Locale locale() {
        return UI.getCurrent() == null ? Locale.ENGLISH : UI.getCurrent().getLocale();
    }

    /** "72.5%" or "—" when there is no figure. */
    static String percent(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString() + "%";
    }

    static String number(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }
}
