package io.kehu.sdk.ui;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Columns a plugin adds to <em>another</em> form's list view (normally the platform's customer list), each with its
 * filter and sort: e.g. the churn plugin's 流失风险 on the customer list, filterable "risk ≥ 70".
 *
 * <p>The values are not computed by the plugin per row: a column is <em>declared</em> ({@link ListColumn}) as "this
 * field of my form, whose reference field points at the listed record", and the platform joins it into the list's
 * own query (a correlated sub-select on the plugin's table, one statement per page: no per-row queries, no count of
 * the whole table, keyset paging as usual). So the reference field should be {@code indexed} (or {@code unique}).
 * The viewer's permissions on the plugin's form apply: someone who may not read the form or the value field does not
 * see the column, cannot filter or sort by it, and a staff member only sees values of records they may see.
 *
 * <p>The column is offered in the list's column chooser, filter bar, sort and saved views like a field of the listed
 * form, and shown as a line on the phone cards. Its definition is checked when the plugin starts (the forms named,
 * the reference pointing at the listed form, the kind matching the value field's type); a column that does not fit
 * makes the plugin FAILED with the reason. When the plugin is disabled or removed the column disappears; saved views
 * that used it open without it and say that a part of them is no longer available.
 *
 * <pre>{@code
 * @Extension
 * public class PointsColumn implements ListColumnContribution {
 *     public List<ListColumn> columns() {
 *         return List.of(ListColumn.builder("customer", "loyalty_balance", LocalText.of("积分余额", "Points balance"))
 *                 .from("loyalty_account", "customer", "balance").kind(ListColumn.Kind.NUMBER).build());
 *     }
 * }
 * }</pre>
 */
public interface ListColumnContribution extends ExtensionPoint {

    /** The columns, in the order they are offered; asked often, so return constants. */
    List<ListColumn> columns();
}
