package io.kehu.platform.views;

import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.records.Record;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The grid of a list view: one column per readable field (shown by default when the definition says
 * {@code showInList}), each sortable by the store and formatted for the user's language, rows selectable for bulk
 * actions. The column toggle lets the user choose which columns to see; saved views remember the choice.
 */
final class RecordGrid extends Grid<Record> {

    private final List<FieldDefinition> fields;
    private final ValueFormatter formatter;
    private final Map<String, MenuItem> toggles = new HashMap<>();
    /** Columns the store cannot sort by besides multiselects: contributed list columns that say so. */
    private final java.util.Set<String> unsortable;

    RecordGrid(FormDefinition form, List<FieldDefinition> fields, ValueFormatter formatter) {
        this(form, fields, formatter, java.util.Set.of());
    }

    RecordGrid(FormDefinition form, List<FieldDefinition> fields, ValueFormatter formatter,
               java.util.Set<String> unsortable) {
        this.fields = fields;
        this.unsortable = unsortable;
        this.formatter = formatter;
        setId("record-grid");
        setSelectionMode(SelectionMode.MULTI);
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        setMultiSort(true);
        boolean anyShown = fields.stream().anyMatch(FieldDefinition::showInList);
        // Only the columns shown are built; the others when the user first shows them (a hidden column costs as
        // much session memory as a shown one).
        for (FieldDefinition f : fields) {
            if (!anyShown || f.showInList()) { // a form that marks no list field shows them all
                column(f);
            }
        }
    }

    /** The column of {@code field}, built (visible, at the end) when missing. */
    private Column<Record> column(FieldDefinition f) {
        Column<Record> existing = getColumnByKey(f.id());
        if (existing != null) {
            return existing;
        }
        String label = header(f);
        Span header = new Span(label);
        header.getElement().setAttribute("title", label); // the whole label, also when a user narrows the column
        // A column narrower than its label (auto width is measured from the first rows, and a user may narrow it)
        // wraps the label onto a second line instead of cutting it to "客户…": seen cut on a 1366 px desktop
        header.getStyle().set("white-space", "normal").set("overflow-wrap", "anywhere");
        header.addClassName("kehu-grid-header");
        Column<Record> column = (ContactLinks.linked(f)
                ? addColumn(ContactLinks.cell(f, r -> formatter.format(f, r.get(f.id()))))
                : addColumn(r -> formatter.format(f, r.get(f.id()))))
                .setKey(f.id())
                .setHeader(header)
                .setResizable(true)
                .setWidth(minimumWidth(label))
                .setAutoWidth(true);
        if (FormAccess.sortable(f) && !unsortable.contains(f.id())) {
            column.setSortable(true).setSortProperty(f.id());
        }
        return column;
    }

    /**
     * When and by whom each row was deleted, first: the columns of the deleted records list. Sorting by the time is
     * done by the store like any other column.
     */
    void addDeletionColumns(UserDirectory users) {
        Column<Record> when = addColumn(r -> formatter.plain(r.deletedAt())).setKey(FormTables.DELETED_AT)
                .setHeader(getTranslation("views.list.deletedAt")).setAutoWidth(true).setResizable(true)
                .setSortable(true).setSortProperty(FormTables.DELETED_AT);
        Column<Record> who = addColumn(r -> users.name(r.deletedBy())).setKey(FormTables.DELETED_BY)
                .setHeader(getTranslation("views.list.deletedBy")).setAutoWidth(true).setResizable(true);
        List<Column<Record>> order = new ArrayList<>(List.of(when, who));
        getColumns().stream().filter(c -> c != when && c != who).forEach(order::add);
        setColumnOrder(order);
    }

    /**
     * Wide enough for the whole header: Chinese characters are about 1em each, Latin ones about half, plus room for
     * the sort indicator. Auto width measures only the first rows, and a column shown later keeps this width.
     */
    static String minimumWidth(String label) {
        double em = label.codePoints().mapToDouble(c -> Character.isIdeographic(c) ? 1.0 : 0.6).sum();
        return Math.max(6, Math.ceil(em + 3.5)) + "em";
    }

    private String header(FieldDefinition f) {
        return f.label().isEmpty() ? f.id() : f.label().in(formatter.locale());
    }

    ValueFormatter formatter() {
        return formatter;
    }

    /**
     * A "Columns" menu with one check item per field; {@code refetch} runs after a column is shown, since rows hold
     * only the values of the columns shown when they were fetched.
     */
    MenuBar columnToggle(Runnable refetch) {
        MenuBar menu = new MenuBar();
        menu.setId("column-toggle");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY);
        SubMenu items = menu.addItem(getTranslation("views.list.columns")).getSubMenu();
        for (FieldDefinition f : fields) {
            Column<Record> built = getColumnByKey(f.id());
            MenuItem item = items.addItem(header(f));
            item.setId("column-toggle-" + f.id());
            item.setCheckable(true);
            item.setChecked(built != null && built.isVisible());
            item.addClickListener(click -> {
                Column<Record> column = item.isChecked() ? column(f) : getColumnByKey(f.id());
                if (column != null) {
                    column.setVisible(item.isChecked());
                    recalculateColumnWidths();
                }
                if (item.isChecked()) {
                    refetch.run();
                }
            });
            toggles.put(f.id(), item);
        }
        return menu;
    }

    List<String> visibleColumns() {
        return getColumns().stream().filter(Column::isVisible).map(Column::getKey).toList();
    }

    /** The fields of {@code columns}, in that order; unknown or unreadable ids are skipped. */
    List<FieldDefinition> visibleFields(List<String> columns) {
        return columns.stream().flatMap(c -> fields.stream().filter(f -> f.id().equals(c))).toList();
    }

    /** Shows exactly {@code columns}, in that order, before the hidden ones. */
    void showColumns(List<String> columns) {
        if (columns.isEmpty()) {
            return;
        }
        visibleFields(columns).forEach(this::column);
        List<Column<Record>> order = new ArrayList<>();
        columns.stream().map(this::getColumnByKey).filter(c -> c != null).forEach(order::add);
        getColumns().stream().filter(c -> !order.contains(c)).forEach(order::add);
        setColumnOrder(order);
        for (Column<Record> c : getColumns()) {
            c.setVisible(columns.contains(c.getKey()));
        }
        toggles.forEach((id, toggle) -> toggle.setChecked(columns.contains(id)));
    }
}
