package io.kehu.plugins.tiering;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.json.JsonType;
import io.kehu.sdk.json.PluginJson;
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

    /** Level code → entitlement key → value. */
    static final JsonType<Map<String, Map<String, String>>> ENTITLEMENTS_TYPE = new JsonType<>() { };

    private final PluginSettings settings;
    private final PluginJson json;

    TieringSettings(PluginContext context) {
        this.settings = context.settings();
        this.json = context.json();
    }

    List<TierScheme> schemes() {
        return settings.getJson(Schemes.SETTING, Schemes.TYPE).map(Schemes::fromStored).orElseGet(Schemes::defaults);
    }

    void saveSchemes(List<TierScheme> schemes) {
        settings.putJson(Schemes.SETTING, Schemes.toStored(schemes));
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
    Map<String, Map<String, String>> entitlements() {
        Map<String, Map<String, String>> stored = settings.getJson(ENTITLEMENTS, ENTITLEMENTS_TYPE)
                .orElseGet(() -> json.read(defaultEntitlements(), ENTITLEMENTS_TYPE));
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        stored.forEach((level, values) -> out.put(level, values == null ? new LinkedHashMap<>() : values));
        return out;
    }

    /** Parses entitlements an admin typed (the JSON shape of {@link #entitlements()}) and stores them. */
    void saveEntitlements(String text) {
        saveEntitlements(json.read(text, ENTITLEMENTS_TYPE));
    }

    void saveEntitlements(Map<String, Map<String, String>> entitlements) {
        if (entitlements == null) {
            throw new IllegalArgumentException("{\"KEY\": {\"visitsPerYear\": \"12\"}, ...}");
        }
        settings.putJson(ENTITLEMENTS, entitlements);
    }

    /** The entitlements as JSON text for the settings screen. */
    String entitlementsText() {
        return json.writePretty(entitlements());
    }

    /** The schemes as JSON text for the settings screen. */
    String schemesText() {
        return Schemes.toJson(json, schemes());
    }

    /** Parses schemes an admin typed and stores them. */
    void saveSchemes(String text) {
        saveSchemes(Schemes.fromJson(json, text));
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
