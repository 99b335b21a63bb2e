package io.kehu.plugins.survey;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.PluginMessages;
import io.kehu.sdk.records.SavedViewInfo;
import io.kehu.sdk.ui.ViewContribution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code apps/survey/campaigns} (managers, admins): start a campaign — a survey to every customer or one tier, one
 * personal link each, optionally a public link — and follow each campaign's progress (sent, opened, answered,
 * response rate), reminding the people who look after customers who have not answered.
 */
@Extension
public class CampaignsView implements ViewContribution {

    static final String PATH = "campaigns";
    private static final String EVERYONE = "*";
    private static final String NOBODY = "-";
    /** Prefix of a saved view's value in the audience choice (tier values are option values: no colon). */
    private static final String VIEW = "view:";

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public LocalText title() {
        return LocalText.of("调查活动", "Survey campaigns");
    }

    @Override
    public Set<String> roles() {
        return Set.of("MANAGER", "ADMIN");
    }

    @Override
    public Component create(PluginContext context) {
        Locale locale = Texts.locale();
        PluginMessages m = context.messages();
        VerticalLayout page = new VerticalLayout();
        page.setId("survey-campaigns");
        page.setMaxWidth("60rem");
        Div list = new Div();
        list.setId("campaign-list");
        list.setWidthFull();
        Div result = new Div();
        result.setId("campaign-result");
        result.setWidthFull();
        Runnable refresh = () -> CampaignCards.fill(context, list, locale);
        page.add(new H3(m.get("campaign.start", locale)), starter(context, locale, result, refresh), result,
                new H3(m.get("campaign.list", locale)), list);
        refresh.run();
        return page;
    }

    private static Component starter(PluginContext context, Locale locale, Div result, Runnable refresh) {
        PluginMessages m = context.messages();
        List<Survey> surveys = new SurveyCatalog(context).all();
        Div form = new Div();
        form.setWidthFull();
        if (surveys.isEmpty()) {
            Paragraph none = new Paragraph(m.get("campaign.noSurvey", locale));
            none.setId("campaign-no-survey");
            form.add(none);
            return form;
        }
        TextField name = new TextField(m.get("campaign.name", locale));
        name.setId("campaign-name");
        name.setWidthFull();
        name.setMaxLength(120);
        Select<String> survey = new Select<>();
        survey.setId("campaign-survey");
        survey.setLabel(m.get("campaign.survey", locale));
        survey.setItems(surveys.stream().map(Survey::key).toList());
        survey.setItemLabelGenerator(k -> surveys.stream().filter(s -> s.key().equals(k)).findFirst()
                .map(s -> s.current().title().in(locale)).orElse(k));
        survey.setValue(surveys.getFirst().key());
        Select<String> audience = new Select<>();
        audience.setId("campaign-audience");
        audience.setLabel(m.get("campaign.audience", locale));
        List<String> tiers = new ArrayList<>();
        tiers.add(EVERYONE);
        tiers.add(NOBODY);
        context.definitions().form("customer").flatMap(f -> f.field(Campaigns.TIER_FIELD))
                .ifPresent(f -> tiers.addAll(f.options()));
        // the starter's saved customer list views (own and shared with their role), e.g. "华东重点客户"
        Map<String, SavedViewInfo> views = new LinkedHashMap<>();
        context.recordsOfCurrentUser().savedViews("customer").forEach(v -> views.put(VIEW + v.id(), v));
        tiers.addAll(views.keySet());
        audience.setItems(tiers);
        audience.setItemLabelGenerator(t -> segment(t, views).describe(context).in(locale));
        audience.setValue(EVERYONE);
        IntegerField days = new IntegerField(m.get("campaign.days", locale));
        days.setId("campaign-days");
        days.setMin(1);
        days.setMax(365);
        days.setValue(14);
        days.setStepButtonsVisible(true);
        Checkbox publicLink = new Checkbox(m.get("campaign.public", locale));
        publicLink.setId("campaign-public");
        // offered only where the platform has a mail server; customers without an address are counted after
        Checkbox mail = new Checkbox(m.get(context.mail().configured() ? "campaign.mail" : "campaign.mailOff",
                locale));
        mail.setId("campaign-mail");
        mail.setEnabled(context.mail().configured());
        // offered only where the admin configured an SMS gateway (plugin settings)
        java.util.Optional<SmsGateway> gateway = SmsGateway.configured(context);
        Checkbox sms = new Checkbox(m.get(gateway.isPresent() ? "campaign.sms" : "campaign.smsOff", locale));
        sms.setId("campaign-sms");
        sms.setEnabled(gateway.isPresent());
        Button start = new Button(m.get("campaign.send", locale));
        start.setId("campaign-send");
        start.addClickListener(e -> {
            result.removeAll();
            Integer d = days.getValue();
            if (d == null || d < 1 || d > 365) {
                result.add(problem(m.get("campaign.daysInvalid", locale)));
                return;
            }
            try {
                Campaigns.Started started = new Campaigns(context).start(name.getValue(), survey.getValue(),
                        segment(audience.getValue(), views), Duration.ofDays(d), publicLink.getValue());
                if (mail.getValue()) {
                    CampaignMails.Sent sent = CampaignMails.send(context, started, new SurveyCatalog(context)
                            .get(survey.getValue()).orElseThrow().current(), d);
                    Paragraph mailed = new Paragraph(m.get("campaign.mailed", locale, sent.mailed(),
                            sent.withoutAddress()));
                    mailed.setId("campaign-mailed");
                    result.add(mailed);
                }
                if (sms.getValue() && gateway.isPresent()) {
                    CampaignSms.Sent sent = CampaignSms.send(gateway.get(), context, started,
                            new SurveyCatalog(context).get(survey.getValue()).orElseThrow().current(), d);
                    Paragraph texted = new Paragraph(m.get("campaign.texted", locale, sent.sent(),
                            sent.withoutPhone(), sent.failed().size()));
                    texted.setId("campaign-texted");
                    result.add(texted);
                }
                result.add(CampaignLinks.of(context, started, locale));
                name.clear();
                refresh.run();
            } catch (Campaigns.Refusal refusal) {
                result.add(problem(refusal.text().in(locale)));
            }
        });
        form.add(name, survey, audience, days, publicLink, mail, sms, start);
        form.getChildren().forEach(c -> c.getElement().getStyle().set("display", "block").set("margin-bottom",
                "0.5em"));
        return form;
    }

    private static Campaigns.Segment segment(String value, Map<String, SavedViewInfo> views) {
        if (value != null && views.containsKey(value)) {
            SavedViewInfo view = views.get(value);
            return Campaigns.Segment.ofView(view.id(), view.name());
        }
        return value == null || EVERYONE.equals(value) ? Campaigns.Segment.everyone()
                : NOBODY.equals(value) ? Campaigns.Segment.nobody() : Campaigns.Segment.ofTier(value);
    }

    private static Paragraph problem(String text) {
        Paragraph p = new Paragraph(text);
        p.setId("campaign-problem");
        p.getStyle().set("color", "var(--lumo-error-text-color)");
        return p;
    }
}
