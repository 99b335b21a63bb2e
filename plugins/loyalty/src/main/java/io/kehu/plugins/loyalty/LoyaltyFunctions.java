package io.kehu.plugins.loyalty;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.scripts.ScriptFunctions;
import org.pf4j.Extension;

/**
 * Offers the points to form rules as {@code loyalty}: e.g. a purchase rule {@code loyalty.balance(record.customer)}
 * or a guard {@code loyalty.pending(record.customer) == 0}. One indexed read of the customer's account.
 */
@Extension
public class LoyaltyFunctions implements ScriptFunctions {

    private final PluginContext context;

    public LoyaltyFunctions(PluginContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "loyalty";
    }

    @Override
    public Object functions() {
        return new Points(context);
    }

    /** What rules may call. */
    public static class Points {
        private final PluginContext context;

        Points(PluginContext context) {
            this.context = context;
        }

        /** The customer's available points (0 for none or no customer). */
        public long balance(Object customer) {
            return customer instanceof Number id ? new Ledger(context).balance(id.longValue()).available() : 0;
        }

        /** The customer's pending points (still inside the return window). */
        public long pending(Object customer) {
            return customer instanceof Number id ? new Ledger(context).balance(id.longValue()).pending() : 0;
        }
    }
}
