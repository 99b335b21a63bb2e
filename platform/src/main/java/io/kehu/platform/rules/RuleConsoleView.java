package io.kehu.platform.rules;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;

/**
 * The rule console: an administrator picks a form and one of its rules (or types one), picks a record or edits sample
 * values as JSON, and runs the rule to see its result, the time it took, or the error with line and column, before
 * publishing the definition. Runs through the same sandbox and cache as saves do; nothing is written.
 */
@Route(value = RuleConsoleView.ROUTE, layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class RuleConsoleView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/rules";

    private final RuleEngine engine;
    private final Records records;
    private final Actor actor;
    private final ComboBox<FormDefinition> form = new ComboBox<>();
    private final ComboBox<RuleChoice> rule = new ComboBox<>();
    private final ComboBox<Record> record = new ComboBox<>();
    private final TextArea script = new TextArea();
    private final TextArea sample = new TextArea();
    private final Span result = new Span();
    private final Span time = new Span();
    private final Span error = new Span();

    RuleConsoleView(RuleEngine engine, Records records, FormCatalog catalog, CurrentUser user,
                    UserAccounts accounts) {
        this.engine = engine;
        this.records = records;
        this.actor = user.username().flatMap(accounts::findByUsername).map(Actor::of)
                .orElseThrow(() -> new IllegalStateException("the rule console needs a signed-in user"));
        form.setId("rules-form");
        form.setLabel(getTranslation("rules.console.form"));
        form.setItems(catalog.allPublished());
        form.setItemLabelGenerator(f -> f.label().in(getLocale()) + " (" + f.id() + ")");
        form.addValueChangeListener(e -> formChosen(e.getValue()));
        rule.setId("rules-rule");
        rule.setLabel(getTranslation("rules.console.rule"));
        rule.setItemLabelGenerator(c -> getTranslation(c.labelKey(), c.subject()));
        rule.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                script.setValue(e.getValue().script());
            }
        });
        record.setId("rules-record");
        record.setLabel(getTranslation("rules.console.record"));
        record.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                sample.setValue(SampleValues.toJson(e.getValue().values().asMap()));
            }
        });
        script.setId("rules-script");
        script.setLabel(getTranslation("rules.console.script"));
        script.setWidthFull();
        sample.setId("rules-sample");
        sample.setLabel(getTranslation("rules.console.sample"));
        sample.setValue("{}");
        sample.setWidthFull();
        Button run = new Button(getTranslation("rules.console.run"), e -> run());
        run.setId("rules-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        result.setId("rules-result");
        time.setId("rules-time");
        error.setId("rules-error");
        add(new H2(getTranslation("rules.console.title")), new HorizontalLayout(form, rule, record), script, sample,
                run, result, time, error);
    }

    private void formChosen(FormDefinition chosen) {
        rule.setItems(chosen == null ? java.util.List.of() : RuleChoice.of(chosen));
        if (chosen == null) {
            record.setItems(java.util.List.of());
            return;
        }
        record.setItemLabelGenerator(r -> r.id() + (chosen.titleField() == null ? ""
                : " · " + java.util.Objects.toString(r.get(chosen.titleField()), "")));
        record.setItems(query -> records.query(actor, RecordQuery.of(chosen.id())
                .search(query.getFilter().filter(t -> !t.isBlank()).orElse(null))
                .page(query.getOffset(), Math.min(query.getLimit(), RecordQuery.MAX_LIMIT))).stream());
    }

    private void run() {
        result.setText("");
        time.setText("");
        error.setText("");
        if (form.getValue() == null) {
            error.setText(getTranslation("rules.console.no-form"));
            return;
        }
        Map<String, Object> values;
        try {
            values = SampleValues.parse(sample.getValue());
        } catch (IllegalArgumentException e) {
            error.setText(getTranslation("rules.console.bad-json", e.getMessage()));
            return;
        }
        Long recordId = record.getValue() == null ? null : record.getValue().id();
        RuleRun outcome = engine.tryRule(form.getValue(), script.getValue(), values, recordId, actor);
        if (outcome.ok()) {
            result.setText(getTranslation("rules.console.result", String.valueOf(outcome.result())));
            time.setText(getTranslation("rules.console.time", String.format("%.3f", outcome.nanos() / 1e6)));
        } else if (outcome.line() > 0) {
            error.setText(getTranslation("rules.console.compile-error", outcome.line(), outcome.column(),
                    outcome.error()));
        } else {
            error.setText(getTranslation("rules.console.error", outcome.error()));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("rules.console.title") + " · " + getTranslation("app.name");
    }
}
