package io.kehu.plugins.survey;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.ui.NavItem;
import io.kehu.sdk.ui.NavigationContribution;
import java.util.List;
import org.pf4j.Extension;

/**
 * The plugin's links in the Apps section: the surveys (results, import), the staff entry for phone revisits and the
 * campaigns (links to a group of customers, their progress).
 */
@Extension
public class SurveyNavigation implements NavigationContribution {

    @Override
    public List<NavItem> items() {
        return List.of(new NavItem(SurveysView.PATH, LocalText.of("满意度调查", "Satisfaction surveys"), "star", 30),
                new NavItem(StaffEntryView.PATH, LocalText.of("回访录入", "Enter a revisit"), "phone", 31),
                new NavItem(CampaignsView.PATH, LocalText.of("调查活动", "Survey campaigns"), "paperplane", 32),
                new NavItem(AnalyticsView.PATH, LocalText.of("满意度分析", "Satisfaction analytics"), "chart", 33),
                new NavItem(SurveyBuilderView.PATH, LocalText.of("问卷设计", "Survey builder"), "edit", 34));
    }
}
