package io.kehu.sdk.scripts;

import java.util.Map;

/**
 * Runs Groovy scripts that an admin wrote for a plugin (e.g. a tier rule) in the platform's rule sandbox: statically
 * compiled against an allow-list, cached by source, time-limited, seeing {@code record} (typed by the fields of a
 * form), {@code user}, {@code now} and the {@link ScriptFunctions} of started plugins, as form rules do.
 *
 * <pre>{@code
 * PluginScripts.Script rule = context.scripts().compile("tier_metrics",
 *         "record.total_spend >= 100000 ? 'KEY' : 'NORMAL'");
 * Object level = rule.evaluate(Map.of("total_spend", new BigDecimal("250000")));
 * }</pre>
 */
public interface PluginScripts {

    /**
     * Compiles {@code script} with {@code record} typed by form {@code formId}'s fields.
     *
     * @throws IllegalArgumentException naming line, column and reason when it does not compile or the form is unknown
     */
    Script compile(String formId, String script);

    /** A compiled script. */
    interface Script {

        /**
         * Runs the script with {@code record} holding {@code values} (field id → value, as in
         * {@link io.kehu.sdk.records.PluginRecords}).
         *
         * @return what the script returned
         * @throws IllegalStateException saying why the script failed (an exception, the time limit)
         */
        Object evaluate(Map<String, ?> values);
    }
}
