package io.kehu.plugins.tiering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one customer did in an evaluation period, and the customer fields a scheme looks at.
 *
 * @param customerId the customer
 * @param rowVersion the customer's version when read (the level is written with optimistic locking)
 * @param currentLevel the level before the evaluation, or {@code null}
 * @param totalSpend the sum of the purchases' amounts in the period
 * @param purchaseCount the number of purchases in the period
 * @param lastPurchase the date of the last purchase in the period, or {@code null}
 * @param recencyDays days from the last purchase to the period's end, or {@code null} without purchases
 * @param rScore recency quintile 1 (oldest) .. 5 (most recent); 0 without purchases
 * @param fScore frequency quintile 1 .. 5; 0 without purchases
 * @param mScore monetary quintile 1 .. 5; 0 without purchases
 * @param fields customer field id → value, for {@code field:} thresholds
 */
public record CustomerMetrics(long customerId, int rowVersion, String currentLevel, BigDecimal totalSpend,
                              long purchaseCount, LocalDate lastPurchase, Long recencyDays, int rScore, int fScore,
                              int mScore, Map<String, Object> fields) {

    /** The metric names thresholds and rules use. */
    public static final List<String> METRICS = List.of("total_spend", "purchase_count", "recency_days",
            "avg_order_value", "r_score", "f_score", "m_score", "rfm_score");

    static Long recency(LocalDate lastPurchase, Period period) {
        return lastPurchase == null ? null : ChronoUnit.DAYS.between(lastPurchase, period.to());
    }

    /** Average order value, or {@code null} without purchases. */
    public BigDecimal avgOrderValue() {
        return purchaseCount == 0 ? null
                : totalSpend.divide(BigDecimal.valueOf(purchaseCount), 2, RoundingMode.HALF_UP);
    }

    /** R + F + M: 3 .. 15; 0 without purchases. */
    public int rfmScore() {
        return rScore + fScore + mScore;
    }

    /** A metric by name, or a customer field by {@code field:<id>}. */
    public Object metric(String name) {
        if (name.startsWith("field:")) {
            return fields == null ? null : fields.get(name.substring("field:".length()));
        }
        return switch (name) {
            case "total_spend" -> totalSpend;
            case "purchase_count" -> purchaseCount;
            case "recency_days" -> recencyDays;
            case "avg_order_value" -> avgOrderValue();
            case "r_score" -> (long) rScore;
            case "f_score" -> (long) fScore;
            case "m_score" -> (long) mScore;
            case "rfm_score" -> (long) rfmScore();
            default -> throw new IllegalArgumentException("Unknown metric " + name);
        };
    }

    /** The metrics as the fields of the {@code tier_metrics} form (what rules see as {@code record}). */
    public Map<String, Object> asRecord() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("total_spend", totalSpend);
        record.put("purchase_count", purchaseCount);
        record.put("recency_days", recencyDays);
        record.put("avg_order_value", avgOrderValue());
        record.put("r_score", (long) rScore);
        record.put("f_score", (long) fScore);
        record.put("m_score", (long) mScore);
        record.put("rfm_score", (long) rfmScore());
        record.put("current_level", currentLevel);
        return record;
    }

    /** The snapshot kept in a history row: the metrics as JSON. */
    public String snapshot(io.kehu.sdk.json.PluginJson json) {
        Map<String, Object> snapshot = asRecord();
        snapshot.remove("current_level");
        snapshot.put("last_purchase", lastPurchase == null ? null : lastPurchase.toString());
        return json.write(snapshot);
    }
}
