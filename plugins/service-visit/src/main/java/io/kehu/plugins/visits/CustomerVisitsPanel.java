package io.kehu.plugins.visits;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.ui.RecordPanel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * The "Service visits" tab of a customer: the visits (newest first, with their state) and the archive of the
 * customer's feedback cards (rating, comment, when). Read as the signed-in user.
 */
@Extension
public class CustomerVisitsPanel implements RecordPanel {

    @Override
    public String formId() {
        return VisitForms.CUSTOMER;
    }

    @Override
    public LocalText title() {
        return LocalText.of("上门服务", "Service visits");
    }

    @Override
    public Component create(PluginContext context, long recordId) {
        Locale locale = TodayView.locale();
        Div panel = new Div();
        panel.setId("visits-panel");
        List<RecordData> visits = context.recordsOfCurrentUser().search(VisitForms.VISIT)
                .where("customer", FilterOperator.EQUALS, recordId).sortBy("planned_start", true).limit(100).list();
        panel.add(new H4(context.messages().get("panel.visits", locale) + "（" + visits.size() + "）"));
        if (visits.isEmpty()) {
            Paragraph none = new Paragraph(context.messages().get("panel.no.visits", locale));
            none.setId("visits-panel-empty");
            panel.add(none);
        } else {
            UnorderedList list = new UnorderedList();
            list.setId("visits-panel-visits");
            visits.forEach(v -> list.add(new ListItem(Texts.span((OffsetDateTime) v.get("planned_start"),
                    (OffsetDateTime) v.get("planned_end")) + " · " + v.get("subject") + " · "
                    + Texts.status(context, v.get("status"), locale))));
            panel.add(list);
        }
        List<RecordData> cards = context.recordsOfCurrentUser().search(VisitForms.FEEDBACK)
                .where("customer", FilterOperator.EQUALS, recordId).sortBy("submitted_at", true).limit(200).list();
        panel.add(new H4(context.messages().get("panel.feedback", locale) + "（" + cards.size() + "）"));
        if (cards.isEmpty()) {
            Paragraph none = new Paragraph(context.messages().get("panel.no.feedback", locale));
            none.setId("feedback-panel-empty");
            panel.add(none);
        } else {
            UnorderedList list = new UnorderedList();
            list.setId("visits-panel-feedback");
            cards.forEach(c -> list.add(new ListItem(context.messages().get("panel.feedback.line", locale,
                    Texts.dayTime((OffsetDateTime) c.get("submitted_at")), c.get("rating"),
                    c.get("comment") == null ? "—" : c.get("comment")))));
            panel.add(list);
        }
        return panel;
    }
}
