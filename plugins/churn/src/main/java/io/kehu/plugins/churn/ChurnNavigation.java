package io.kehu.plugins.churn;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.ui.NavItem;
import io.kehu.sdk.ui.NavigationContribution;
import java.util.List;
import org.pf4j.Extension;

/** The plugin's links in the Apps section: the warning list, the model and the churn cases. */
@Extension
public class ChurnNavigation implements NavigationContribution {

    @Override
    public List<NavItem> items() {
        return List.of(
                new NavItem(WarningListView.PATH, LocalText.of("流失预警名单", "Churn warning list"), "warning", 30),
                new NavItem(ModelView.PATH, LocalText.of("流失预警模型", "Churn model"), "chart", 31),
                new NavItem(CasesView.PATH, LocalText.of("流失客户分析", "Churn cases"), "list", 32));
    }
}
