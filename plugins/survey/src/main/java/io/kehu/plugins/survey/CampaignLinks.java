package io.kehu.plugins.survey;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.PluginMessages;
import io.kehu.sdk.export.ExportColumn;
import io.kehu.sdk.export.ExportTable;
import io.kehu.sdk.export.PluginExports;
import java.util.List;
import java.util.Locale;

/**
 * The links of a campaign just started. Only the tokens' hashes are stored, so this is the one moment the links
 * exist in full: a spreadsheet of them (customer, phone, e-mail, link) and QR codes to print, the public link's
 * first. Customer names are shown as text, never as HTML.
 */
final class CampaignLinks {

    /** Personal links shown with their QR code on screen; the rest are in the spreadsheet. */
    static final int SHOWN = 20;

    private CampaignLinks() {
    }

    static Component of(PluginContext context, Campaigns.Started started, Locale locale) {
        PluginMessages m = context.messages();
        String campaign = (String) started.campaign().get("name");
        Div box = new Div();
        box.setId("campaign-links");
        box.setWidthFull();
        Paragraph done = new Paragraph(m.get("campaign.started", locale, campaign, started.links().size()));
        done.setId("campaign-started");
        box.add(done);
        if (started.publicToken() != null) {
            String url = LinkAddress.open(started.publicToken());
            Span link = new Span(url);
            link.setId("campaign-public-link");
            link.getStyle().set("word-break", "break-all");
            box.add(new H4(m.get("campaign.publicLink", locale)), link,
                    QrCodes.image(url, "12rem", m.get("campaign.qr", locale, campaign)));
        }
        if (started.links().isEmpty()) {
            return box;
        }
        Paragraph once = new Paragraph(m.get("campaign.once", locale));
        once.getStyle().set("font-weight", "600");
        List<Campaigns.Link> links = started.links();
        box.add(once, context.exports().downloadLink(() -> new ExportTable<Campaigns.Link>("survey-links-"
                + started.campaign().id(), List.of(
                        ExportColumn.of(m.get("campaign.col.customer", locale), Campaigns.Link::customerName),
                        ExportColumn.of(m.get("campaign.col.phone", locale), Campaigns.Link::phone),
                        ExportColumn.of(m.get("campaign.col.email", locale), Campaigns.Link::email),
                        ExportColumn.of(m.get("campaign.col.link", locale), l -> LinkAddress.personal(l.token()))),
                links::forEach), PluginExports.Format.XLSX, m.get("campaign.download", locale)));
        Div cards = new Div();
        cards.setId("campaign-link-cards");
        cards.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "1em");
        for (Campaigns.Link l : links.subList(0, Math.min(SHOWN, links.size()))) {
            String url = LinkAddress.personal(l.token());
            Div card = new Div(new Span(l.customerName()), QrCodes.image(url, "8rem",
                    m.get("campaign.qr", locale, l.customerName())));
            card.getStyle().set("display", "flex").set("flex-direction", "column").set("align-items", "center")
                    .set("width", "9rem");
            cards.add(card);
        }
        box.add(cards);
        if (links.size() > SHOWN) {
            box.add(new Paragraph(m.get("campaign.more", locale, links.size() - SHOWN)));
        }
        return box;
    }
}
