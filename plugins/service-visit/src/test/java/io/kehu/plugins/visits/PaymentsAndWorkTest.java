package io.kehu.plugins.visits;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.kehu.plugins.visits.BookingScenarios.bookFree;
import static io.kehu.plugins.visits.BookingScenarios.customer;
import static io.kehu.plugins.visits.BookingScenarios.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.MoneyValue;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No cash: extra charges are bank-transfer requests (rules on every path, the phone's form); parts and hours. */
@KehuPluginTest
class PaymentsAndWorkTest {

    private static String text(String id) {
        return _get(Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    private static RecordData onSite(KehuTestHost kehu, String name) {
        PluginContext context = kehu.context();
        // the visitor is the customer's account manager here, so the records below can be written as staff
        long customer = context.records().create("customer", Map.of("name", name, "customer_type", "person",
                "phone", "139" + (10000000 + System.nanoTime() % 89999999),
                "account_manager", user(context, "staff"))).id();
        RecordData visit = bookFree(context, customer, "repair", user(context, "staff"), 10, 0);
        VisitService service = new VisitService(context);
        return kehu.callAsUser("staff", () -> {
            service.move(service.visit(visit.id()), VisitSteps.CONFIRM);
            return service.move(service.visit(visit.id()), VisitSteps.CHECK_IN);
        });
    }

    private static Map<String, Object> request(RecordData visit, String amount, String status) {
        Map<String, Object> values = new HashMap<>(Map.of("visit", visit.id(), "customer", visit.get("customer"),
                "amount", new MoneyValue(new BigDecimal(amount), "CNY"), "reason", "更换进水阀（客户自选加装）",
                "method", "bank_transfer", "status", status, "requested_at", OffsetDateTime.now()));
        return values;
    }

    private static String zh(RecordException e) {
        return e.message(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void anExtraChargeIsATransferRequestThatOnlyAManagerMarksPaidAndThenIsFinal(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        RecordData visit = onSite(kehu, "转账客户");
        var staff = kehu.recordsAs("staff");
        // a request starts unpaid; there is no cash to choose
        assertThatThrownBy(() -> staff.create(VisitForms.PAYMENT, request(visit, "120.00", "paid")))
                .isInstanceOfSatisfying(RecordException.class, e -> assertThat(zh(e)).isEqualTo("新的转账申请应为“待转账”"));
        Map<String, Object> cash = request(visit, "120.00", "unpaid");
        cash.put("method", "cash");
        assertThatThrownBy(() -> staff.create(VisitForms.PAYMENT, cash)).isInstanceOfSatisfying(RecordException.class,
                e -> assertThat(e.reason()).isEqualTo(RecordException.Reason.INVALID));
        assertThatThrownBy(() -> staff.create(VisitForms.PAYMENT, request(visit, "0.00", "unpaid")))
                .isInstanceOf(RecordException.class);
        Map<String, Object> otherCustomer = request(visit, "120.00", "unpaid");
        otherCustomer.put("customer", customer(context, "别的客户", null));
        assertThatThrownBy(() -> context.records().create(VisitForms.PAYMENT, otherCustomer))
                .isInstanceOfSatisfying(RecordException.class,
                        e -> assertThat(zh(e)).isEqualTo("转账申请的客户必须是该次上门的客户"));

        RecordData unpaid = kehu.callAsUser("staff",
                () -> VisitExtras.request(context, visit.id(), new BigDecimal("1234.5"), "更换进水阀"));
        assertThat(unpaid.get("status")).isEqualTo("unpaid");
        assertThat(unpaid.get("method")).isEqualTo("bank_transfer");
        assertThat(((MoneyValue) unpaid.get("amount")).amount()).isEqualByComparingTo("1234.50");

        // the visitor cannot mark it paid; a manager can, with the transfer's reference and time
        assertThatThrownBy(() -> staff.update(VisitForms.PAYMENT, unpaid.id(), unpaid.rowVersion(),
                Map.of("status", "paid", "transfer_ref", "X1", "paid_at", OffsetDateTime.now())))
                .isInstanceOfSatisfying(RecordException.class,
                        e -> assertThat(zh(e)).isEqualTo("只有经理或管理员可以确认转账已到账"));
        var manager = kehu.recordsAs("manager");
        assertThatThrownBy(() -> manager.update(VisitForms.PAYMENT, unpaid.id(), unpaid.rowVersion(),
                Map.of("status", "paid")))
                .isInstanceOfSatisfying(RecordException.class,
                        e -> assertThat(zh(e)).isEqualTo("确认到账需填写转账流水号和到账时间"));
        RecordData paid = manager.update(VisitForms.PAYMENT, unpaid.id(), unpaid.rowVersion(),
                Map.of("status", "paid", "transfer_ref", "CMB20261206-0042", "paid_at", OffsetDateTime.now()));
        assertThat(paid.get("status")).isEqualTo("paid");
        // paid is final: neither the amount nor the status changes, and it is not deleted
        assertThatThrownBy(() -> manager.update(VisitForms.PAYMENT, paid.id(), paid.rowVersion(),
                Map.of("amount", new MoneyValue(new BigDecimal("1.00"), "CNY"))))
                .isInstanceOfSatisfying(RecordException.class,
                        e -> assertThat(zh(e)).isEqualTo("已到账的转账申请不能再修改或删除"));
        assertThatThrownBy(() -> kehu.recordsAs("admin").delete(VisitForms.PAYMENT, paid.id(), paid.rowVersion()))
                .isInstanceOf(RecordException.class);
        assertThat(context.records().get(VisitForms.PAYMENT, paid.id())).isPresent();
    }

    @Test
    void thePhoneRecordsATransferRequestPartsAndHoursAndTheyAreSignedWithTheVisit(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        RecordData visit = onSite(kehu, "零件客户");
        context.settings().put(VisitExtras.ACCOUNT_SETTING, "某某服务有限公司 · 招商银行 · 6225 0000 0000 0000");
        try (KehuUi ui = kehu.ui("staff", Locale.SIMPLIFIED_CHINESE)) {
            Div screen = new Div();
            UI.getCurrent().add(screen);
            VisitScreen.show(context, screen, visit.id());
            assertThat(text("payment-nocash")).contains("不收取现金").contains("银行转账");
            assertThat(text("payment-account")).contains("招商银行");
            assertThat(text("payment-count")).isEqualTo("没有额外费用");
            _click(_get(Button.class, spec -> spec.withId("payment-add")));
            assertThat(text("payment-outcome")).isEqualTo("请填写金额和收费原因");
            _get(BigDecimalField.class, spec -> spec.withId("payment-amount")).setValue(new BigDecimal("1234.5"));
            _get(TextField.class, spec -> spec.withId("payment-reason")).setValue("加装前置过滤器");
            _click(_get(Button.class, spec -> spec.withId("payment-add")));
            assertThat(text("payment-count")).isEqualTo("共 1 笔转账申请，1 笔待转账");
            assertThat(text("payment-outcome")).isEqualTo("已记录 ¥1,234.50 的转账申请");
            List<RecordData> requests = VisitExtras.requests(context, visit.id());
            assertThat(text("payment-" + requests.getFirst().id())).isEqualTo("¥1,234.50 · 加装前置过滤器 · 待转账");
        }
        // parts and hours are part of the signed content: changing them afterwards shows as changed after signing
        VisitService service = new VisitService(context);
        RecordData worked = context.records().update(VisitForms.VISIT, visit.id(), service.visit(visit.id())
                .rowVersion(), Map.of("parts_used", "进水阀 ×1，前置过滤器 ×1", "hours_worked", new BigDecimal("1.50")));
        assertThat(worked.get("hours_worked")).isInstanceOf(BigDecimal.class);
        RecordData signed = kehu.callAsUser("staff", () -> {
            for (RecordData check : service.checks(visit.id())) {
                service.answer(check, "not_needed", null);
            }
            return service.signOff(service.visit(visit.id()), "吴先生", "M5,5 L50,50");
        });
        String hash = (String) signed.get("content_hash");
        assertThat(VisitHash.now(context, signed, service.checks(visit.id()))).isEqualTo(hash);
        RecordData changed = context.records().update(VisitForms.VISIT, visit.id(), signed.rowVersion(),
                Map.of("hours_worked", new BigDecimal("3.00")));
        assertThat(VisitHash.now(context, changed, service.checks(visit.id()))).isNotEqualTo(hash);
    }
}
