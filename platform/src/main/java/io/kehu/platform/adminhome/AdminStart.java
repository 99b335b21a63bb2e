package io.kehu.platform.adminhome;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.kehu.platform.i18n.Messages;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.ui.HomeSection;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;


/**
 * The administrators' start page on the home page (see the package description), in the same responsive grid of cards
 * as the workspace below it: 今日概况 with counts that link to their lists, 插件 with each plugin's state, 需要处理,
 * 最近修改 and 常用入口. Ids: {@code admin-start}, {@code admin-<card>}, {@code admin-count-<what>}.
 */
@org.springframework.stereotype.Component
public class AdminStart implements HomeSection {

    private final AdminDigests digests;
    private final UserAccounts accounts;
    private final Messages messages;

    AdminStart(AdminDigests digests, UserAccounts accounts, Messages messages) {
        this.digests = digests;
        this.accounts = accounts;
        this.messages = messages;
    }

    @Override
    public Optional<Component> section(CurrentUser user, Locale locale, ZoneId zone) {
        if (!user.hasRole(Role.ADMIN)) {
            return Optional.empty();
        }
        Actor admin = user.username().flatMap(accounts::findByUsername).map(Actor::of).orElse(null);
        if (admin == null) {
            return Optional.empty();
        }
        AdminDigest digest = digests.read(admin, locale, zone);
        Div board = new Div();
        board.setId("admin-start");
        board.setWidthFull();
        board.getStyle().set("display", "grid")
                .set("grid-template-columns", "repeat(auto-fill, minmax(min(100%, 20rem), 1fr))")
                .set("gap", "var(--lumo-space-m)").set("align-items", "start").set("box-sizing", "border-box");
        board.add(counts(digest, locale), attention(digest, locale), plugins(digest, locale),
                changes(digest, locale, zone), links(locale));
        return Optional.of(board);
    }

    private Div counts(AdminDigest digest, Locale locale) {
        Div card = card("counts", t(locale, "adminhome.counts.title"));
        NumberFormat number = NumberFormat.getIntegerInstance(locale);
        if (digest.customers() != null) {
            String key = switch (digest.customers().kind()) {
                case EXACT -> "adminhome.counts.customers";
                case ESTIMATE -> "adminhome.counts.customersEstimate";
                case MORE_THAN -> "adminhome.counts.customersMoreThan";
            };
            card.add(row("admin-count-customers", "forms/customer",
                    t(locale, key, number.format(digest.customers().value())), null, false));
        }
        card.add(row("admin-count-complaints", "forms/feedback",
                t(locale, "adminhome.counts.complaints", number.format(digest.openComplaints())), null, false));
        card.add(row("admin-count-tasks", "tasks",
                t(locale, "adminhome.counts.tasks", number.format(digest.openTasks())), null, false));
        return card;
    }

    private Div attention(AdminDigest digest, Locale locale) {
        Div card = card("attention", t(locale, "adminhome.attention.title"));
        if (digest.attention().isEmpty()) {
            card.add(empty("admin-attention-none", t(locale, "adminhome.attention.none")));
        }
        int i = 0;
        for (AdminDigest.Attention a : digest.attention()) {
            card.add(row("admin-attention-" + i++, a.route(), a.text(), null, true));
        }
        return card;
    }

    private Div plugins(AdminDigest digest, Locale locale) {
        Div card = card("plugins", t(locale, "adminhome.plugins.title"));
        if (digest.plugins().isEmpty()) {
            card.add(empty("admin-plugins-none", t(locale, "adminhome.plugins.none")));
        }
        for (AdminDigest.PluginLine p : digest.plugins()) {
            String version = p.version() == null || p.version().isBlank() ? p.state()
                    : p.state() + " · " + t(locale, "adminhome.plugins.version", p.version());
            card.add(row(null, "admin/plugins", p.name(), version, p.failed()));
        }
        return card;
    }

