package io.kehu.plugins.visits;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.settings.SettingField;
import io.kehu.sdk.settings.SettingsPage;
import java.util.List;
import org.pf4j.Extension;

/**
 * How often each customer level gets a scheduled relationship visit (days; 0 = none), edited on the Plugins screen.
 * The level is the customer's {@code level} field, which the tiering plugin maintains (大客户 monthly by default,
 * as the seeds' key-customer care asks), and the font file of the PDF report.
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
                        7),
                // empty: the first common CJK font installed on the server (ReportFont)
                SettingField.text(ReportFont.SETTING, LocalText.of("上门报告 PDF 的中文字体文件（.ttf/.ttc，留空自动查找）",
                        "Chinese font file for the visit report PDF (.ttf/.ttc; empty = find one)"), ""),
                // shown on the phone next to the extra charges: the customer pays there, never the visitor
                SettingField.text(VisitExtras.ACCOUNT_SETTING, LocalText.of("公司收款账户（户名、开户行、账号）",
                        "Company account for transfers (name, bank, number)"), ""));
    }
}
