package io.kehu.plugins.survey;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.settings.SettingField;
import io.kehu.sdk.settings.SettingsPage;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.pf4j.Extension;

/**
 * The plugin's settings, edited on the Plugins screen: what counts as low and who follows up (the closed loop), and
 * how many answers a public link takes per hour.
 */
@Extension
public class SurveySettings implements SettingsPage {

    static final String LOW_DIMENSION = "low_dimension_max";
    static final String LOW_NPS = "low_nps_max";
    static final String FOLLOW_UP_USERS = "followup_users";
    static final String FOLLOW_UP_DAYS = "followup_days";
    static final String PUBLIC_PER_HOUR = "public_answers_per_hour";

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
                SettingField.number(FOLLOW_UP_DAYS, LocalText.of("跟进期限（天）", "Follow-up due in (days)"), 2),
                SettingField.number(PUBLIC_PER_HOUR, LocalText.of("公开链接每小时最多接收答卷数（每个活动）",
                        "Public link: at most this many answers per hour (per campaign)"), 200),
                SettingField.text(SmsGateway.URL, LocalText.of("短信网关地址（HTTP POST，留空则不发短信）",
                        "SMS gateway address (HTTP POST; empty: no SMS)"), ""),
                SettingField.text(SmsGateway.TEMPLATE, LocalText.of("短信网关请求内容模板（{phone} 手机号、{text} 短信内容；以 { 开头按 JSON 发送）",
                        "SMS gateway body template ({phone}, {text}; starting with { it is sent as JSON)"),
                        SmsGateway.DEFAULT_TEMPLATE),
                SettingField.text(SmsGateway.AUTHORIZATION, LocalText.of("短信网关 Authorization 请求头（可选）",
                        "SMS gateway Authorization header (optional)"), ""));
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

    static int publicAnswersPerHour(PluginContext context) {
        return Integer.parseInt(context.settings().get(PUBLIC_PER_HOUR, "200").trim());
    }

    static int followUpDays(PluginContext context) {
        return Integer.parseInt(context.settings().get(FOLLOW_UP_DAYS, "2").trim());
    }
}
