package io.kehu.plugins.visits;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.users.UserInfo;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Booking by hand on the review page: customer (searched by name, lazily), type, visitor, day and the customer's
 * preferred window, then an exact time among the visitor's free half hours in that window (shown with the window and
 * how many are free) or, left open, the first of them; the server's overlap check still has the last word. Fires {@code onBooked} after a booking.
 */
final class BookingForm extends Div {

    BookingForm(PluginContext context, Locale locale, Runnable onBooked) {
        setId("booking-form");
        ComboBox<RecordData> customer = new ComboBox<>(context.messages().get("book.customer", locale));
        customer.setId("book-customer");
        customer.setItems((CallbackDataProvider.FetchCallback<RecordData, String>) query -> context
                .recordsOfCurrentUser().search(VisitForms.CUSTOMER).text(query.getFilter().orElse(""))
                .fields("name").sortBy("name", false).offset(query.getOffset())
                .limit(Math.min(Math.max(query.getLimit(), 1), 200)).list().stream());
        customer.setItemLabelGenerator(c -> c == null ? "" : String.valueOf(c.get("name")));
        Select<RecordData> type = new Select<>();
        type.setId("book-type");
        type.setLabel(context.messages().get("book.type", locale));
        type.setItems(VisitCatalog.of(context).types());
        type.setItemLabelGenerator(t -> t == null ? "" : Texts.typeName(t, locale));
        Select<UserInfo> visitor = new Select<>();
        visitor.setId("book-visitor");
        visitor.setLabel(context.messages().get("book.visitor", locale));
        visitor.setItems(context.users().enabled());
        visitor.setItemLabelGenerator(u -> u == null ? "" : u.displayName());
        // or a team: the visit waits for one of the manager's team to pick it up (TeamPool)
        Select<UserInfo> team = new Select<>();
        team.setId("book-team");
        team.setLabel(context.messages().get("book.team", locale));
        team.setEmptySelectionAllowed(true);
        team.setEmptySelectionCaption(context.messages().get("book.team.none", locale));
        team.setItems(context.users().enabled().stream().filter(u -> !context.users().team(u.id()).isEmpty())
                .toList());
        team.setItemLabelGenerator(u -> u == null ? context.messages().get("book.team.none", locale)
                : context.messages().get("book.team.of", locale, u.displayName()));
        DatePicker day = new DatePicker(context.messages().get("book.day", locale));
        day.setId("book-day");
        day.setMin(LocalDate.now(Texts.ZONE));
        Select<PreferredWindow> window = new Select<>();
        window.setId("book-window");
        window.setLabel(context.messages().get("book.window", locale));
        window.setItems(List.of(PreferredWindow.values()));
        window.setItemLabelGenerator(w -> w == null ? "" : context.messages().get("window." + w.code(), locale));
        window.setValue(PreferredWindow.ANY);
        // an exact time: the person's free half hours on that day inside the customer's window (else the first)
        Select<OffsetDateTime> time = new Select<>();
        time.setId("book-time");
        time.setLabel(context.messages().get("book.time", locale));
        time.setEmptySelectionAllowed(true);
        time.setEmptySelectionCaption(context.messages().get("book.time.first", locale));
        Runnable slots = () -> {
            time.clear();
            if (type.getValue() == null || day.getValue() == null || window.getValue() == null) {
                time.setItems(List.of());
                time.setHelperText(context.messages().get("book.time.choose", locale));
                return;
            }
            java.time.Duration length = VisitPlanner.duration(type.getValue());
            Long person = visitor.getValue() == null ? null : visitor.getValue().id();
            OffsetDateTime now = OffsetDateTime.now();
            List<OffsetDateTime> free = new VisitPlanner(context, context.records())
                    .freeStarts(person, day.getValue(), window.getValue(), length).stream()
                    .filter(s -> s.isAfter(now)).toList();
            time.setItems(free);
            time.setItemLabelGenerator(s -> s == null ? context.messages().get("book.time.first", locale)
                    : Texts.time(s) + "–" + Texts.time(s.plus(length)));
            String windowName = context.messages().get("window." + window.getValue().code(), locale);
            time.setHelperText(free.isEmpty() ? context.messages().get("book.time.none", locale, windowName)
                    : context.messages().get("book.time.help", locale, windowName, free.size()));
        };
        type.addValueChangeListener(e -> slots.run());
        visitor.addValueChangeListener(e -> slots.run());
        day.addValueChangeListener(e -> slots.run());
        window.addValueChangeListener(e -> slots.run());
        slots.run();
        Paragraph outcome = new Paragraph();
        outcome.setId("book-outcome");
        Button book = new Button(context.messages().get("book.submit", locale), e -> {
            if (customer.getValue() == null || type.getValue() == null
                    || (visitor.getValue() == null && team.getValue() == null) || day.getValue() == null) {
                outcome.setText(context.messages().get("book.missing", locale));
                return;
            }
            VisitPlanner planner = new VisitPlanner(context, context.recordsOfCurrentUser());
            Long person = visitor.getValue() == null ? null : visitor.getValue().id();
            Long lead = team.getValue() == null ? null : team.getValue().id();
            Optional<OffsetDateTime> start = time.getValue() != null ? Optional.of(time.getValue())
                    : planner.firstFreeStart(person, day.getValue(), window.getValue(),
                            VisitPlanner.duration(type.getValue()));
            if (start.isEmpty()) {
                outcome.setText(context.messages().get("book.full", locale));
                return;
            }
            try {
                RecordData visit = planner.book(new Booking(customer.getValue().id(), type.getValue().id(),
                        person, start.get(), window.getValue(), "manual", null, lead));
                outcome.setText(context.messages().get("book.done", locale, visit.get("subject"),
                        Texts.span((OffsetDateTime) visit.get("planned_start"),
                                (OffsetDateTime) visit.get("planned_end"))));
                onBooked.run();
                slots.run();
            } catch (RecordException ex) {
                outcome.setText(ex.message(locale));
            }
        });
        book.setId("book-submit");
        book.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout fields = new HorizontalLayout(customer, type, visitor, team, day, window, time, book);
        fields.setWrap(true);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H3(context.messages().get("book.title", locale)), fields, outcome);
    }
}
