package io.kehu.platform.forms;

import java.util.List;

/**
 * A titled block of fields on the record view, laid out in 1 to 4 columns (one column on a phone). Sections with the
 * same {@code tab} form one tab, in the order they appear; sections without a tab come first, outside any tab.
 *
 * @param title the section title (zh/en)
 * @param tab the tab title, or {@code null} for none
 * @param columns 1 to 4
 * @param fields field ids in display order
 */
public record LayoutSection(LocalizedText title, LocalizedText tab, int columns, List<String> fields) {

    public LayoutSection {
        title = title == null ? LocalizedText.EMPTY : title;
        fields = List.copyOf(fields);
    }
}
