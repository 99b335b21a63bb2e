package io.kehu.platform.securityadmin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.kehu.platform.security.AccessRefusedException;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.security.LoginEvents;
import io.kehu.platform.security.LoginThrottle;
import io.kehu.platform.security.PausedSignIn;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The administrator's view of sign-in throttling: which accounts (from which address) and which addresses are
 * paused after repeated failed sign-ins, with "unlock" for each (e.g. after the user called in), and the stored trail
 * of pauses and unlocks ({@link LoginEvents}). The paused keys are the throttle's bounded in-memory list; the trail
 * is read lazily from the database.
 */
@Route(value = SignInPausesView.ROUTE, layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class SignInPausesView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/sign-in-pauses";

    private final LoginThrottle throttle;
    private final Actor actor;
    private final Map<String, String> displayNames;
    private final DateTimeFormatter when;
    private final H3 pausedHeading = new H3();
    private final Paragraph nonePaused = new Paragraph();
    private final Grid<PausedSignIn> paused = new Grid<>();
    private final LoginEventsGrid events;

    SignInPausesView(LoginThrottle throttle, LoginEvents loginEvents, CurrentUser user, UserAccounts accounts) {
        this.throttle = throttle;
        // An actor without an account would count as the platform itself (Actor.isSystem) and pass the unlock check.
        this.actor = user.username().flatMap(accounts::findByUsername).map(Actor::of)
                .orElseThrow(() -> new AccessRefusedException("您的账号已不存在。", "Your account no longer exists."));
        this.displayNames = accounts.findAll().stream()
                .collect(Collectors.toMap(UserAccount::username, UserAccount::displayName));
        this.when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale());
        this.events = new LoginEventsGrid(loginEvents, when);
        nonePaused.setText(getTranslation("security.pauses.none"));
        nonePaused.setId("no-pauses");
        add(new H2(getTranslation("security.pauses.title")), new Paragraph(getTranslation("security.pauses.intro")),
                pausedHeading, nonePaused, pausedGrid(), events);
        setSizeFull();
        refresh();
    }

    private Grid<PausedSignIn> pausedGrid() {
        paused.setId("paused-sign-ins");
        paused.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        paused.addColumn(p -> p.isAddress() ? getTranslation("security.pauses.allAccounts")
                : accountName(this, p.username(), displayNames.get(p.username())))
                .setHeader(getTranslation("security.pauses.column.account")).setFlexGrow(2);
        paused.addColumn(PausedSignIn::address).setHeader(getTranslation("security.pauses.column.address"))
                .setAutoWidth(true);
        paused.addColumn(PausedSignIn::failures).setHeader(getTranslation("security.pauses.column.failures"))
                .setAutoWidth(true);
        paused.addColumn(p -> format(p.lastFailure()))
                .setHeader(getTranslation("security.pauses.column.lastFailure")).setAutoWidth(true);
        paused.addColumn(p -> format(p.pausedUntil()))
                .setHeader(getTranslation("security.pauses.column.pausedUntil")).setAutoWidth(true);
        paused.addComponentColumn(this::unlockButton).setKey("unlock").setAutoWidth(true);
        paused.setAllRowsVisible(true);
        return paused;
    }

    private Button unlockButton(PausedSignIn pause) {
        Button unlock = new Button(getTranslation("security.pauses.unlock"), click -> unlock(pause));
        unlock.addThemeVariants(ButtonVariant.LUMO_SMALL);
        unlock.setId("unlock-" + (pause.isAddress() ? "address-" + pause.address() : pause.username()));
        return unlock;
    }

    private void unlock(PausedSignIn pause) {
        String who;
        if (pause.isAddress()) {
            throttle.unlockAddress(pause.address(), actor);
            who = pause.address();
        } else {
            throttle.unlock(pause.username(), actor);
            who = accountName(this, pause.username(), displayNames.get(pause.username()));
        }
        refresh();
        Notification.show(getTranslation("security.pauses.unlocked", who))
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    void refresh() {
        List<PausedSignIn> now = throttle.paused();
        pausedHeading.setText(getTranslation("security.pauses.current", now.size()));
        nonePaused.setVisible(now.isEmpty());
        paused.setVisible(!now.isEmpty());
        paused.setItems(now);
        events.refresh();
    }

    private String format(Instant instant) {
        return when.format(instant.atZone(ZoneId.systemDefault()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("security.pauses.title") + " · " + getTranslation("app.name");
    }

    /** A sign-in name shown as the person's name, with the sign-in name to tell namesakes apart. */
    static String accountName(com.vaadin.flow.component.Component in, String username, String displayName) {
        return displayName == null ? in.getTranslation("security.pauses.unknownAccount", username)
                : in.getTranslation("security.pauses.account", displayName, username);
    }
}
