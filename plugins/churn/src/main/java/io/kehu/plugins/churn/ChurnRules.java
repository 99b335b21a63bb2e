package io.kehu.plugins.churn;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.scripts.PluginScripts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The admin's warning rules, records of the {@code churn_rule} form: "a measure at least / at most a threshold" or
 * a Groovy condition over the measures (run in the platform's rule sandbox, {@code record} typed by
 * {@code churn_features}), each worth some risk points with its reason. A customer's rule points are the sum of the
 * rules that hold, at most 100.
 */
final class ChurnRules {

    /** One active rule, compiled. */
    record Rule(String name, String feature, boolean atLeast, double threshold, PluginScripts.Script script,
                int points, LocalText reason) {
    }

    /** A rule that holds for a customer. */
    record Hit(Rule rule, LocalText reason) {
    }

    private final List<Rule> rules;

    private ChurnRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    List<Rule> rules() {
        return rules;
    }

    /** The active rules; a rule's broken script is the admin's to fix: it fails the run naming the rule. */
    static ChurnRules load(PluginContext context) {
        seedDefaults(context);
        List<Rule> rules = new ArrayList<>();
        for (RecordData r : context.records().search(ChurnForms.RULE).where("active", FilterOperator.EQUALS, true)
                .sortBy("id", false).limit(500).list()) {
            String script = (String) r.get("script");
            PluginScripts.Script compiled = null;
            if (script != null && !script.isBlank()) {
                try {
                    compiled = context.scripts().compile(ChurnForms.FEATURES, script);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("The churn rule '" + r.get("name") + "' does not compile: "
                            + e.getMessage(), e);
                }
            } else if (r.get("feature") == null || r.get("threshold") == null || r.get("operator") == null) {
                continue;
            }
            Object points = r.get("points");
            String zh = (String) r.get("reason_zh");
            String en = (String) r.get("reason_en");
            LocalText reason = zh == null && en == null ? null
                    : LocalText.of(zh == null ? en : zh, en == null ? zh : en);
            rules.add(new Rule((String) r.get("name"), (String) r.get("feature"), !"lte".equals(r.get("operator")),
                    r.get("threshold") == null ? 0 : ((BigDecimal) r.get("threshold")).doubleValue(), compiled,
                    points == null ? 0 : ((Number) points).intValue(), reason));
        }
        return new ChurnRules(rules);
    }

    /** The rules that hold for row {@code row}, most points first. */
    List<Hit> evaluate(FeatureTable table, int row, ReasonTexts texts) {
        List<Hit> hits = new ArrayList<>();
        Map<String, Object> record = null;
        for (Rule rule : rules) {
            boolean holds;
            if (rule.script() != null) {
                record = record == null ? table.record(row) : record;
                Object result = rule.script().evaluate(record);
                holds = Boolean.TRUE.equals(result);
            } else {
                double v = table.get(row, rule.feature());
                holds = !Double.isNaN(v) && (rule.atLeast() ? v >= rule.threshold() : v <= rule.threshold());
            }
            if (holds) {
                LocalText reason = rule.reason() != null ? rule.reason()
                        : rule.feature() != null ? texts.measure(table, row, rule.feature())
                        : LocalText.of(rule.name(), rule.name());
                hits.add(new Hit(rule, reason));
            }
        }
        hits.sort((a, b) -> Integer.compare(b.rule().points(), a.rule().points()));
        return hits;
    }

    /**
     * The first use (after the forms are published, which is after the plugin's start) creates three example rules (an admin changes or switches them off in 流失预警规则): overdue
     * three times the usual interval, two complaints in 90 days, spend at half of a usual quarter.
     */
    static void seedDefaults(PluginContext context) {
        if (context.settings().get("rules.seeded").isPresent()) {
            return;
        }
        if (context.records().search(ChurnForms.RULE).limit(1).list().isEmpty()) {
            context.records().create(ChurnForms.RULE, Map.of("name", "久未购买（超过通常间隔 3 倍）", "active", true,
                    "feature", "overdue_ratio", "operator", "gte", "threshold", new BigDecimal("3"), "points", 40L));
            context.records().create(ChurnForms.RULE, Map.of("name", "近 90 天投诉 2 次及以上", "active", true,
                    "feature", "complaints_90d", "operator", "gte", "threshold", new BigDecimal("2"), "points", 30L));
            context.records().create(ChurnForms.RULE, Map.of("name", "消费降至以往一半以下", "active", true,
                    "feature", "spend_trend", "operator", "lte", "threshold", new BigDecimal("0.5"), "points", 20L));
        }
        context.settings().put("rules.seeded", "true");
    }
}
