package io.kehu.platform.designer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.rules.RuleRun;
import io.kehu.platform.rules.SampleValues;
import java.util.Map;
import java.util.Objects;

/**
 * "Try on a record": the rule console's run, inside the designer and against the definition being designed (not the
 * published one). The administrator picks a record of the form, or edits sample values as JSON, and sees the result,
 * the time, or the error. Nothing is saved.
 */
final class RuleTryDialog extends Dialog {

    private final Span result = new Span();

    RuleTryDialog(DesignerServices services, FormDefinition form, String script) {
        setHeaderTitle(getTranslation("designer.rule.tryTitle"));
        setWidth("40em");
        Pre shown = new Pre(script == null ? "" : script);
        shown.setId("rule-try-script");
        TextArea sample = new TextArea(getTranslation("designer.rule.sample"));
        sample.setId("rule-try-sample");
        sample.setWidthFull();
        sample.setValue("{}");
        VerticalLayout content = new VerticalLayout(shown);
        content.setPadding(false);
        if (services.catalog.published(form.id()).isPresent()) {
            ComboBox<Record> record = new ComboBox<>(getTranslation("designer.rule.record"));
            record.setId("rule-try-record");
            record.setWidthFull();
            Long[] chosen = new Long[1];
            record.setItemLabelGenerator(r -> r.id() + (form.titleField() == null ? ""
                    : " · " + Objects.toString(r.get(form.titleField()), "")));
            record.setItems(query -> services.records.query(services.admin(), RecordQuery.of(form.id())
                    .search(query.getFilter().filter(t -> !t.isBlank()).orElse(null))
                    .page(query.getOffset(), Math.min(query.getLimit(), RecordQuery.MAX_LIMIT))).stream());
            record.addValueChangeListener(e -> {
                chosen[0] = e.getValue() == null ? null : e.getValue().id();
                if (e.getValue() != null) {
                    sample.setValue(SampleValues.toJson(e.getValue().values().asMap()));
                }
            });
            content.add(record);
            content.add(sample, run(services, form, script, sample, () -> chosen[0]), result);
        } else {
            content.add(sample, run(services, form, script, sample, () -> null), result);
        }
        result.setId("rule-try-result");
        add(content);
        Button close = new Button(getTranslation("designer.close"), e -> close());
        close.setId("rule-try-close");
        getFooter().add(close);
    }

    private Button run(DesignerServices services, FormDefinition form, String script, TextArea sample,
                       java.util.function.Supplier<Long> recordId) {
        Button run = new Button(getTranslation("designer.rule.run"), click -> {
            Map<String, Object> values;
            try {
                values = SampleValues.parse(sample.getValue());
            } catch (IllegalArgumentException e) {
                result.setText(getTranslation("designer.rule.badJson", e.getMessage()));
                return;
            }
            RuleRun outcome = services.tryRule(form, script, values, recordId.get());
            if (outcome.ok()) {
                result.setText(getTranslation("designer.rule.result", String.valueOf(outcome.result()),
                        String.format("%.3f", outcome.nanos() / 1e6)));
            } else if (outcome.line() > 0) {
                result.setText(getTranslation("designer.rule.error", outcome.line(), outcome.column(),
                        outcome.error()));
            } else {
                result.setText(getTranslation("designer.rule.failed", outcome.error()));
            }
        });
        run.setId("rule-try-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return run;
    }
}
