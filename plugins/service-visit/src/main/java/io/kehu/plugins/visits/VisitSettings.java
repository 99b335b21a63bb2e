package io.kehu.plugins.visits;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.settings.SettingField;
import io.kehu.sdk.settings.SettingsPage;
import java.util.List;
import org.pf4j.Extension;

/**
 * How often each customer level gets a scheduled relationship visit (days; 0 = none), edited on the Plugins screen.
 * The level is the customer's {@code level} field, which the tiering plugin maintains (大客户 monthly by default,
 * as the seeds' key-customer care asks).
 */
@Extension
public class VisitSettings implements SettingsPage {

    static final String CADENCE_PREFIX = "cadence.";
    static final String HORIZON = "cadence.horizon_days";

    @Override
    public List<SettingField> fields() {
        return List.of(
                SettingField.number(CADENCE_PREFIX + "KEY", LocalText.of("大客户定期拜访间隔（天，0 为不拜访）",
                        "Key customers: days between scheduled visits (0 = none)"), 30),
                SettingField.number(CADENCE_PREFIX + "NORMAL", LocalText.of("一般客户定期拜访间隔（天，0 为不拜访）",
                        "Normal customers: days between scheduled visits (0 = none)"), 0),
                SettingField.number(CADENCE_PREFIX + "POTENTIAL", LocalText.of("潜在客户定期拜访间隔（天，0 为不拜访）",
                        "Potential customers: days between scheduled visits (0 = none)"), 0),
                SettingField.number(HORIZON, LocalText.of("提前多少天排定定期拜访", "Book scheduled visits this many days ahead"),
                        7));
    }
}
