package io.kehu.plugins.survey;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.settings.SettingField;
import io.kehu.sdk.settings.SettingsPage;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.pf4j.Extension;

/** The closed loop's settings, edited on the Plugins screen: what counts as low and who follows up. */
@Extension
public class SurveySettings implements SettingsPage {

    static final String LOW_DIMENSION = "low_dimension_max";
    static final String LOW_NPS = "low_nps_max";
    static final String FOLLOW_UP_USERS = "followup_users";
    static final String FOLLOW_UP_DAYS = "followup_days";

    @Override
    public List<SettingField> fields() {
        return List.of(
                SettingField.number(LOW_DIMENSION, LocalText.of("低分线：任一维度得分不高于（五分制）",
                        "Low score: any dimension at or below (five-point scale)"), 2),
                SettingField.number(LOW_NPS, LocalText.of("低分线：推荐意愿不高于（0–10）",
                        "Low score: recommendation at or below (0–10)"), 6),
                SettingField.text(FOLLOW_UP_USERS, LocalText.of("跟进人（用户名，逗号分隔，按顺序选第一个不是原处理人的）",
                        "Follow-up by (user names, comma-separated; the first who is not the original handler)"),
                        "manager,admin"),
                SettingField.number(FOLLOW_UP_DAYS, LocalText.of("跟进期限（天）", "Follow-up due in (days)"), 2));
    }

    static BigDecimal lowDimension(PluginContext context) {
        return new BigDecimal(context.settings().get(LOW_DIMENSION, "2").trim());
    }

    static int lowNps(PluginContext context) {
        return Integer.parseInt(context.settings().get(LOW_NPS, "6").trim());
    }

    static List<String> followUpUsers(PluginContext context) {
        return Arrays.stream(context.settings().get(FOLLOW_UP_USERS, "manager,admin").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static int followUpDays(PluginContext context) {
        return Integer.parseInt(context.settings().get(FOLLOW_UP_DAYS, "2").trim());
    }
}
