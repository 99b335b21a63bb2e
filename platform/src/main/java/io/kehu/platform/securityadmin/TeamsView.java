package io.kehu.platform.securityadmin;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.kehu.platform.security.AccessRefusedException;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.TeamChangeRefusedException;
import io.kehu.platform.security.Teams;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The administrator's list of accounts with whom each reports to (用户与团队): a manager picker by name per account,
 * and for each manager how many people are on their team. A manager's team decides their team inbox and overdue
 * counts and where escalations of their people's work go ({@link Teams}). Accounts are few (tens or hundreds), so the
 * list is read whole.
 */
@Route(value = TeamsView.ROUTE, layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class TeamsView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/teams";

    private final UserAccounts accounts;
    private final Teams teams;
    private final Actor admin;
    private final Grid<UserAccount> grid = new Grid<>();
    private List<UserAccount> all = List.of();
    private Map<Long, UserAccount> byId = Map.of();
    private Map<Long, Long> managers = Map.of();

    TeamsView(UserAccounts accounts, Teams teams, CurrentUser user) {
        this.accounts = accounts;
        this.teams = teams;
        this.admin = user.username().flatMap(accounts::findByUsername).map(Actor::of)
                .orElseThrow(() -> new AccessRefusedException("您的账号已不存在。", "Your account no longer exists."));
        grid.setId("team-accounts");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(UserAccount::displayName).setHeader(getTranslation("security.teams.column.name"))
                .setFlexGrow(2);
        grid.addColumn(UserAccount::username).setHeader(getTranslation("security.teams.column.username"))
                .setAutoWidth(true);
        grid.addColumn(this::roles).setHeader(getTranslation("security.teams.column.roles")).setAutoWidth(true);
        grid.addComponentColumn(this::managerPicker).setKey("manager")
                .setHeader(getTranslation("security.teams.column.manager")).setFlexGrow(3).setWidth("16rem");
        grid.addColumn(this::teamSize).setKey("team").setHeader(getTranslation("security.teams.column.team"))
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(new H2(getTranslation("security.teams.title")), new Paragraph(getTranslation("security.teams.intro")),
                grid);
        refresh();
    }

    private void refresh() {
        all = accounts.findAll();
        byId = all.stream().collect(Collectors.toMap(UserAccount::id, Function.identity()));
        managers = teams.managers();
        grid.setItems(all);
    }

    private String roles(UserAccount account) {
        return account.roles().stream().sorted().map(r -> getTranslation("role." + r.name()))
                .collect(Collectors.joining(getLocale().getLanguage().equals("zh") ? "、" : ", "))
                + (account.enabled() ? "" : " · " + getTranslation("security.teams.disabled"));
    }

    private String teamSize(UserAccount account) {
        if (!account.hasRole(Role.MANAGER) && !account.hasRole(Role.ADMIN)) {
            return "";
        }
        return getTranslation("security.teams.size", teams.members(account.id()).size());
    }

    private ComboBox<UserAccount> managerPicker(UserAccount account) {
        ComboBox<UserAccount> picker = new ComboBox<>();
        picker.setId("manager-of-" + account.username());
        picker.setAriaLabel(getTranslation("security.teams.pickerLabel", account.displayName()));
        picker.setPlaceholder(getTranslation("security.teams.noManager"));
        picker.setClearButtonVisible(true);
        picker.setWidthFull();
        picker.setItems(all.stream().filter(UserAccount::enabled).filter(u -> u.id() != account.id())
                .filter(u -> u.hasRole(Role.MANAGER) || u.hasRole(Role.ADMIN)).toList());
        picker.setItemLabelGenerator(u -> SignInPausesView.accountName(this, u.username(), u.displayName()));
        Long current = managers.get(account.id());
        picker.setValue(current == null ? null : byId.get(current));
        picker.addValueChangeListener(change -> {
            if (!change.isFromClient()) {
                return;
            }
            UserAccount chosen = change.getValue();
            try {
                teams.assign(admin, account.id(), chosen == null ? null : chosen.id());
                Notification.show(chosen == null
                        ? getTranslation("security.teams.cleared", account.displayName())
                        : getTranslation("security.teams.assigned", account.displayName(), chosen.displayName()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (TeamChangeRefusedException refused) {
                Notification.show(refused.message(getLocale()), 5000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
                picker.setValue(change.getOldValue());
            }
        });
        return picker;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("security.teams.title") + " · " + getTranslation("app.name");
    }
}
