package io.kehu.plugins.loyalty;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.ui.ListColumn;
import io.kehu.sdk.ui.ListColumnContribution;
import java.util.List;
import org.pf4j.Extension;

/**
 * 积分余额 on the platform's customer list: the balance kept on the customer's {@code loyalty_account} (one per
 * customer, unique reference), filterable ("积分 ≥ 1000") and sortable, e.g. to find members worth a redemption call.
 */
@Extension
public class LoyaltyListColumns implements ListColumnContribution {

    private static final List<ListColumn> COLUMNS = List.of(
            ListColumn.builder("customer", "loyalty_balance", LocalText.of("积分余额", "Points balance"))
                    .from(Ledger.ACCOUNT, "customer", "balance").kind(ListColumn.Kind.NUMBER).build());

    @Override
    public List<ListColumn> columns() {
        return COLUMNS;
    }
}
