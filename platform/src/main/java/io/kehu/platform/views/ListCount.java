package io.kehu.platform.views;

import com.vaadin.flow.component.html.Span;
import io.kehu.platform.records.ListedCount;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * The line under a list's title: how many records it shows ("共 12 条", "约 1,000,000 条" from the database's
 * statistics, "10,000 条以上" when counting further would read them all) and, for a user who sees only their own
 * records, that the list is limited to those.
 */
final class ListCount extends Span {

    private final Locale locale;
    private final String ownOnlyNote;

    /** {@code ownOnlyNote}: shown after the count, or {@code null} when the list is not limited to the user's own. */
    ListCount(Locale locale, String ownOnlyNote) {
        this.locale = locale;
        this.ownOnlyNote = ownOnlyNote;
        setId("list-count");
        getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
    }

    void show(ListedCount count) {
        String number = NumberFormat.getIntegerInstance(locale).format(count.value());
        String text = switch (count.kind()) {
            case EXACT -> getTranslation("views.list.count", number);
            case ESTIMATE -> getTranslation("views.list.countEstimate", number);
            case MORE_THAN -> getTranslation("views.list.countMoreThan", number);
        };
        setText(ownOnlyNote == null ? text : text + " · " + ownOnlyNote);
    }
}
