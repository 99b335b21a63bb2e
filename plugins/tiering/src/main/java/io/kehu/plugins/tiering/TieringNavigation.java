package io.kehu.plugins.tiering;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.ui.NavItem;
import io.kehu.sdk.ui.NavigationContribution;
import java.util.List;
import org.pf4j.Extension;

/** The plugin's links in the Apps section: the admin screen and the adjustment directory. */
@Extension
public class TieringNavigation implements NavigationContribution {

    @Override
    public List<NavItem> items() {
        return List.of(
                new NavItem(TieringAdminView.PATH, LocalText.of("客户分级", "Customer tiering"), "chart", 20),
                new NavItem(AdjustmentsView.PATH, LocalText.of("等级调整名录", "Tier adjustments"), "list", 21));
    }
}
