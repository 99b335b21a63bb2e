package io.kehu.platform.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kehu.platform.dashboards.DashboardDefinition.Chart;
import io.kehu.platform.security.AccessRefusedException;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Dashboards stored in the database (V13) on every supported database: personal, shared with a role, owned. */
abstract class StoredDashboardsContract {

    private static final AtomicInteger USERS = new AtomicInteger((int) (System.nanoTime() % 100_000));

    @Autowired
    Dashboards dashboards;
    @Autowired
    UserAccounts accounts;

    Actor manager;
    Actor otherManager;

    @BeforeEach
    void users() {
        manager = user(Role.MANAGER);
        otherManager = user(Role.MANAGER);
    }

    private Actor user(Role role) {
        String name = "dash" + USERS.incrementAndGet();
        accounts.create(name, "经理 " + name, "pw-" + name + "-Long1", Set.of(role));
        return Actor.of(accounts.findByUsername(name).orElseThrow());
    }

    @Test
    void aSharedDashboardIsSeenByTheRoleAndOnlyItsOwnerChangesIt() {
        DashboardDefinition saved = dashboards.save(manager, new DashboardDefinition("new",
                io.kehu.platform.forms.LocalizedText.of("团队看板", "团队看板"), Set.of(), Set.of(),
                List.of(new DashboardDefinition.Widget(List.of("customers_by_level"), Chart.PIE, null, false, false)),
                manager.userId()), Role.MANAGER);
        assertThat(dashboards.visible(otherManager, saved.id())).isPresent();
        // another manager saving under the same id makes their own copy, not a change of the owner's
        DashboardDefinition theirs = dashboards.save(otherManager, new DashboardDefinition(saved.id(),
                io.kehu.platform.forms.LocalizedText.of("改名", "改名"), Set.of(), Set.of(), saved.widgets(),
                otherManager.userId()), null);
        assertThat(theirs.id()).isNotEqualTo(saved.id());
        assertThat(dashboards.visible(manager, saved.id()).orElseThrow().label().zh()).isEqualTo("团队看板");
        Actor staff = Actor.of(accounts.findByUsername("staff").orElseThrow());
        assertThat(dashboards.visible(staff, saved.id())).isEmpty();
        assertThatThrownBy(() -> dashboards.save(staff, saved, null)).isInstanceOf(AccessRefusedException.class);
    }
}
