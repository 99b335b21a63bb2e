package io.kehu.plugins.tiering;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.scripts.ScriptFunctions;
import org.pf4j.Extension;

/**
 * Offers the entitlements to form rules and other plugins as {@code tier}: e.g. a visit plan's rule
 * {@code tier.entitlement(record.level, 'visitsPerYear')} or {@code tier.levelName(record.level)}.
 */
@Extension
public class TieringFunctions implements ScriptFunctions {

    private final PluginContext context;

    public TieringFunctions(PluginContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "tier";
    }

    @Override
    public Object functions() {
        return new Tier(context);
    }

    /** What rules may call. */
    public static class Tier {
        private final PluginContext context;

        Tier(PluginContext context) {
            this.context = context;
        }

        /** The entitlement {@code key} of level {@code level} (e.g. {@code visitsPerYear}), or "" when none. */
        public String entitlement(String level, String key) {
            if (level == null || key == null) {
                return "";
            }
            String value = new TieringSettings(context).entitlements()
                    .getOrDefault(level, java.util.Map.of()).get(key);
            return value == null ? "" : value;
        }

        /** The entitlement as a whole number, 0 when missing or not a number. */
        public long entitlementNumber(String level, String key) {
            try {
                return Long.parseLong(entitlement(level, key).trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        /** The English name of {@code level} in the active scheme, or the code itself. */
        public String levelName(String level) {
            return new TieringSettings(context).activeScheme().level(level)
                    .map(l -> l.name().en()).orElse(level == null ? "" : level);
        }
    }
}
