package io.kehu.plugins.survey;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.PluginMessages;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.ui.ViewContribution;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.pf4j.Extension;

/**
 * {@code apps/survey/entry}: staff fill a survey for a customer during a phone revisit or an interview. The response
 * is written with the staff member's permissions and audited under them; they count as the handler, so a low score
 * goes to someone else. One submission key per filled form: a double click stores one response.
 */
@Extension
public class StaffEntryView implements ViewContribution {

    static final String PATH = "entry";

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public LocalText title() {
        return LocalText.of("回访录入", "Enter a revisit");
    }

    @Override
    public Set<String> roles() {
        return Set.of("STAFF", "MANAGER", "ADMIN");
    }

    @Override
    public Component create(PluginContext context) {
        return new Screen(context, Texts.locale());
    }

    /** The entry screen; one per user's page. */
    static final class Screen extends VerticalLayout {

        private final PluginContext context;
        private final Locale locale;
        private final PluginMessages m;
        private final Div formArea = new Div();
        private final Paragraph status = new Paragraph();
        private final ComboBox<RecordData> customer = new ComboBox<>();
        private final Select<String> channel = new Select<>();
        private final TextField campaign = new TextField();
        private Survey survey;
        private AnswerForm form;
        private String submissionKey = UUID.randomUUID().toString();

        Screen(PluginContext context, Locale locale) {
            this.context = context;
            this.locale = locale;
            this.m = context.messages();
            setId("survey-entry");
            setMaxWidth("40rem");
            setPadding(true);
            add(new H3(m.get("entry.title", locale)));
            List<Survey> surveys = new SurveyCatalog(context).all();
            if (surveys.isEmpty()) {
                Paragraph empty = new Paragraph(m.get("entry.empty", locale));
                empty.setId("survey-entry-empty");
                add(empty);
                return;
            }
            Select<String> which = new Select<>();
            which.setId("survey-entry-survey");
            which.setLabel(m.get("entry.survey", locale));
            which.setItems(surveys.stream().map(Survey::key).toList());
            which.setItemLabelGenerator(k -> surveys.stream().filter(s -> s.key().equals(k)).findFirst()
                    .map(s -> s.current().title().in(locale)).orElse(k));
            which.setWidthFull();
            customer.setId("survey-entry-customer");
            customer.setLabel(m.get("entry.customer", locale));
            customer.setWidthFull();
            customer.setItemLabelGenerator(r -> String.valueOf(r.get("name")));
            customer.setItems(query -> context.recordsOfCurrentUser().search("customer")
                    .text(query.getFilter().orElse("")).fields("name").sortBy("name", false)
                    .offset(query.getOffset()).limit(query.getLimit()).list().stream());
            channel.setId("survey-entry-channel");
            channel.setLabel(m.get("entry.channel", locale));
            channel.setItems("phone", "interview");
            channel.setItemLabelGenerator(c -> m.get("channel." + c, locale));
            channel.setValue("phone");
            campaign.setId("survey-entry-campaign");
            campaign.setLabel(m.get("entry.campaign", locale));
            campaign.setWidthFull();
            formArea.setWidthFull();
            status.setId("survey-entry-status");
            Button submit = new Button(m.get("entry.submit", locale), e -> submit());
            submit.setId("survey-entry-submit");
            submit.setDisableOnClick(true);
            submit.addClickListener(e -> submit.setEnabled(true));
            which.addValueChangeListener(e -> show(surveys.stream().filter(s -> s.key().equals(e.getValue()))
                    .findFirst().orElse(null)));
            add(which, customer, channel, campaign, formArea, submit, status);
            which.setValue(surveys.getFirst().key());
        }

        private void show(Survey chosen) {
            survey = chosen;
            formArea.removeAll();
            form = chosen == null ? null : new AnswerForm(chosen.current(), locale);
            if (form != null) {
                formArea.add(form);
            }
        }

        /** What the submit button does; also called by tests. */
        void submit() {
            if (survey == null || form == null) {
                return;
            }
            if (customer.getValue() == null) {
                status.setText(m.get("entry.noCustomer", locale));
                return;
            }
            SurveyService.Result r = new SurveyService(context).submit(new Submission(survey.key(),
                    customer.getValue().id(), campaign.getValue(), null, null, channel.getValue(),
                    context.currentUsername().orElse(null), form.answers(), submissionKey),
                    context.recordsOfCurrentUser());
            if (!r.stored()) {
                status.setText(r.problems().stream().map(p -> p.in(locale)).collect(Collectors.joining("；")));
                return;
            }
            status.setText(r.followUpTask() != null ? m.get("entry.savedLow", locale) : m.get("entry.saved", locale));
            submissionKey = UUID.randomUUID().toString();
            show(survey);
        }

        AnswerForm form() {
            return form;
        }

        void customer(RecordData record) {
            customer.setValue(record);
        }
    }
}
