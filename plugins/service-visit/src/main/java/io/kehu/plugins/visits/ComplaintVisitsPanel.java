package io.kehu.plugins.visits;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.ui.RecordPanel;
import io.kehu.sdk.users.UserInfo;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * The "上门处理" tab of a complaint (客户反馈): the visits booked to resolve it on site, with their state and visitor,
 * and booking one — type 投诉上门处理 and the complaint's handler proposed, the customer taken from the complaint, at
 * the visitor's first free half hour in the customer's window (the overlap check under the visitor's lock has the last
 * word). The visit remembers the complaint ({@code service_visit.complaint}, origin 投诉) and, once the customer signs,
 * the handler is told ({@link VisitRules#afterSave}).
 */
@Extension
public class ComplaintVisitsPanel implements RecordPanel {

    static final String COMPLAINT = "feedback";

    @Override
    public String formId() {
        return COMPLAINT;
    }

    @Override
    public LocalText title() {
        return LocalText.of("上门处理", "On-site visits");
    }

    @Override
    public Component create(PluginContext context, long recordId) {
        Locale locale = TodayView.locale();
        Div panel = new Div();
        panel.setId("complaint-visits");
        Div list = new Div();
        Runnable refresh = () -> visits(context, list, recordId, locale);
        refresh.run();
        panel.add(list);
        context.recordsOfCurrentUser().get(COMPLAINT, recordId)
                .ifPresent(complaint -> panel.add(bookingForm(context, complaint, locale, refresh)));
        return panel;
    }

    private static void visits(PluginContext context, Div area, long complaintId, Locale locale) {
        area.removeAll();
        List<RecordData> visits = context.recordsOfCurrentUser().search(VisitForms.VISIT)
                .where("complaint", FilterOperator.EQUALS, complaintId).sortBy("planned_start", true).limit(100)
                .list();
        area.add(new H4(context.messages().get("complaint.visits", locale, visits.size())));
        if (visits.isEmpty()) {
            Paragraph none = new Paragraph(context.messages().get("complaint.none", locale));
            none.setId("complaint-visits-empty");
            area.add(none);
            return;
        }
        UnorderedList items = new UnorderedList();
        items.setId("complaint-visits-list");
        for (RecordData v : visits) {
            String visitor = v.get("visitor") instanceof Long id ? context.users().byId(id).map(UserInfo::displayName)
                    .orElse("") : context.messages().get("review.unassigned", locale);
            items.add(new ListItem(Texts.span((OffsetDateTime) v.get("planned_start"),
                    (OffsetDateTime) v.get("planned_end")) + " · " + visitor + " · "
                    + Texts.status(context, v.get("status"), locale)));
        }
        area.add(items);
    }

    private static Div bookingForm(PluginContext context, RecordData complaint, Locale locale, Runnable onBooked) {
        Div form = new Div();
        Select<RecordData> type = new Select<>();
        type.setId("complaint-book-type");
        type.setLabel(context.messages().get("book.type", locale));
        List<RecordData> types = VisitCatalog.of(context).types();
        type.setItems(types);
        type.setItemLabelGenerator(t -> t == null ? "" : Texts.typeName(t, locale));
        types.stream().filter(t -> "complaint".equals(t.get("kind"))).findFirst().ifPresent(type::setValue);
        Select<UserInfo> visitor = new Select<>();
        visitor.setId("complaint-book-visitor");
        visitor.setLabel(context.messages().get("book.visitor", locale));
        List<UserInfo> users = context.users().enabled();
        visitor.setItems(users);
        visitor.setItemLabelGenerator(u -> u == null ? "" : u.displayName());
        if (complaint.get("handler") instanceof Long handler) {
            users.stream().filter(u -> u.id() == handler).findFirst().ifPresent(visitor::setValue);
        }
        DatePicker day = new DatePicker(context.messages().get("book.day", locale));
        day.setId("complaint-book-day");
        day.setMin(LocalDate.now(Texts.ZONE));
        Select<PreferredWindow> window = new Select<>();
        window.setId("complaint-book-window");
        window.setLabel(context.messages().get("book.window", locale));
        window.setItems(List.of(PreferredWindow.values()));
        window.setItemLabelGenerator(w -> w == null ? "" : context.messages().get("window." + w.code(), locale));
        window.setValue(PreferredWindow.ANY);
        Paragraph outcome = new Paragraph();
        outcome.setId("complaint-book-outcome");
        Button book = new Button(context.messages().get("complaint.book", locale), e -> {
            if (!(complaint.get("customer") instanceof Long customer)) {
                outcome.setText(context.messages().get("complaint.no.customer", locale));
                return;
            }
            if (type.getValue() == null || visitor.getValue() == null || day.getValue() == null) {
                outcome.setText(context.messages().get("complaint.missing", locale));
                return;
            }
            VisitPlanner planner = new VisitPlanner(context, context.recordsOfCurrentUser());
            Optional<OffsetDateTime> start = planner.firstFreeStart(visitor.getValue().id(), day.getValue(),
                    window.getValue(), VisitPlanner.duration(type.getValue()));
            if (start.isEmpty()) {
                outcome.setText(context.messages().get("book.full", locale));
                return;
            }
            try {
                RecordData visit = planner.book(new Booking(customer, type.getValue().id(), visitor.getValue().id(),
                        start.get(), window.getValue(), "complaint", complaint.id()));
                outcome.setText(context.messages().get("book.done", locale, visit.get("subject"),
                        Texts.span((OffsetDateTime) visit.get("planned_start"),
                                (OffsetDateTime) visit.get("planned_end"))));
                onBooked.run();
            } catch (RecordException ex) {
                outcome.setText(ex.message(locale));
            }
        });
        book.setId("complaint-book-submit");
        book.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout fields = new HorizontalLayout(type, visitor, day, window, book);
        fields.setWrap(true);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.add(new H4(context.messages().get("complaint.book.title", locale)), fields, outcome);
        return form;
    }
}
