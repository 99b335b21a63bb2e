package io.kehu.platform.views;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.router.QueryParameters;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.RecordQuery.Filter;
import io.kehu.platform.records.RecordQuery.Operator;
import io.kehu.platform.records.RecordQuery.Sort;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.timeline.RecordDates;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The records of other forms that point at this one, one tab each: a customer's interactions, purchases and
 * feedback. A form pointing here through several fields (a referral's 推荐人 and 被推荐客户) gets one tab per field,
 * see {@link RelatedTab}. Found from the published definitions (every reference field targeting this form), so a
 * form added later gets its tab without code. Each tab is built when first opened: a small lazy grid plus a "new"
 * button that opens the new-record view with the reference already filled in. Rows come newest first by the form's
 * date (an interaction's 发生时间), not by when they were last edited.
 */
final class RelatedRecords {

    private RelatedRecords() {
    }

    static void addTabs(TabSheet tabs, FormCatalog catalog, Records records, Actor actor, FormDefinition form,
                        long id, ValueFormatter formatter) {
        for (FormDefinition other : catalog.allPublished()) {
            if (!FormAccess.mayRead(other, actor)) {
                continue;
            }
            List<FieldDefinition> references = other.fields().stream()
                    .filter(f -> f.type() == FieldType.REFERENCE && form.id().equals(f.form())).toList();
            for (FieldDefinition reference : references) {
                if (!FormAccess.mayRead(reference, actor)) {
                    continue;
                }
                RelatedTab tab = tab(tabs, other, reference, references.size() > 1, formatter.locale());
                LazyTabs.add(tabs, tab.label(), "related-" + tab.key(),
                        () -> content(records, actor, other, reference, id, formatter, tab));
            }
        }
    }

    /**
     * What a tab is called and the suffix of its ids. A form pointing here once gets one tab named after the form
     * (客户推荐, ids {@code related-<form>}); a form pointing here through several fields — a referral's 推荐人 and
     * 被推荐客户 — gets one tab per field, named after the form and the field (客户推荐（推荐人）), ids
     * {@code related-<form>-<field>}, so the customer sees which side of each record they are on.
     *
     * @param label what the tab and its "new" button call the related records
     * @param key the suffix of the tab's, grid's, cards' and button's ids
     */
    record RelatedTab(String label, String key) {
    }

    private static RelatedTab tab(Component within, FormDefinition other, FieldDefinition reference,
                                  boolean oneOfSeveral, Locale locale) {
        String formLabel = other.label().isEmpty() ? other.id() : other.label().in(locale);
        if (!oneOfSeveral) {
            return new RelatedTab(formLabel, other.id());
        }
        String fieldLabel = reference.label().isEmpty() ? reference.id() : reference.label().in(locale);
        return new RelatedTab(within.getTranslation("views.related.byField", formLabel, fieldLabel),
                other.id() + "-" + reference.id());
    }

    private static VerticalLayout content(Records records, Actor actor, FormDefinition other,
                                          FieldDefinition reference, long id, ValueFormatter formatter,
                                          RelatedTab tab) {
        if (ScreenWidth.narrow(UI.getCurrent())) {
            return withNewButton(records, actor, other, reference, id, tab, cards(records, actor, other, reference,
                    id, formatter, tab));
        }
        Grid<Record> grid = new Grid<>();
        grid.setId("related-grid-" + tab.key());
        for (FieldDefinition f : FormAccess.listableFields(other, actor)) {
            if (f.showInList() && !f.id().equals(reference.id())) {
                grid.addColumn(r -> formatter.format(f, r.get(f.id())))
                        .setHeader(f.label().in(formatter.locale())).setAutoWidth(true);
            }
        }
        grid.setItems((CallbackDataProvider.FetchCallback<Record, Void>) page -> {
            var rows = page(records, actor, other, reference, id, page.getOffset(), page.getLimit());
            formatter.references().prefetch(other, rows);
            return rows.stream();
        });
        grid.setHeight("18em");
        grid.addItemClickListener(click -> UI.getCurrent().navigate(
                RecordView.path(other.id(), String.valueOf(click.getItem().id()))));
        return withNewButton(records, actor, other, reference, id, tab, grid);
    }

    /** On a phone: the related records as cards (newest first), without the grid's sideways scrolling. */
    private static RecordCards cards(Records records, Actor actor, FormDefinition other, FieldDefinition reference,
                                     long id, ValueFormatter formatter, RelatedTab tab) {
        List<FieldDefinition> listable = FormAccess.listableFields(other, actor).stream()
                .filter(f -> !f.id().equals(reference.id())).toList();
        RecordCards cards = new RecordCards(other, listable,
                listable.stream().filter(FieldDefinition::showInList).map(FieldDefinition::id).toList(), formatter,
                (offset, limit) -> page(records, actor, other, reference, id, offset, limit));
        cards.setId("related-cards-" + tab.key());
        cards.setHeight("24em");
        return cards;
    }

    private static List<Record> page(Records records, Actor actor, FormDefinition other, FieldDefinition reference,
                                     long id, int offset, int limit) {
        RecordQuery query = RecordQuery.of(other.id())
                .where(Filter.of(reference.id(), Operator.EQUALS, id))
                .sortBy(Sort.desc(RecordDates.sortColumn(other)))
                .page(offset, Math.min(limit, RecordQuery.MAX_LIMIT));
        return records.query(actor, query);
    }

    private static VerticalLayout withNewButton(Records records, Actor actor, FormDefinition other,
                                                FieldDefinition reference, long id, RelatedTab tab, Component list) {
        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        if (FormAccess.mayWrite(other, actor) && FormAccess.mayEdit(other, reference, actor)) {
            Button create = new Button(content.getTranslation("views.related.new", tab.label()),
                    VaadinIcon.PLUS.create(),
                    click -> UI.getCurrent().navigate(RecordView.path(other.id(), RecordView.NEW),
                            QueryParameters.simple(Map.of(reference.id(), String.valueOf(id)))));
            create.setId("related-new-" + tab.key());
            content.add(create);
        }
        content.add(list);
        return content;
    }
}
