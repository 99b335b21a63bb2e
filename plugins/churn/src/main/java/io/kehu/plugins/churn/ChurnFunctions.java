package io.kehu.plugins.churn;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.scripts.ScriptFunctions;
import org.pf4j.Extension;

/**
 * A customer's current churn risk for form rules, automations and other plugins, as {@code churn}: e.g. a rule on
 * the customer form {@code churn.score(record.id) >= 70} or {@code churn.level(record.id) == 'high'}.
 */
@Extension
public class ChurnFunctions implements ScriptFunctions {

    private final PluginContext context;

    public ChurnFunctions(PluginContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "churn";
    }

    @Override
    public Object functions() {
        return new Churn(context);
    }

    /** What rules may call. */
    public static class Churn {
        private final PluginContext context;

        Churn(PluginContext context) {
            this.context = context;
        }

        /** The customer's current risk 0–100, or -1 when not scored. */
        public long score(Object customerId) {
            Long id = id(customerId);
            return id == null ? -1 : ChurnService.of(context).current(id)
                    .map(r -> ((Number) r.get("score")).longValue()).orElse(-1L);
        }

        /** {@code high}, {@code medium}, {@code low}, or "" when not scored. */
        public String level(Object customerId) {
            Long id = id(customerId);
            return id == null ? "" : ChurnService.of(context).current(id)
                    .map(r -> String.valueOf(r.get("risk_level"))).orElse("");
        }

        /** The current top reasons in Chinese ("" when not scored). */
        public String reasons(Object customerId) {
            Long id = id(customerId);
            return id == null ? "" : ChurnService.of(context).current(id)
                    .map(r -> r.get("reasons_zh") == null ? "" : r.get("reasons_zh").toString()).orElse("");
        }

        private static Long id(Object value) {
            if (value instanceof Number n) {
                return n.longValue() > 0 ? n.longValue() : null;
            }
            try {
                return value == null ? null : id(Long.valueOf(value.toString().trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