    private Div changes(AdminDigest digest, Locale locale, ZoneId zone) {
        Div card = card("changes", t(locale, "adminhome.changes.title"));
        if (digest.changes().isEmpty()) {
            card.add(empty("admin-changes-none", t(locale, "adminhome.changes.none")));
        }
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        int i = 0;
        for (AdminDigest.Change c : digest.changes()) {
            String line = c.fields().isEmpty() ? t(locale, "adminhome.change.line", c.who(), c.action(), c.what())
                    : t(locale, "adminhome.change.lineFields", c.who(), c.action(), c.what(), c.fields());
            card.add(row("admin-change-" + i++, c.route(), line, when.format(c.at()), false));
        }
        return card;
    }

    private Div links(Locale locale) {
        Div card = card("links", t(locale, "adminhome.links.title"));
        Div buttons = new Div();
        buttons.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)");
        for (List<String> link : List.of(List.of("designer", "admin/forms"), List.of("workflows", "admin/workflows"),
                List.of("users", "admin/teams"), List.of("import", "import"), List.of("plugins", "admin/plugins"),
                List.of("webhooks", "admin/webhooks"), List.of("rules", "admin/rules"))) {
            Anchor button = new Anchor(link.get(1), t(locale, "adminhome.links." + link.get(0)));
            button.setId("admin-link-" + link.get(0));
            button.getElement().setAttribute("router-link", true);
            button.getStyle().set("display", "inline-flex").set("align-items", "center").set("min-height", "44px")
                    .set("padding", "0 var(--lumo-space-m)").set("border-radius", "var(--lumo-border-radius-m)")
                    .set("background", "var(--lumo-contrast-5pct)").set("text-decoration", "none")
                    .set("font-weight", "600").set("box-sizing", "border-box");
            buttons.add(button);
        }
        card.add(buttons);
        return card;
    }

    private static Div card(String name, String title) {
        Div card = new Div();
        card.setId("admin-" + name);
        card.getStyle().set("background", "var(--lumo-base-color)")
                .set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-l)").set("padding", "var(--lumo-space-m)")
                .set("box-shadow", "var(--lumo-box-shadow-xs)").set("min-width", "0");
        H3 heading = new H3(title);
        heading.getStyle().set("margin", "0 0 var(--lumo-space-s) 0").set("font-size", "var(--lumo-font-size-l)");
        card.add(heading);
        return card;
    }

    /** A whole-row link (44 px high), or plain text without a route; red for what failed. */
    private static Component row(String id, String route, String main, String secondary, boolean alarm) {
        Div text = new Div(main);
        text.getStyle().set("font-weight", "500").set("overflow-wrap", "anywhere");
        if (alarm) {
            text.getStyle().set("color", "var(--lumo-error-text-color)");
        }
        com.vaadin.flow.component.HasComponents row;
        if (route == null) {
            row = new Div();
        } else {
            Anchor link = new Anchor(route);
            link.getElement().setAttribute("router-link", true);
            row = link;
        }
        row.add(text);
        if (secondary != null) {
            Span second = new Span(secondary);
            second.getStyle().set("color", alarm ? "var(--lumo-error-text-color)" : "var(--lumo-secondary-text-color)")
                    .set("font-size", "var(--lumo-font-size-s)");
            row.add(second);
        }
        Component component = (Component) row;
        if (id != null) {
            component.setId(id);
        }
        component.getElement().getStyle().set("display", "block").set("min-height", "44px")
                .set("box-sizing", "border-box").set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                .set("border-bottom", "1px solid var(--lumo-contrast-5pct)").set("text-decoration", "none")
                .set("color", "var(--lumo-body-text-color)");
        return component;
    }

    private static Paragraph empty(String id, String text) {
        Paragraph empty = new Paragraph(text);
        empty.setId(id);
        empty.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "var(--lumo-space-s) 0");
        return empty;
    }

    private String t(Locale locale, String key, Object... params) {
        return messages.getTranslation(key, locale, params);
    }
}
