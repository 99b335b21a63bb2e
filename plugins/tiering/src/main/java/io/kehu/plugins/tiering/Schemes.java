package io.kehu.plugins.tiering;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.json.JsonType;
import io.kehu.sdk.json.PluginJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schemes as kept in the plugin's settings (a JSON array under {@link #SETTING}), and the two shipped from the
 * seeds: 大客户 / 一般客户 / 潜在客户 and one to five stars.
 */
final class Schemes {

    static final String SETTING = "schemes";
    static final String ACTIVE = "active_scheme";
    static final String THREE_TIER = "three_tier";
    static final String STARS = "stars";

    private Schemes() {
    }

    static List<TierScheme> defaults() {
        TierScheme three = new TierScheme(THREE_TIER, LocalText.of("三级分类", "Three tiers"), List.of(
                new TierLevel("KEY", LocalText.of("大客户", "Key customer"), "#c0392b"),
                new TierLevel("NORMAL", LocalText.of("一般客户", "Normal customer"), "#2980b9"),
                new TierLevel("POTENTIAL", LocalText.of("潜在客户", "Potential customer"), "#7f8c8d")),
                Map.of("KEY", List.of(new Criterion("total_spend", ">=", "100000"),
                                new Criterion("purchase_count", ">=", "6")),
                        "NORMAL", List.of(new Criterion("purchase_count", ">=", "2"))),
                null, "level");
        List<TierLevel> stars = new ArrayList<>();
        Map<String, List<Criterion>> starCriteria = new LinkedHashMap<>();
        for (int s = 5; s >= 1; s--) {
            stars.add(new TierLevel("STAR_" + s, LocalText.of(s + " 星", s + " stars"),
                    List.of("#f1c40f", "#e67e22", "#d35400", "#95a5a6", "#bdc3c7").get(5 - s)));
            if (s > 1) {
                starCriteria.put("STAR_" + s, List.of(new Criterion("rfm_score", ">=", Integer.toString(s * 3 - 2))));
            }
        }
        TierScheme five = new TierScheme(STARS, LocalText.of("五星分级", "One to five stars"), stars, starCriteria,
                null, "level");
        return List.of(three, five);
    }

    /** The stored form of a scheme (the JSON format admins edit; unchanged from earlier versions). */
    record SchemeJson(String id, LocalText name, String field, String rule, List<LevelJson> levels) {
    }

    /** A level with its criteria (none for the lowest level). */
    record LevelJson(String code, String zh, String en, String colour, List<CriterionJson> criteria) {
    }

    /** One criterion; {@code value} may be written as a number or a string. */
    record CriterionJson(String metric, String op, String value) {
    }

    static final JsonType<List<SchemeJson>> TYPE = new JsonType<>() { };

    /**
     * Reads schemes from their JSON text.
     *
     * @throws IllegalArgumentException naming where the JSON is wrong or which required value is missing
     */
    static List<TierScheme> fromJson(PluginJson json, String text) {
        return fromStored(json.read(text, TYPE));
    }

    static String toJson(PluginJson json, List<TierScheme> schemes) {
        return json.writePretty(toStored(schemes));
    }

    static List<TierScheme> fromStored(List<SchemeJson> stored) {
        if (stored == null) {
            throw new IllegalArgumentException("The schemes are a JSON array");
        }
        List<TierScheme> schemes = new ArrayList<>();
        for (SchemeJson s : stored) {
            schemes.add(scheme(require(s, "a scheme")));
        }
        if (schemes.stream().map(TierScheme::id).distinct().count() != schemes.size()) {
            throw new IllegalArgumentException("Two schemes have the same id");
        }
        return schemes;
    }

    static List<SchemeJson> toStored(List<TierScheme> schemes) {
        List<SchemeJson> out = new ArrayList<>();
        for (TierScheme s : schemes) {
            List<LevelJson> levels = new ArrayList<>();
            for (TierLevel l : s.levels()) {
                List<CriterionJson> criteria = s.criteria().getOrDefault(l.code(), List.of()).stream()
                        .map(c -> new CriterionJson(c.metric(), c.operator(), c.value())).toList();
                levels.add(new LevelJson(l.code(), l.name().zh(), l.name().en(), l.colour(),
                        criteria.isEmpty() ? null : criteria));
            }
            out.add(new SchemeJson(s.id(), s.name(), s.field(), s.rule(), levels));
        }
        return out;
    }

    private static TierScheme scheme(SchemeJson s) {
        String id = require(s.id(), "'id' of a scheme");
        List<TierLevel> levels = new ArrayList<>();
        Map<String, List<Criterion>> criteria = new LinkedHashMap<>();
        for (LevelJson level : require(s.levels(), "'levels' of " + id)) {
            String code = require(require(level, "a level of " + id).code(), "'code' of a level of " + id);
            levels.add(new TierLevel(code, LocalText.of(require(level.zh(), "'zh' of level " + code),
                    require(level.en(), "'en' of level " + code)), require(level.colour(), "'colour' of level " + code)));
            List<Criterion> all = new ArrayList<>();
            for (CriterionJson c : level.criteria() == null ? List.<CriterionJson>of() : level.criteria()) {
                String what = "a criterion of " + code;
                all.add(new Criterion(require(require(c, what).metric(), "'metric' of " + what),
                        require(c.op(), "'op' of " + what), require(c.value(), "'value' of " + what)));
            }
            if (!all.isEmpty()) {
                criteria.put(code, all);
            }
        }
        LocalText name = s.name() == null ? LocalText.of(id, id)
                : LocalText.of(s.name().zh() == null ? id : s.name().zh(), s.name().en() == null ? id : s.name().en());
        return new TierScheme(id, name, levels, criteria, s.rule(), s.field());
    }

    private static <T> T require(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        return value;
    }
}
