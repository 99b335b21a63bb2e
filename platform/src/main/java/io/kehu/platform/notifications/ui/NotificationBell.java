package io.kehu.platform.notifications.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import io.kehu.platform.notifications.Notification;
import io.kehu.platform.notifications.Notifications;
import io.kehu.platform.ui.LiveCount;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * The bell in the header: the unread count as a badge (refreshed on every page the user opens), and on a click the
 * newest notifications, unread ones marked. Opening one marks it read and opens its record; "mark all read" clears
 * the count.
 */
public class NotificationBell extends Div implements AfterNavigationObserver, LiveCount {

    private final Notifications notifications;
    private final long userId;
    private final Button bell = new Button(VaadinIcon.BELL.create());
    private final Span count = new Span();

    NotificationBell(Notifications notifications, long userId) {
        this.notifications = notifications;
        this.userId = userId;
        setId("notification-bell");
        getStyle().set("position", "relative").set("display", "inline-flex");
        bell.setId("notification-bell-button");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        bell.addClickListener(click -> open());
        count.setId("notification-count");
        count.getElement().getThemeList().add("badge error primary small pill");
        count.getStyle().set("position", "absolute").set("top", "0").set("inset-inline-end", "0")
                .set("pointer-events", "none");
        add(bell, count);
        refresh();
    }

    @Override
    public void refresh() {
        int unread = notifications.unreadCount(userId);
        count.setText(unread > 99 ? "99+" : String.valueOf(unread));
        count.setVisible(unread > 0);
        String label = unread > 0 ? getTranslation("notifications.bellWithCount", unread)
                : getTranslation("notifications.bell");
        bell.setAriaLabel(label);
        bell.setTooltipText(label);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        refresh();
    }

    private void open() {
        Dialog dialog = new Dialog();
        dialog.setId("notification-list");
        dialog.setHeaderTitle(getTranslation("notifications.title"));
        dialog.setWidth("min(32rem, 95vw)");
        List<Notification> newest = notifications.recent(userId, Notifications.MAX_LIST);
        long unread = newest.stream().filter(Notification::unread).count();
        if (newest.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("notifications.empty"));
            empty.setId("notification-empty");
            empty.getStyle().set("color", "var(--lumo-secondary-text-color)");
            dialog.add(empty);
        } else {
            Span summary = new Span(getTranslation("notifications.unread", notifications.unreadCount(userId)));
            summary.setId("notification-unread");
            summary.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size",
                    "var(--lumo-font-size-s)");
            dialog.add(summary);
            DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(getLocale()).withZone(zone());
            newest.forEach(n -> dialog.add(row(n, when, dialog)));
        }
        Button markAll = new Button(getTranslation("notifications.markAllRead"), click -> {
            notifications.markAllRead(userId);
            dialog.close();
            refresh();
            com.vaadin.flow.component.notification.Notification.show(getTranslation("notifications.allRead"));
        });
        markAll.setId("notification-mark-all");
        markAll.setEnabled(unread > 0);
        Button close = new Button(getTranslation("notifications.close"), click -> dialog.close());
        close.setId("notification-close");
        dialog.getFooter().add(markAll, close);
        dialog.open();
    }

    private Div row(Notification n, DateTimeFormatter when, Dialog dialog) {
        Div title = new Div(n.title().in(getLocale()));
        title.getStyle().set("font-weight", n.unread() ? "600" : "400").set("overflow-wrap", "anywhere");
        Span time = new Span(when.format(n.createdAt()));
        time.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Div row = new Div(title, time);
        row.setId("notification-" + n.id());
        row.addClassName(n.unread() ? "kehu-notification-unread" : "kehu-notification-read");
        row.getStyle().set("padding", "var(--lumo-space-s)").set("min-height", "44px").set("box-sizing", "border-box")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)").set("cursor", "pointer")
                .set("border-inline-start", n.unread() ? "3px solid var(--lumo-primary-color)" : "3px solid transparent");
        row.getElement().setAttribute("role", "button");
        row.getElement().setAttribute("tabindex", "0");
        row.addClickListener(click -> {
            notifications.markRead(userId, n.id());
            dialog.close();
            refresh();
            if (n.recordPath() != null) {
                UI.getCurrent().navigate(n.recordPath());
            }
        });
        return row;
    }

    /** The browser's time zone, or the server's until the browser has said. */
    private static ZoneId zone() {
        UI ui = UI.getCurrent();
        ExtendedClientDetails details = ui == null ? null : ui.getPage().getExtendedClientDetails();
        String id = details == null ? null : details.getTimeZoneId();
        try {
            return id == null || id.isBlank() ? ZoneId.systemDefault() : ZoneId.of(id);
        } catch (DateTimeException unknown) {
            return ZoneId.systemDefault();
        }
    }
}
