package io.kehu.plugins.survey;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.ui.NavItem;
import io.kehu.sdk.ui.NavigationContribution;
import java.util.List;
import org.pf4j.Extension;

/** The plugin's links in the Apps section: the surveys (results, import) and the staff entry for phone revisits. */
@Extension
public class SurveyNavigation implements NavigationContribution {

    @Override
    public List<NavItem> items() {
        return List.of(new NavItem(SurveysView.PATH, LocalText.of("满意度调查", "Satisfaction surveys"), "star", 30),
                new NavItem(StaffEntryView.PATH, LocalText.of("回访录入", "Enter a revisit"), "phone", 31));
    }
}
