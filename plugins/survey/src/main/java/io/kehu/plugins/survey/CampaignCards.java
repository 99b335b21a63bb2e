package io.kehu.plugins.survey;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.PluginMessages;
import io.kehu.sdk.records.RecordData;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The campaigns with their progress, newest first, each with a button to remind about customers not answered. */
final class CampaignCards {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private CampaignCards() {
    }

    static void fill(PluginContext context, Div list, Locale locale) {
        PluginMessages m = context.messages();
        list.removeAll();
        List<RecordData> campaigns = new Campaigns(context).all();
        Paragraph count = new Paragraph(m.get("campaign.count", locale, campaigns.size()));
        count.setId("campaign-count");
        list.add(count);
        if (campaigns.isEmpty()) {
            Paragraph empty = new Paragraph(m.get("campaign.empty", locale));
            empty.setId("campaign-empty");
            list.add(empty);
            return;
        }
        // every card's progress from the same two grouped queries, not four counts per card
        var progress = new Campaigns(context).progress(campaigns.stream().map(c -> (String) c.get("name")).toList());
        for (RecordData c : campaigns) {
            list.add(card(context, c, progress.get((String) c.get("name")), locale));
        }
    }

    private static Div card(PluginContext context, RecordData c, Campaigns.Progress p, Locale locale) {
        PluginMessages m = context.messages();
        String name = (String) c.get("name");
        Div card = new Div();
        card.setId("campaign-" + c.id());
        card.getStyle().set("border-bottom", "1px solid var(--lumo-contrast-10pct)").set("padding", "0.5em 0");
        card.add(new H4(name));
        card.add(new Paragraph(m.get("campaign.about", locale, c.get("survey_title"), c.get("segment"),
                when(c.get("expires_at")))));
        Paragraph progress = new Paragraph(m.get("campaign.progress", locale, p.sent(), p.opened(), p.answered(),
                Texts.percent(p.rate())) + (c.get("public_token_hash") == null ? ""
                        : m.get("campaign.publicAnswers", locale, p.publicAnswers())));
        progress.setId("campaign-progress-" + c.id());
        card.add(progress);
        if (p.sent() > p.answered()) {
            Paragraph outcome = new Paragraph();
            outcome.setId("campaign-reminded-" + c.id());
            Button remind = new Button(m.get("campaign.remind", locale), e -> {
                Reminders.Sent sent = new Reminders(context).remind(name);
                outcome.setText(sent.customers() == 0 ? m.get("campaign.remindNone", locale)
                        : m.get("campaign.reminded", locale, sent.customers(), sent.notices()));
            });
            remind.setId("campaign-remind-" + c.id());
            card.add(remind, outcome);
        }
        return card;
    }

    private static String when(Object value) {
        OffsetDateTime t = value instanceof OffsetDateTime o ? o : OffsetDateTime.parse(String.valueOf(value));
        return t.atZoneSameInstant(ZoneId.systemDefault()).format(WHEN);
    }
}
