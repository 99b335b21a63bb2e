package io.kehu.platform.securityadmin;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import io.kehu.platform.i18n.Languages;
import io.kehu.platform.security.AccessRefusedException;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.LoginEvents;
import io.kehu.platform.security.LoginEvents.LoginEvent;
import io.kehu.platform.security.LoginThrottle;
import io.kehu.platform.security.PausedSignIn;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.KaribuSession;
import io.kehu.platform.support.KehuTest;
import io.kehu.platform.ui.PageForbiddenView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The admin's sign-in pauses screen: count and empty state, names instead of sign-in names, unlock, and the stored
 * trail that names the admin who unlocked; staff reach neither the screen nor the unlock.
 */
@KehuTest
class SignInPausesViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    UserAccounts accounts;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    LoginEvents events;

    @BeforeEach
    void nothingPaused() {
        Actor system = Actor.system("test");
        throttle.paused().forEach(p -> {
            if (p.isAddress()) {
                throttle.unlockAddress(p.address(), system);
            } else {
                throttle.unlock(p.username(), system);
            }
        });
    }

    @AfterEach
    void signOut() {
        KaribuSession.signOut();
    }

    @Test
    void anAdminSeesThePausedAccountUnlocksItAndTheUnlockIsAuditedWithTheirName() {
        openAsChineseAdmin();
        assertThat(_get(H3.class, spec -> spec.withText("当前受限：0 项"))).isNotNull();
        assertThat(_get(Paragraph.class, spec -> spec.withId("no-pauses")).isVisible()).isTrue();
        assertThat(_get(Paragraph.class, spec -> spec.withId("no-pauses")).getText()).isEqualTo("目前没有受限的账号或地址。");

        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
            throttle.recordFailure("staff", "192.0.2.7");
        }
        LoginEvent pause = events.recent(0, 1).getFirst();
        assertThat(pause.isUnlock()).isFalse();
        assertThat(pause.username()).isEqualTo("staff");
        assertThat(pause.failures()).isEqualTo(LoginThrottle.FREE_ATTEMPTS);

        openAsChineseAdmin();
        Grid<PausedSignIn> grid = pausedGrid();
        assertThat(grid.isVisible()).isTrue();
        assertThat(_get(H3.class, spec -> spec.withText("当前受限：1 项"))).isNotNull();
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(String.join(" | ", GridKt._getFormattedRow(grid, 0))).contains("李强 Li Qiang（staff）", "192.0.2.7", "5");
        Grid<?> trail = _get(Grid.class, spec -> spec.withId("login-events"));
        assertThat(String.join(" | ", GridKt._getFormattedRow(trail, 0))).contains("开始暂停", "李强 Li Qiang（staff）",
                "连续失败 5 次，暂停 30 秒");

        Button unlock = (Button) GridKt._getCellComponent(grid, 0, "unlock");
        assertThat(unlock.getText()).isEqualTo("解除锁定");
        ButtonKt._click(unlock);

        assertThat(throttle.remainingPause("staff", "192.0.2.7")).isZero();
        assertThat(grid.isVisible()).isFalse();
        assertThat(_get(Paragraph.class, spec -> spec.withId("no-pauses")).isVisible()).isTrue();
        LoginEvent unlocked = events.recent(0, 1).getFirst();
        assertThat(unlocked.isUnlock()).isTrue();
        assertThat(unlocked.username()).isEqualTo("staff");
        assertThat(unlocked.actorName()).isEqualTo("系统管理员 Administrator");
        assertThat(String.join(" | ", GridKt._getFormattedRow(trail, 0))).contains("解除锁定", "由 系统管理员 Administrator 解除");
    }

    @Test
    void aPausedAddressIsListedForAllItsAccounts() {
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS_PER_ADDRESS; i++) {
            throttle.recordFailure("guess" + i, "198.51.100.4");
        }
        assertThat(throttle.remainingPause("someone", "198.51.100.4")).isPositive();
        openAsChineseAdmin();
        Grid<PausedSignIn> grid = pausedGrid();
        assertThat(GridKt._size(grid)).as("no single name failed often enough, the address did").isEqualTo(1);
        assertThat(String.join(" | ", GridKt._getFormattedRow(grid, 0))).contains("该地址的所有账号", "198.51.100.4", "100");
        ButtonKt._click((Button) GridKt._getCellComponent(grid, 0, "unlock"));
        assertThat(throttle.remainingPause("someone", "198.51.100.4")).isZero();
    }

    @Test
    void staffReachNeitherTheScreenNorTheUnlock() {
        KaribuSession.signIn(context, accounts, "staff");
        UI ui = UI.getCurrent();
        int status = ui.getInternals().getRouter().navigate(ui, new Location(SignInPausesView.ROUTE),
                NavigationTrigger.PAGE_LOAD);
        assertThat(status).isEqualTo(403);
        assertThat(_find(PageForbiddenView.class)).hasSize(1);
        assertThat(_find(SignInPausesView.class)).isEmpty();
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).doesNotContain("Sign-in pauses");

        Actor staff = Actor.of(accounts.findByUsername("staff").orElseThrow());
        int before = events.count();
        assertThatThrownBy(() -> throttle.unlock("manager", staff)).isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> throttle.unlockAddress("192.0.2.7", staff))
                .isInstanceOf(AccessRefusedException.class);
        assertThat(events.count()).as("a refused unlock is no unlock").isEqualTo(before);
    }

    private void openAsChineseAdmin() {
        KaribuSession.signOut();
        KaribuSession.signIn(context, accounts, "admin");
        UI.getCurrent().setLocale(Languages.CHINESE);
        UI.getCurrent().navigate(SignInPausesView.class);
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("登录限制");
    }

    @SuppressWarnings("unchecked")
    private static Grid<PausedSignIn> pausedGrid() {
        return _get(Grid.class, spec -> spec.withId("paused-sign-ins"));
    }
}
