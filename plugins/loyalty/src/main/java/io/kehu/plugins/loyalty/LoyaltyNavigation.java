package io.kehu.plugins.loyalty;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.ui.NavItem;
import io.kehu.sdk.ui.NavigationContribution;
import java.util.List;
import org.pf4j.Extension;

/** The plugin's links in the Apps section: redemption counter, ledger report, programme (admins), adjustments,
 * liability by month (managers, admins). */
@Extension
public class LoyaltyNavigation implements NavigationContribution {

    @Override
    public List<NavItem> items() {
        return List.of(new NavItem(CounterView.PATH, LocalText.of("积分兑换", "Redeem points"), "gift", 29),
                new NavItem(LedgerView.PATH, LocalText.of("积分流水", "Points ledger"), "star", 30),
                new NavItem(LiabilityView.PATH, LocalText.of("积分负债", "Points liability"), "chart", 33),
                new NavItem(AdjustView.PATH, LocalText.of("积分调整", "Adjust points"), "edit", 32),
                new NavItem(ProgrammeView.PATH, LocalText.of("积分计划", "Loyalty programme"), "cog", 31));
    }
}
