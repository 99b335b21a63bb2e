package io.kehu.plugins.loyalty;

import io.kehu.sdk.forms.DefinitionText;
import io.kehu.sdk.forms.FormDefinitionProvider;
import java.util.List;
import org.pf4j.Extension;

/**
 * The ledger's forms: {@code loyalty_entry} (one row per earn, redeem, expire, adjust or reverse; never changed) and
 * {@code loyalty_account} (one row per customer: the balance the entries add up to, kept in the same transaction).
 */
@Extension
public class LoyaltyForms implements FormDefinitionProvider {

    @Override
    public List<DefinitionText> definitions() {
        return List.of(DefinitionText.fromResource(getClass(), "forms/" + Ledger.ENTRY + ".json"),
                DefinitionText.fromResource(getClass(), "forms/" + Ledger.ACCOUNT + ".json"),
                DefinitionText.fromResource(getClass(), "forms/" + Awards.REFERRAL + ".json"),
                DefinitionText.fromResource(getClass(), "forms/" + Redemptions.REWARD + ".json"),
                DefinitionText.fromResource(getClass(), "forms/" + Expiry.NOTICE + ".json"),
                DefinitionText.fromResource(getClass(), "forms/" + Levels.CHANGE + ".json"),
                DefinitionText.fromResource(getClass(), "forms/" + Liability.MONTH + ".json"));
    }
}
