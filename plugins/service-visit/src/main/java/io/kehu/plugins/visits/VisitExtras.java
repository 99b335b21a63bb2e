package io.kehu.plugins.visits;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.MoneyValue;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The visit's parts and hours (saved as they are typed, like the checklist) and its extra charges: never cash, each
 * one a request for a bank transfer to the company (amount, reason, 待转账/已到账), checked by {@link PaymentRules}.
 */
final class VisitExtras {

    static final String ACCOUNT_SETTING = "payment.account";

    private VisitExtras() {
    }

    /** Parts used and hours worked: editable while the visit is on site, saved on leaving each field. */
    static Div work(PluginContext context, long visitId, boolean editable, Locale locale) {
        Div box = new Div();
        box.setId("visit-work");
        VisitService service = new VisitService(context);
        RecordData visit = service.visit(visitId);
        TextArea parts = new TextArea(context.messages().get("work.parts", locale));
        parts.setId("visit-parts");
        parts.setWidthFull();
        parts.setMaxLength(2000);
        parts.setValue(visit.get("parts_used") == null ? "" : visit.get("parts_used").toString());
        parts.setValueChangeMode(ValueChangeMode.ON_BLUR);
        parts.setReadOnly(!editable);
        NumberField hours = new NumberField(context.messages().get("work.hours", locale));
        hours.setId("visit-hours");
        hours.setMin(0);
        hours.setMax(24);
        hours.setStep(0.25);
        hours.setStepButtonsVisible(true);
        hours.setValue(visit.get("hours_worked") instanceof BigDecimal d ? d.doubleValue() : null);
        hours.setReadOnly(!editable);
        Span saved = new Span();
        saved.setId("visit-work-saved");
        Runnable save = () -> {
            Map<String, Object> changes = new HashMap<>();
            changes.put("parts_used", parts.getValue().isBlank() ? null : parts.getValue().strip());
            changes.put("hours_worked", hours.getValue() == null ? null
                    : BigDecimal.valueOf(hours.getValue()).setScale(2, RoundingMode.HALF_UP));
            try {
                RecordData current = service.visit(visitId);
                context.recordsOfCurrentUser().update(VisitForms.VISIT, visitId, current.rowVersion(), changes);
                saved.setText(context.messages().get("work.saved", locale));
            } catch (RecordException e) {
                saved.setText(e.message(locale));
            }
        };
        parts.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                save.run();
            }
        });
        hours.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                save.run();
            }
        });
        box.add(new H3(context.messages().get("work.title", locale)), parts, hours, saved);
        return box;
    }

    /** ¥1,234.00 */
    static String money(BigDecimal amount) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ROOT);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        format.setGroupingUsed(true);
        return "¥" + format.format(amount);
    }

    /** The visit's transfer requests with their count, and (unless the visit is cancelled) a form for a new one. */
    static Div payments(PluginContext context, long visitId, boolean mayAdd, Locale locale) {
        Div box = new Div();
        box.setId("visit-payments");
        fill(context, box, visitId, mayAdd, locale, "");
        return box;
    }

    private static void fill(PluginContext context, Div box, long visitId, boolean mayAdd, Locale locale,
            String message) {
        box.removeAll();
        box.add(new H3(context.messages().get("payment.title", locale)));
        Paragraph noCash = new Paragraph(context.messages().get("payment.nocash", locale));
        noCash.setId("payment-nocash");
        box.add(noCash);
        context.settings().get(ACCOUNT_SETTING).filter(a -> !a.isBlank()).ifPresent(account -> {
            Paragraph p = new Paragraph(context.messages().get("payment.account", locale, account));
            p.setId("payment-account");
            box.add(p);
        });
        List<RecordData> requests = requests(context, visitId);
        long unpaid = requests.stream().filter(r -> PaymentRules.UNPAID.equals(r.get("status"))).count();
        Span count = new Span(requests.isEmpty() ? context.messages().get("payment.none", locale)
                : context.messages().get("payment.count", locale, requests.size(), unpaid));
        count.setId("payment-count");
        box.add(count);
        for (RecordData r : requests) {
            BigDecimal amount = r.get("amount") instanceof MoneyValue m ? m.amount() : BigDecimal.ZERO;
            Paragraph row = new Paragraph(context.messages().get("payment.row", locale, money(amount), r.get("reason"),
                    context.messages().get("payment.status." + r.get("status"), locale)));
            row.setId("payment-" + r.id());
            box.add(row);
        }
        if (!mayAdd) {
            return;
        }
        BigDecimalField amount = new BigDecimalField(context.messages().get("payment.amount", locale));
        amount.setId("payment-amount");
        amount.setWidthFull();
        TextField reason = new TextField(context.messages().get("payment.reason", locale));
        reason.setId("payment-reason");
        reason.setMaxLength(200);
        reason.setWidthFull();
        Paragraph outcome = new Paragraph(message);
        outcome.setId("payment-outcome");
        Button add = new Button(context.messages().get("payment.add", locale), e -> {
            if (amount.getValue() == null || reason.getValue().isBlank()) {
                outcome.setText(context.messages().get("payment.missing", locale));
                return;
            }
            try {
                request(context, visitId, amount.getValue(), reason.getValue());
                fill(context, box, visitId, true, locale, context.messages().get("payment.added", locale,
                        money(amount.getValue().setScale(2, RoundingMode.HALF_UP))));
            } catch (RecordException ex) {
                outcome.setText(ex.message(locale));
            }
        });
        add.setId("payment-add");
        add.setWidthFull();
        box.add(amount, reason, add, outcome);
    }

    /**
     * Records a transfer request for the visit's customer, unpaid, by bank transfer (there is no other method). The
     * user must be able to read the visit (checked with their permissions); the request is then written by the
     * plugin, because the visitor need not be the customer's account manager and so may not see the customer the
     * request refers to. {@link PaymentRules} check it on that write as on any other.
     */
    static RecordData request(PluginContext context, long visitId, BigDecimal amount, String reason) {
        RecordData visit = new VisitService(context).visit(visitId);
        return context.records().create(VisitForms.PAYMENT, Map.of("visit", visitId,
                "customer", visit.get("customer"), "amount", new MoneyValue(amount.setScale(2, RoundingMode.HALF_UP),
                        "CNY"), "reason", reason.strip(), "method", "bank_transfer", "status", PaymentRules.UNPAID,
                "requested_at", OffsetDateTime.now()));
    }

    /** The visit's transfer requests, for a user who may read the visit (checked first, with their permissions). */
    static List<RecordData> requests(PluginContext context, long visitId) {
        new VisitService(context).visit(visitId);
        return context.records().search(VisitForms.PAYMENT)
                .where("visit", FilterOperator.EQUALS, visitId).sortBy("id", false).limit(100).list();
    }
}
