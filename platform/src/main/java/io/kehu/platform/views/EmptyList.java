package io.kehu.platform.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * What a list shows instead of an empty grid: that nothing matches and a way on — clear the filters when some are
 * set, otherwise create the first record (when the user may).
 */
final class EmptyList extends VerticalLayout {

    private final String formLabel;
    private final Span message = new Span();
    private final Button clearFilters;
    private final Button create;

    EmptyList(String formLabel, Runnable onClearFilters, Runnable onCreate) {
        this.formLabel = formLabel;
        setId("empty-list");
        setAlignItems(FlexComponent.Alignment.CENTER);
        setPadding(true);
        message.setId("empty-list-message");
        message.getStyle().set("color", "var(--lumo-secondary-text-color)");
        clearFilters = new Button(getTranslation("views.filter.clear"), VaadinIcon.CLOSE_SMALL.create(),
                click -> onClearFilters.run());
        clearFilters.setId("empty-list-clear");
        create = new Button(getTranslation("views.related.new", formLabel), VaadinIcon.PLUS.create(),
                click -> onCreate.run());
        create.setId("empty-list-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(message, clearFilters, create);
        setVisible(false);
    }

    /**
     * Shows the empty state: {@code filtered} when filters or a search hide records, {@code mayCreate} when the user
     * may create one.
     */
    void show(boolean filtered, boolean mayCreate) {
        message.setText(getTranslation(filtered ? "views.list.emptyFiltered" : "views.list.empty", formLabel));
        clearFilters.setVisible(filtered);
        create.setVisible(!filtered && mayCreate);
        setVisible(true);
    }
}
