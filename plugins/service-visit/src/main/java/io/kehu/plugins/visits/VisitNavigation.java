package io.kehu.plugins.visits;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.ui.NavItem;
import io.kehu.sdk.ui.NavigationContribution;
import java.util.List;
import org.pf4j.Extension;

/** The plugin's links in the Apps section: the visitor's day, the agenda and the managers' review. */
@Extension
public class VisitNavigation implements NavigationContribution {

    @Override
    public List<NavItem> items() {
        return List.of(new NavItem(TodayView.PATH, LocalText.of("我的今日上门", "My visits today"), "car", 30),
                new NavItem(AgendaView.PATH, LocalText.of("上门日程", "Visit agenda"), "calendar", 31),
                new NavItem(ReviewView.PATH, LocalText.of("上门服务总览", "Service visit review"), "list", 32));
    }
}
