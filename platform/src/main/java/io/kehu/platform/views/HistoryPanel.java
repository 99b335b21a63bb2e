package io.kehu.platform.views;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.AuditEntry;
import io.kehu.platform.records.FieldValues;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import java.util.List;

/**
 * Who changed what and when, newest first: the record's audit trail, paged from the database, with field labels and values as the user reads
 * them ("Lifecycle stage: Potential → Active"). The store already leaves out fields the user may not read.
 */
final class HistoryPanel extends VerticalLayout {

    /** One line as shown. */
    record Line(String when, String who, String field, String change) {
    }

    private final Records records;
    private final Actor actor;
    private final FormDefinition form;
    private final long id;
    private final ValueFormatter formatter;
    private final FieldValues conversions;
    private static final int PAGE = 50;

    private final Grid<Line> grid = new Grid<>();

    HistoryPanel(Records records, Actor actor, FormDefinition form, long id, ValueFormatter formatter,
                 FieldValues conversions) {
        this.records = records;
        this.actor = actor;
        this.form = form;
        this.id = id;
        this.formatter = formatter;
        this.conversions = conversions;
        setPadding(false);
        grid.setId("history");
        grid.addColumn(Line::when).setHeader(getTranslation("views.history.when")).setAutoWidth(true);
        grid.addColumn(Line::who).setHeader(getTranslation("views.history.who")).setAutoWidth(true);
        grid.addColumn(Line::field).setHeader(getTranslation("views.history.field")).setAutoWidth(true);
        grid.addColumn(Line::change).setHeader(getTranslation("views.history.change")).setFlexGrow(1);
        // A long-lived customer gathers thousands of entries: the grid pages through them as the user scrolls.
        grid.setPageSize(PAGE);
        grid.setHeight("24em");
        add(grid);
        refresh();
    }

    void refresh() {
        grid.setItems(query -> records.history(actor, form.id(), id, query.getOffset(), query.getLimit()).stream()
                .map(this::line));
    }

    /** The lines of the first page, newest first. */
    List<Line> lines() {
        return grid.getLazyDataView().getItems().limit(PAGE).toList();
    }

    private Line line(AuditEntry e) {
        FieldDefinition field = e.fieldId() == null ? null : form.field(e.fieldId()).orElse(null);
        String label = field == null ? getTranslation("views.history.action." + e.action().code())
                : field.label().isEmpty() ? field.id() : field.label().in(getLocale());
        String change = field == null ? "" : text(field, e.oldValue()) + " → " + text(field, e.newValue());
        return new Line(formatter.plain(e.changedAt()), formatter.actor(e.changedBy(), e.changedByName()), label,
                change);
    }

    /** The stored text of a value, shown like the list shows it; as stored when it no longer converts. */
    private String text(FieldDefinition field, String stored) {
        if (stored == null) {
            return getTranslation("views.history.empty");
        }
        FieldValues.Converted converted = conversions.convert(field, stored);
        return converted.ok() ? formatter.format(field, converted.value()) : stored;
    }
}
