package io.kehu.plugins.visits;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.MoneyValue;
import io.kehu.sdk.records.RecordAction;
import io.kehu.sdk.records.RecordChange;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordListener;
import io.kehu.sdk.records.Veto;
import io.kehu.sdk.users.UserInfo;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * No cash is carried (上门服务准则): an extra charge on a visit is a request for a bank transfer to the company
 * ({@code visit_payment}: amount, reason, 待转账 unpaid / 已到账 paid / 已取消 cancelled), never money collected on
 * site — the form offers no other method than the transfer. Checked on every write path:
 * <ul>
 * <li>the request belongs to a visit that is not cancelled, and to that visit's customer;</li>
 * <li>a new request is unpaid; only a manager or administrator (who sees the company's account) marks it paid, with
 * the transfer's reference;</li>
 * <li>a paid request is final (amount, reason, visit and status no longer change) and is never deleted.</li>
 * </ul>
 */
@Extension
public class PaymentRules implements RecordListener {

    static final String UNPAID = "unpaid";
    static final String PAID = "paid";
    static final String CANCELLED = "cancelled";

    private final PluginContext context;

    public PaymentRules(PluginContext context) {
        this.context = context;
    }

    @Override
    public boolean handles(String formId) {
        return VisitForms.PAYMENT.equals(formId);
    }

    @Override
    public Optional<Veto> beforeSave(RecordChange change) {
        Object oldStatus = change.oldValues().get("status");
        Object status = change.values().get("status");
        if (PAID.equals(oldStatus)) {
            for (String field : new String[] {"amount", "reason", "visit", "customer", "status", "transfer_ref"}) {
                if (!Objects.equals(change.values().get(field), change.oldValues().get(field))) {
                    return veto("veto.payment.paid");
                }
            }
            return Optional.empty();
        }
        if (change.action() == RecordAction.CREATE && !UNPAID.equals(status)) {
            return veto("veto.payment.new");
        }
        if (!(change.values().get("amount") instanceof MoneyValue amount)
                || amount.amount().compareTo(BigDecimal.ZERO) <= 0) {
            return veto("veto.payment.amount");
        }
        if (change.values().get("visit") instanceof Number visitId) {
            Optional<RecordData> visit = context.records().get(VisitForms.VISIT, visitId.longValue());
            if (visit.isEmpty() || VisitStatus.CANCELLED.code().equals(visit.get().get("status"))) {
                return veto("veto.payment.visit");
            }
            if (!Objects.equals(visit.get().get("customer"), change.values().get("customer"))) {
                return veto("veto.payment.customer");
            }
        }
        if (PAID.equals(status)) {
            boolean mayConfirm = context.users().byUsername(change.actor()).map(UserInfo::roles)
                    .map(roles -> roles.contains("MANAGER") || roles.contains("ADMIN")).orElse(false);
            if (!mayConfirm) {
                return veto("veto.payment.confirm");
            }
            Object reference = change.values().get("transfer_ref");
            if (reference == null || reference.toString().isBlank() || change.values().get("paid_at") == null) {
                return veto("veto.payment.reference");
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Veto> beforeDelete(RecordChange change) {
        return PAID.equals(change.oldValues().get("status")) ? veto("veto.payment.paid") : Optional.empty();
    }

    private Optional<Veto> veto(String key) {
        return Optional.of(new Veto(context.messages().text(key)));
    }
}
