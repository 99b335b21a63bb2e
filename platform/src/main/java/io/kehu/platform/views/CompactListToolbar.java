package io.kehu.platform.views;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;

/**
 * The toolbar of a list on a phone: the title with a "new" button, then the search field, one "筛选" button that opens
 * the filters and one "更多" button for everything else (saved views, exports, the recycle bin) in a sheet. The desktop
 * toolbar wraps into four rows on a 390 px screen and pushes the list below the fold; this one takes two rows.
 */
final class CompactListToolbar extends VerticalLayout {

    /**
     * @param create the "new" button, or {@code null} when the user may not create records
     * @param choose the "选择" button that starts choosing cards for a bulk action, or {@code null} when the user has
     *     no bulk action here
     * @param more what the desktop toolbar shows besides title, search and "new", in that order
     */
    CompactListToolbar(Component heading, TextField search, FilterBar filters, Button create, Button choose,
                       List<Component> more) {
        setId("compact-toolbar");
        addClassName("kehu-compact-toolbar");
        setPadding(false);
        setSpacing(false);
        HorizontalLayout top = new HorizontalLayout(heading);
        top.setWidthFull();
        top.setAlignItems(FlexComponent.Alignment.CENTER);
        top.expand(heading);
        if (choose != null) {
            top.add(choose);
        }
        if (create != null) {
            top.add(create);
        }

        filters.setVisible(false);
        Button filter = new Button(getTranslation("mobile.filter"), VaadinIcon.FILTER.create(),
                click -> filters.setVisible(!filters.isVisible()));
        filter.setId("compact-filter");
        Dialog sheet = sheet(more); // built once: its components are the toolbar's, they may have one parent only
        Button moreButton = new Button(VaadinIcon.ELLIPSIS_DOTS_V.create(), click -> sheet.open());
        moreButton.setId("compact-more");
        moreButton.setAriaLabel(getTranslation("mobile.more"));
        moreButton.setTooltipText(getTranslation("mobile.more"));
        moreButton.setEnabled(!more.isEmpty());
        search.setWidth(null);
        search.setMinWidth("0");
        HorizontalLayout row = new HorizontalLayout(search, filter, moreButton);
        row.setWidthFull();
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.expand(search);
        row.setSpacing(false);
        row.addClassName("kehu-compact-row");
        add(top, row, filters);
    }

    /** The "更多" sheet: each action on its own full-width row, big enough to tap. */
    private Dialog sheet(List<Component> more) {
        Dialog sheet = new Dialog();
        sheet.setId("compact-more-sheet");
        sheet.setHeaderTitle(getTranslation("mobile.more"));
        Button close = new Button(VaadinIcon.CLOSE.create(), click -> sheet.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        close.setAriaLabel(getTranslation("mobile.close"));
        sheet.getHeader().add(close);
        VerticalLayout items = new VerticalLayout();
        items.setPadding(false);
        items.addClassName("kehu-more-sheet");
        for (Component c : more) {
            Div holder = new Div(c);
            holder.addClassName("kehu-more-item");
            items.add(holder);
        }
        sheet.add(items);
        sheet.setWidth("min(100vw, 30rem)");
        return sheet;
    }
}
