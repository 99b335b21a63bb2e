package io.kehu.plugins.tiering;

import io.kehu.sdk.settings.PluginSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plugin's settings, typed: the schemes (JSON), which one is active, the period kind, the entitlements per level
 * (JSON: level code → entitlement key → text) and the last period the scheduled job applied.
 */
final class TieringSettings {

    static final String PERIOD = "period";
    static final String ENTITLEMENTS = "entitlements";
    static final String LAST_APPLIED = "last_applied_period";
    /** The entitlement keys offered in the settings screen (others may be added in the JSON). */
    static final List<String> ENTITLEMENT_KEYS = List.of("visitsPerYear", "contactsPerMonth", "discountPercent",
            "gifts");

    private final PluginSettings settings;

    TieringSettings(PluginSettings settings) {
        this.settings = settings;
    }

    List<TierScheme> schemes() {
        return settings.get(Schemes.SETTING).map(Schemes::fromJson).orElseGet(Schemes::defaults);
    }

    void saveSchemes(List<TierScheme> schemes) {
        settings.put(Schemes.SETTING, Schemes.toJson(schemes));
    }

    TierScheme activeScheme() {
        String id = settings.get(Schemes.ACTIVE, Schemes.THREE_TIER);
        List<TierScheme> all = schemes();
        return all.stream().filter(s -> s.id().equals(id)).findFirst().orElse(all.get(0));
    }

    void activate(String schemeId) {
        if (schemes().stream().noneMatch(s -> s.id().equals(schemeId))) {
            throw new IllegalArgumentException("No scheme " + schemeId);
        }
        settings.put(Schemes.ACTIVE, schemeId);
    }

    PeriodKind periodKind() {
        return PeriodKind.valueOf(settings.get(PERIOD, PeriodKind.CALENDAR_YEAR.name()));
    }

    void periodKind(PeriodKind kind) {
        settings.put(PERIOD, kind.name());
    }

    /** Level code → entitlement key → value. */
    @SuppressWarnings("unchecked")
    Map<String, Map<String, String>> entitlements() {
        Object parsed = Json.parse(settings.get(ENTITLEMENTS, defaultEntitlements()));
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        if (parsed instanceof Map<?, ?> levels) {
            levels.forEach((level, values) -> {
                Map<String, String> v = new LinkedHashMap<>();
                if (values instanceof Map<?, ?> m) {
                    m.forEach((k, x) -> v.put(String.valueOf(k), x == null ? null : x.toString()));
                }
                out.put(String.valueOf(level), v);
            });
        }
        return out;
    }

    void saveEntitlements(Map<String, Map<String, String>> entitlements) {
        settings.put(ENTITLEMENTS, Json.write(entitlements));
    }

    String lastApplied() {
        return settings.get(LAST_APPLIED, "");
    }

    void lastApplied(String periodKey) {
        settings.put(LAST_APPLIED, periodKey);
    }

    static String defaultEntitlements() {
        return "{\"KEY\":{\"visitsPerYear\":\"12\",\"contactsPerMonth\":\"4\",\"discountPercent\":\"10\","
                + "\"gifts\":\"春节、中秋礼盒 Spring Festival and Mid-Autumn gift boxes\"},"
                + "\"NORMAL\":{\"visitsPerYear\":\"4\",\"contactsPerMonth\":\"1\",\"discountPercent\":\"5\","
                + "\"gifts\":\"春节贺卡 Spring Festival card\"},"
                + "\"POTENTIAL\":{\"visitsPerYear\":\"1\",\"contactsPerMonth\":\"0\",\"discountPercent\":\"0\","
                + "\"gifts\":\"\"}}";
    }
}
