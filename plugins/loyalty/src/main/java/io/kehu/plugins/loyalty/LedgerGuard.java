package io.kehu.plugins.loyalty;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordAction;
import io.kehu.sdk.records.RecordChange;
import io.kehu.sdk.records.RecordListener;
import io.kehu.sdk.records.Veto;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Keeps the ledger append-only and the balance derived: entries are created only by the plugin (through
 * {@link Ledger}) and never changed or deleted, by anyone; accounts are written only by the plugin. An admin who
 * opens the forms in the generic record screens is told why.
 */
@Extension
public class LedgerGuard implements RecordListener {

    private final PluginContext context;

    public LedgerGuard(PluginContext context) {
        this.context = context;
    }

    @Override
    public boolean handles(String formId) {
        return Ledger.ENTRY.equals(formId) || Ledger.ACCOUNT.equals(formId) || Expiry.NOTICE.equals(formId)
                || Levels.CHANGE.equals(formId) || Liability.MONTH.equals(formId);
    }

    @Override
    public Optional<Veto> beforeSave(RecordChange change) {
        if (Ledger.ENTRY.equals(change.formId()) && change.action() != RecordAction.CREATE) {
            return Optional.of(veto("积分流水不可修改，只能冲正", "Points entries are never changed, only reversed"));
        }
        if (!byPlugin(change.actor())) {
            return Optional.of(veto("积分只能通过积分计划、兑换或经理调整变动",
                    "Points change only through the programme, redemptions or a manager's adjustment"));
        }
        return Optional.empty();
    }

    @Override
    public Optional<Veto> beforeDelete(RecordChange change) {
        return Optional.of(veto("积分流水和账户不可删除，只能冲正",
                "Points entries and accounts are never deleted, only reversed"));
    }

    private boolean byPlugin(String actor) {
        String self = "plugin:" + context.pluginId();
        return actor != null && (actor.equals(self) || actor.startsWith(self + " "));
    }

    private static Veto veto(String zh, String en) {
        return Veto.because(zh, en);
    }
}
