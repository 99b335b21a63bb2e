package io.kehu.plugins.tiering;

import io.kehu.sdk.LocalText;
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

    static List<TierScheme> fromJson(String json) {
        Object parsed = Json.parse(json);
        if (!(parsed instanceof List<?> list)) {
            throw new IllegalArgumentException("The schemes are a JSON array");
        }
        List<TierScheme> schemes = new ArrayList<>();
        for (Object item : list) {
            schemes.add(scheme(map(item, "a scheme")));
        }
        if (schemes.stream().map(TierScheme::id).distinct().count() != schemes.size()) {
            throw new IllegalArgumentException("Two schemes have the same id");
        }
        return schemes;
    }

    private static TierScheme scheme(Map<String, Object> m) {
        String id = text(m, "id");
        List<TierLevel> levels = new ArrayList<>();
        Map<String, List<Criterion>> criteria = new LinkedHashMap<>();
        for (Object l : list(m.get("levels"), "levels of " + id)) {
            Map<String, Object> level = map(l, "a level of " + id);
            String code = text(level, "code");
            levels.add(new TierLevel(code, LocalText.of(text(level, "zh"), text(level, "en")),
                    text(level, "colour")));
            if (level.get("criteria") != null) {
                List<Criterion> all = new ArrayList<>();
                for (Object c : list(level.get("criteria"), "criteria of " + code)) {
                    Map<String, Object> criterion = map(c, "a criterion of " + code);
                    all.add(new Criterion(text(criterion, "metric"), text(criterion, "op"),
                            String.valueOf(criterion.get("value"))));
                }
                if (!all.isEmpty()) {
                    criteria.put(code, all);
                }
            }
        }
        Map<String, Object> name = m.get("name") == null ? Map.of() : map(m.get("name"), "name of " + id);
        return new TierScheme(id, LocalText.of((String) name.getOrDefault("zh", id), (String) name.getOrDefault("en",
                id)), levels, criteria, (String) m.get("rule"), (String) m.get("field"));
    }

    static String toJson(List<TierScheme> schemes) {
        List<Object> out = new ArrayList<>();
        for (TierScheme s : schemes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("name", Map.of("zh", s.name().zh(), "en", s.name().en()));
            m.put("field", s.field());
            if (s.rule() != null) {
                m.put("rule", s.rule());
            }
            List<Object> levels = new ArrayList<>();
            for (TierLevel l : s.levels()) {
                Map<String, Object> level = new LinkedHashMap<>();
                level.put("code", l.code());
                level.put("zh", l.name().zh());
                level.put("en", l.name().en());
                level.put("colour", l.colour());
                List<Object> criteria = new ArrayList<>();
                for (Criterion c : s.criteria().getOrDefault(l.code(), List.of())) {
                    criteria.add(Map.of("metric", c.metric(), "op", c.operator(), "value", c.value()));
                }
                if (!criteria.isEmpty()) {
                    level.put("criteria", criteria);
                }
                levels.add(level);
            }
            m.put("levels", levels);
            out.add(m);
        }
        return Json.write(out);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String what) {
        if (!(o instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(what + " must be a JSON object");
        }
        return (Map<String, Object>) o;
    }

    private static List<?> list(Object o, String what) {
        if (!(o instanceof List<?> list)) {
            throw new IllegalArgumentException(what + " must be a JSON array");
        }
        return list;
    }

    private static String text(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("'" + key + "' is missing in " + Json.write(m));
        }
        return v.toString();
    }
}
