package io.kehu.platform.views;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.Record;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.IntConsumer;

/**
 * The list of a form on a phone: one card per record instead of a grid row that would need sideways scrolling. A card
 * shows the record's title, up to three of the list's columns (label and formatted value) and its phone numbers and
 * e-mail addresses as tap-to-call and tap-to-write links; tapping the rest of the card opens the record. Like the grid
 * it is lazy: it asks its owner (the list view, a record's related-records tab) for one page at a time, through the
 * same query as the grid (filters, search, sort, permissions). The related-records tab on a phone uses it too. For
 * bulk actions the list can switch the cards to choosing ({@link #choosing(boolean, IntConsumer)}): a tick box per
 * card, as the grid's selection column on a desktop.
 */
final class RecordCards extends VirtualList<Record> {

    /** How many list columns a card shows besides the title: more would make a card a screen tall. */
    static final int KEY_FIELDS = 3;
    /** How many phone/e-mail links a card offers. */
    static final int CONTACTS = 2;

    private final FormDefinition form;
    private final List<FieldDefinition> keyFields;
    private final List<FieldDefinition> contacts;
    private final ValueFormatter formatter;
    /**
     * The records ticked while choosing cards for a bulk action, by id in the order they were ticked; {@code null}
     * while a tap on a card opens its record.
     */
    private Map<Long, Record> chosen;
    private IntConsumer chosenCount = n -> { };

    /**
     * @param listable the fields the user may read, in form order
     * @param columns the list columns in the order the grid shows them (the card's key fields are the first ones)
     * @param page loads a page of records: offset and limit
     */
    RecordCards(FormDefinition form, List<FieldDefinition> listable, List<String> columns, ValueFormatter formatter,
                BiFunction<Integer, Integer, List<Record>> page) {
        this(form, listable, columns, Set.of(), formatter, page);
    }

    /**
     * As above, where {@code contributed} names the list columns plugins add (a risk score, a points balance): each
     * shown one is a line of its own after the key fields, so a phone shows the figure the list was filtered by.
     */
    RecordCards(FormDefinition form, List<FieldDefinition> listable, List<String> columns, Set<String> contributed,
                ValueFormatter formatter, BiFunction<Integer, Integer, List<Record>> page) {
        this.form = form;
        this.formatter = formatter;
        this.contacts = listable.stream().filter(ContactLinks::linked).limit(CONTACTS).toList();
        List<FieldDefinition> shown = columns.stream()
                .flatMap(c -> listable.stream().filter(f -> f.id().equals(c)))
                .filter(f -> !f.id().equals(form.titleField()) && !contacts.contains(f))
                .toList();
        List<FieldDefinition> lines = new ArrayList<>(shown.stream().filter(f -> !contributed.contains(f.id()))
                .limit(KEY_FIELDS).toList());
        shown.stream().filter(f -> contributed.contains(f.id())).forEach(lines::add);
        this.keyFields = List.copyOf(lines);
        setId("record-cards");
        addClassName("kehu-cards");
        List<String> needed = new ArrayList<>();
        needed.add(form.titleField());
        keyFields.forEach(f -> needed.add(f.id()));
        contacts.forEach(f -> needed.add(f.id()));
        needed.removeIf(Objects::isNull);
        setRenderer(new ComponentRenderer<>(this::card));
        setDataProvider(DataProvider.fromCallbacks(query -> {
            List<Record> rows = page.apply(query.getOffset(), query.getLimit());
            formatter.references().prefetch(form, rows);
            return rows.stream().map(r -> r.only(needed)); // cards keep their pages: keep only what they show
        }, query -> {
            throw new IllegalStateException("the cards never count the table: their size is undefined");
        }));
        getDataCommunicator().setDefinedSize(false); // no COUNT(*): grows as pages arrive, like the grid
    }

    /** How many records the list probably has, for the first scroll height (the store's estimate). */
    void estimate(int count) {
        getDataCommunicator().setItemCountEstimate(Math.max(1, count));
    }

    /**
     * Starts or ends choosing: while choosing, each card has a tick box and a tap anywhere on it (but its phone and
     * e-mail links) ticks it instead of opening the record; {@code count} hears how many are ticked after each tap.
     */
    void choosing(boolean on, IntConsumer count) {
        chosen = on ? new LinkedHashMap<>() : null;
        chosenCount = on ? count : n -> { };
        getDataProvider().refreshAll();
        count.accept(0);
    }

    boolean choosing() {
        return chosen != null;
    }

    /** The ticked records (as the list shows them: id, version and the shown values); empty while not choosing. */
    Set<Record> chosen() {
        return chosen == null ? Set.of() : new LinkedHashSet<>(chosen.values());
    }

    /** Unticks every card, e.g. after a bulk action changed the list. */
    void clearChosen() {
        if (chosen != null) {
            chosen.clear();
            getDataProvider().refreshAll();
            chosenCount.accept(0);
        }
    }

    /** The fields a card shows as lines under its title. */
    List<FieldDefinition> keyFields() {
        return keyFields;
    }

    /** The card of {@code record} as the list renders it (package-private for view tests: Karibu does not render
     * a virtual list). */
    Component card(Record record) {
        com.vaadin.flow.component.HasComponents open = chosen == null
                ? new RouterLink(RecordView.class,
                        new RouteParameters(Map.of("form", form.id(), "id", String.valueOf(record.id()))))
                : new Div();
        ((Component) open).addClassName("kehu-card-open");
        Span title = new Span(ReferenceTitles.titleOf(form, record));
        title.addClassName("kehu-card-title");
        open.add(title);
        for (FieldDefinition f : keyFields) {
            String value = formatter.format(f, record.get(f.id()));
            if (!value.isEmpty()) {
                Span label = new Span(f.label().isEmpty() ? f.id() : f.label().in(formatter.locale()));
                label.addClassName("kehu-card-label");
                Div line = new Div(label, new Span(value));
                line.addClassName("kehu-card-line");
                open.add(line);
            }
        }
        Div card = new Div((Component) open);
        card.addClassName("kehu-card");
        card.setId("record-card-" + record.id());
        if (chosen != null) {
            tickBox(card, (Div) open, record);
        }
        Div links = new Div();
        links.addClassName("kehu-card-contacts");
        for (FieldDefinition f : contacts) {
            Object value = record.get(f.id());
            var link = ContactLinks.anchor(f, value, formatter.format(f, value));
            if (link != null) {
                link.setId("card-" + f.id() + "-" + record.id());
                links.add(link);
            }
        }
        if (links.getChildren().findAny().isPresent()) {
            card.add(links);
        }
        return card;
    }

    /** While choosing: a tick box before the card's text, and a tap on the text ticks it too. */
    private void tickBox(Div card, Div text, Record record) {
        Checkbox tick = new Checkbox(chosen.containsKey(record.id()));
        tick.setId("card-choose-" + record.id());
        tick.addClassName("kehu-card-tick");
        tick.setAriaLabel(getTranslation("mobile.choose", ReferenceTitles.titleOf(form, record)));
        card.addClassName("kehu-card-choosing");
        card.setClassName("kehu-card-chosen", tick.getValue());
        tick.addValueChangeListener(change -> {
            if (chosen == null) {
                return;
            }
            if (change.getValue()) {
                chosen.put(record.id(), record);
            } else {
                chosen.remove(record.id());
            }
            card.setClassName("kehu-card-chosen", change.getValue());
            chosenCount.accept(chosen.size());
        });
        text.addClickListener(click -> tick.setValue(!tick.getValue()));
        Div row = new Div(tick, text);
        row.addClassName("kehu-card-choose-row");
        card.addComponentAsFirst(row);
    }
}
