package io.kehu.platform.securityadmin;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import io.kehu.platform.i18n.Languages;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.Teams;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.KaribuSession;
import io.kehu.platform.support.KehuTest;
import io.kehu.platform.ui.PageForbiddenView;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The admin's 用户与团队 screen: every account with its roles and a manager picker by name; choosing a manager stores
 * it (the team inbox follows), a choice that would not make a team is refused in Chinese and the picker goes back;
 * staff do not reach the screen.
 */
@KehuTest
class TeamsViewTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

    @Autowired
    ApplicationContext context;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Teams teams;

    @AfterEach
    void signOut() {
        KaribuSession.signOut();
    }

    private UserAccount account(String name, Role role) {
        String username = "tv" + SEQUENCE.incrementAndGet();
        return accounts.create(username, name, "pw-" + username + "-Long1", Set.of(role));
    }

    /** The manager picker in {@code account}'s row (the grid lists the accounts by sign-in name). */
    @SuppressWarnings("unchecked")
    private ComboBox<UserAccount> pickerOf(UserAccount account) {
        Grid<UserAccount> grid = _get(Grid.class, spec -> spec.withId("team-accounts"));
        int row = accounts.findAll().stream().map(UserAccount::id).toList().indexOf(account.id());
        ComboBox<UserAccount> picker = (ComboBox<UserAccount>) GridKt._getCellComponent(grid, row, "manager");
        assertThat(picker.getId()).contains("manager-of-" + account.username());
        return picker;
    }

    @Test
    void anAdminPicksAManagerByNameAndTheTeamIsStored() {
        UserAccount lead = account("欧阳经理 Ouyang", Role.MANAGER);
        UserAccount member = account("司马七 Sima", Role.STAFF);
        openAsChineseAdmin();

        Grid<?> grid = _get(Grid.class, spec -> spec.withId("team-accounts"));
        assertThat(GridKt._size(grid)).isEqualTo(accounts.findAll().size());
        ComboBox<UserAccount> picker = pickerOf(member);
        assertThat(picker.getValue()).isNull();
        assertThat(picker.getPlaceholder()).isEqualTo("未设置经理");
        assertThat(ComboBoxKt.getSuggestions(picker)).as("managers and admins by name, never the person themselves")
                .contains("欧阳经理 Ouyang（" + lead.username() + "）", "王芳 Wang Fang（manager）")
                .doesNotContain("司马七 Sima（" + member.username() + "）", "李强 Li Qiang（staff）");

        _setValue(picker, lead);
        assertThat(teams.managerOf(member.id())).contains(lead.id());
        NotificationsKt.expectNotifications("已将 司马七 Sima 的经理设为 欧阳经理 Ouyang。");
        int row = accounts.findAll().stream().map(UserAccount::id).toList().indexOf(lead.id());
        assertThat(String.join(" | ", GridKt._getFormattedRow(grid, row))).contains("欧阳经理 Ouyang", "经理",
                "团队 1 人");

        _setValue(pickerOf(member), null);
        assertThat(teams.managerOf(member.id())).isEmpty();
        NotificationsKt.expectNotifications("已取消 司马七 Sima 的经理。");
    }

    @Test
    void aCircleIsRefusedInChineseAndThePickerGoesBack() {
        UserAccount upper = account("上官总 Shangguan", Role.MANAGER);
        UserAccount lower = account("诸葛组长 Zhuge", Role.MANAGER);
        teams.assign(Actor.system("test"), lower.id(), upper.id());
        openAsChineseAdmin();

        ComboBox<UserAccount> picker = pickerOf(upper);
        _setValue(picker, lower);
        NotificationsKt.expectNotifications("“诸葛组长 Zhuge”本身向“上官总 Shangguan”汇报，不能反过来做其经理");
        assertThat(picker.getValue()).isNull();
        assertThat(teams.managerOf(upper.id())).isEmpty();
        assertThat(pickerOf(lower).getValue()).extracting(UserAccount::id).isEqualTo(upper.id());
    }

    @Test
    void staffDoNotReachTheScreen() {
        KaribuSession.signIn(context, accounts, "staff");
        UI ui = UI.getCurrent();
        int status = ui.getInternals().getRouter().navigate(ui, new Location(TeamsView.ROUTE),
                NavigationTrigger.PAGE_LOAD);
        assertThat(status).isEqualTo(403);
        assertThat(_find(PageForbiddenView.class)).hasSize(1);
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).doesNotContain("Users and teams");
    }

    private void openAsChineseAdmin() {
        KaribuSession.signIn(context, accounts, "admin");
        UI.getCurrent().setLocale(Languages.CHINESE);
        UI.getCurrent().navigate(TeamsView.class);
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("用户与团队");
    }
}
