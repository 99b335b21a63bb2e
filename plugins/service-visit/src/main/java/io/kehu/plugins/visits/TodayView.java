package io.kehu.plugins.visits;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.ui.ViewContribution;
import io.kehu.sdk.users.UserInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * The visitor's phone screen (390×844 first): today's visits in order as cards (time, status, customer address as a
 * map link, tap-to-call), then one visit's checklist with autosave, the code of conduct, the customer's signature
 * and the feedback card. One column, full-width buttons of at least 48 px.
 */
@Extension
public class TodayView implements ViewContribution {

    static final String PATH = "today";

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public LocalText title() {
        return LocalText.of("我的今日上门", "My visits today");
    }

    @Override
    public Component create(PluginContext context) {
        Div screen = new Div();
        screen.setId("visits-today");
        screen.getStyle().set("max-width", "430px").set("margin", "0 auto").set("padding", "var(--lumo-space-s)");
        showToday(context, screen);
        return screen;
    }

    static Locale locale() {
        return UI.getCurrent() == null ? Locale.SIMPLIFIED_CHINESE : UI.getCurrent().getLocale();
    }

    static void showToday(PluginContext context, Div screen) {
        Locale locale = locale();
        screen.removeAll();
        LocalDate today = LocalDate.now(Texts.ZONE);
        H2 title = new H2(context.messages().get("today.title", locale));
        Span date = new Span(today.format(DateTimeFormatter.ofPattern(
                "zh".equals(locale.getLanguage()) ? "yyyy年M月d日 EEEE" : "EEEE, d MMMM yyyy", locale)));
        date.setId("today-date");
        screen.add(title, date);
        Long me = context.currentUsername().flatMap(u -> context.users().byUsername(u)).map(UserInfo::id).orElse(null);
        List<RecordData> visits = me == null ? List.of() : context.recordsOfCurrentUser().search(VisitForms.VISIT)
                .where("visitor", FilterOperator.EQUALS, me)
                .where("planned_start", FilterOperator.BETWEEN, today.atStartOfDay(Texts.ZONE).toOffsetDateTime(),
                        today.plusDays(1).atStartOfDay(Texts.ZONE).toOffsetDateTime().minusNanos(1000))
                .where("status", FilterOperator.NOT_EQUALS, VisitStatus.CANCELLED.code())
                .sortBy("planned_start", false).limit(100).list();
        Paragraph count = new Paragraph(visits.isEmpty() ? context.messages().get("today.empty", locale)
                : context.messages().get("today.count", locale, visits.size()));
        count.setId(visits.isEmpty() ? "today-empty" : "today-count");
        screen.add(count);
        for (RecordData visit : visits) {
            screen.add(card(context, screen, visit, locale));
        }
        if (me != null) {
            screen.add(new TeamPool(context).section(me, locale, () -> showToday(context, screen)));
        }
    }

    private static Div card(PluginContext context, Div screen, RecordData visit, Locale locale) {
        Div card = new Div();
        card.setId("visit-card-" + visit.id());
        card.addClassName("visit-card");
        card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "12px")
                .set("padding", "var(--lumo-space-m)").set("margin", "var(--lumo-space-s) 0");
        Span when = new Span(Texts.time((OffsetDateTime) visit.get("planned_start")) + "–"
                + Texts.time((OffsetDateTime) visit.get("planned_end")));
        when.getStyle().set("font-size", "1.3em").set("font-weight", "700");
        Span status = new Span(" · " + Texts.status(context, visit.get("status"), locale));
        status.addClassName("visit-status");
        H3 subject = new H3((String) visit.get("subject"));
        subject.getStyle().set("margin", "var(--lumo-space-xs) 0");
        card.add(when, status, subject);
        Object address = visit.get("address");
        if (address == null || address.toString().isBlank()) {
            card.add(new Paragraph(context.messages().get("today.no.address", locale)));
        } else {
            Paragraph where = new Paragraph(address.toString());
            Anchor map = new Anchor("https://uri.amap.com/search?keyword="
                    + URLEncoder.encode(address.toString(), StandardCharsets.UTF_8),
                    context.messages().get("today.map", locale));
            map.setTarget("_blank");
            map.addClassName("visit-map");
            card.add(where, big(map));
        }
        Object phone = visit.get("contact_phone");
        if (phone == null || phone.toString().isBlank()) {
            card.add(new Paragraph(context.messages().get("today.no.phone", locale)));
        } else {
            Anchor call = new Anchor("tel:" + phone.toString().replaceAll("[^0-9+]", ""),
                    context.messages().get("today.call", locale) + " " + phone);
            call.setId("visit-call-" + visit.id());
            card.add(big(call));
        }
        Button open = new Button(context.messages().get("today.open", locale),
                e -> VisitScreen.show(context, screen, visit.id()));
        open.setId("visit-open-" + visit.id());
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        open.setWidthFull();
        card.add(open);
        return card;
    }

    static Anchor big(Anchor link) {
        link.getStyle().set("display", "inline-block").set("min-height", "44px").set("line-height", "44px")
                .set("padding", "0 var(--lumo-space-m)").set("margin-right", "var(--lumo-space-s)")
                .set("border", "1px solid var(--lumo-primary-color-50pct)").set("border-radius", "22px");
        return link;
    }

    /** A refusal in the language of the screen it is shown on. */
    static void error(Div where, RecordException e) {
        error(where, e.message(locale()));
    }

    static void error(Div where, String message) {
        where.getChildren().filter(c -> c.getId().filter("visit-error"::equals).isPresent()).toList()
                .forEach(where::remove);
        Paragraph p = new Paragraph(message);
        p.setId("visit-error");
        p.getStyle().set("color", "var(--lumo-error-text-color)");
        where.addComponentAsFirst(p);
    }
}
