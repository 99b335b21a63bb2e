package io.kehu.platform.securityadmin;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.kehu.platform.security.LoginEvents;
import io.kehu.platform.security.LoginEvents.LoginEvent;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The stored trail of sign-in pauses and unlocks, latest first, read page by page from the database. */
class LoginEventsGrid extends VerticalLayout {

    private final LoginEvents events;
    private final DateTimeFormatter when;
    private final H3 heading = new H3();
    private final Paragraph none = new Paragraph();
    private final Grid<LoginEvent> grid = new Grid<>();

    LoginEventsGrid(LoginEvents events, DateTimeFormatter when) {
        this.events = events;
        this.when = when;
        setPadding(false);
        none.setText(getTranslation("security.events.none"));
        none.setId("no-login-events");
        grid.setId("login-events");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(e -> when.format(e.at().atZone(ZoneId.systemDefault())))
                .setHeader(getTranslation("security.events.column.at")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation(e.isUnlock() ? "security.events.unlock" : "security.events.pause"))
                .setHeader(getTranslation("security.events.column.event")).setAutoWidth(true);
        grid.addColumn(e -> e.username() == null ? getTranslation("security.pauses.allAccounts")
                : SignInPausesView.accountName(this, e.username(), e.accountName()))
                .setHeader(getTranslation("security.pauses.column.account")).setFlexGrow(2);
        grid.addColumn(e -> e.address() == null ? getTranslation("security.events.everyAddress") : e.address())
                .setHeader(getTranslation("security.pauses.column.address")).setAutoWidth(true);
        grid.addColumn(this::detail).setHeader(getTranslation("security.events.column.detail")).setFlexGrow(2);
        grid.setHeight("40vh");
        add(heading, none, grid);
    }

    private String detail(LoginEvent event) {
        return event.isUnlock() ? getTranslation("security.events.unlockedBy", event.actorName(), event.lifted())
                : getTranslation("security.events.pausedFor", event.failures(), event.pauseSeconds());
    }

    void refresh() {
        int count = events.count();
        heading.setText(getTranslation("security.events.title", count));
        none.setVisible(count == 0);
        grid.setVisible(count > 0);
        grid.setItems(query -> events.recent(query.getOffset(), query.getLimit()).stream(), query -> events.count());
    }
}
