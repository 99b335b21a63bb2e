package io.kehu.plugins.loyalty;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.forms.FieldInfo;
import io.kehu.sdk.forms.FormInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The programme screen's repeating settings as plain fields, a fixed number of rows each (never JSON): levels by
 * points (code, names, points) and earning on other events (form, customer field, condition, points, words). A blank
 * row is no entry; a half-filled one is refused naming its row.
 */
final class ProgrammeRows {

    static final int LEVEL_ROWS = 6;
    static final int EVENT_ROWS = 5;

    private ProgrammeRows() {
    }

    /** Rows for the programme's levels. */
    static final class Levels extends FormLayout {
        private final List<TextField[]> rows = new ArrayList<>();
        private final List<IntegerField> points = new ArrayList<>();
        final IntegerField months = new IntegerField();

        Levels(Texts t, Programme p) {
            setResponsiveSteps(new ResponsiveStep("0", 2), new ResponsiveStep("32em", 4));
            months.setLabel(t.get("levels.months"));
            months.setMin(1);
            months.setValue(p.levelMonths());
            months.setId("loyalty-level-months");
            add(months, 4);
            for (int i = 0; i < LEVEL_ROWS; i++) {
                Programme.Level l = i < p.levels().size() ? p.levels().get(i) : null;
                TextField code = field(t.get("levels.code"), l == null ? "" : l.code(), "loyalty-level-code-" + i);
                TextField zh = field(t.get("levels.zh"), l == null ? "" : l.zh(), "loyalty-level-zh-" + i);
                TextField en = field(t.get("levels.en"), l == null ? "" : l.en(), "loyalty-level-en-" + i);
                IntegerField min = new IntegerField(t.get("levels.min"));
                min.setMin(0);
                min.setId("loyalty-level-min-" + i);
                if (l != null) {
                    min.setValue((int) l.minPoints());
                }
                rows.add(new TextField[] {code, zh, en});
                points.add(min);
                add(code, zh, en, min);
            }
        }

        /** The levels filled in; throws naming the row when one is half filled or invalid. */
        List<Programme.Level> levels() {
            List<Programme.Level> out = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                TextField[] r = rows.get(i);
                if (r[0].getValue().isBlank() && r[1].getValue().isBlank() && points.get(i).getValue() == null) {
                    continue;
                }
                if (r[1].getValue().isBlank() || points.get(i).getValue() == null) {
                    throw new RowProblem("programme.rows.level", i + 1);
                }
                String en = r[2].getValue().isBlank() ? r[0].getValue().strip() : r[2].getValue().strip();
                try {
                    out.add(new Programme.Level(r[0].getValue().strip().toUpperCase(java.util.Locale.ROOT),
                            r[1].getValue().strip(), en, points.get(i).getValue()));
                } catch (IllegalArgumentException e) {
                    throw new RowProblem("programme.rows.level", i + 1);
                }
            }
            return out;
        }
    }

    /** Rows for earning on other record events. */
    static final class Events extends FormLayout {
        private final List<Select<String>> forms = new ArrayList<>();
        private final List<TextField[]> texts = new ArrayList<>();
        private final List<IntegerField> points = new ArrayList<>();
        private final List<Programme.EventRule> before = new ArrayList<>();

        Events(PluginContext context, Texts t, Programme p) {
            setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("32em", 3));
            Map<String, String> formNames = context.definitions().all().stream()
                    .filter(f -> !f.id().startsWith("loyalty_") || f.id().equals(Awards.REFERRAL))
                    .filter(f -> !f.id().equals(Awards.PURCHASE) && hasCustomerField(f))
                    .collect(Collectors.toMap(FormInfo::id, f -> t.chinese() ? f.label().zh() : f.label().en(),
                            (a, b) -> a, java.util.LinkedHashMap::new));
            for (int i = 0; i < EVENT_ROWS; i++) {
                Programme.EventRule r = i < p.eventRules().size() ? p.eventRules().get(i) : null;
                before.add(r);
                Select<String> form = new Select<>();
                form.setLabel(t.get("events.form"));
                form.setItems(formNames.keySet());
                form.setItemLabelGenerator(id -> id == null ? "" : formNames.getOrDefault(id, id));
                form.setEmptySelectionAllowed(true);
                form.setId("loyalty-event-form-" + i);
                if (r != null) {
                    form.setValue(r.form());
                }
                TextField field = field(t.get("events.customerField"), r == null ? "customer" : r.customerField(),
                        "loyalty-event-field-" + i);
                TextField condition = field(t.get("events.condition"), r == null ? "" : r.condition(),
                        "loyalty-event-condition-" + i);
                condition.setHelperText(t.get("events.condition.help"));
                IntegerField pts = new IntegerField(t.get("events.points"));
                pts.setMin(1);
                pts.setId("loyalty-event-points-" + i);
                if (r != null) {
                    pts.setValue((int) r.points());
                }
                TextField zh = field(t.get("events.zh"), r == null ? "" : r.zh(), "loyalty-event-zh-" + i);
                TextField en = field(t.get("events.en"), r == null ? "" : r.en(), "loyalty-event-en-" + i);
                forms.add(form);
                texts.add(new TextField[] {field, condition, zh, en});
                points.add(pts);
                add(form, field, pts);
                add(condition, 3);
                add(zh, en);
            }
        }

        /** The rules filled in; throws naming the row when one is half filled or its condition does not compile. */
        List<Programme.EventRule> rules(PluginContext context) {
            List<Programme.EventRule> out = new ArrayList<>();
            for (int i = 0; i < forms.size(); i++) {
                String form = forms.get(i).getValue();
                if (form == null || form.isBlank()) {
                    continue;
                }
                TextField[] f = texts.get(i);
                if (points.get(i).getValue() == null || f[2].getValue().isBlank()) {
                    throw new RowProblem("programme.rows.event", i + 1);
                }
                String condition = f[1].getValue().strip();
                if (!condition.isEmpty()) {
                    try {
                        context.scripts().compile(form, condition);
                    } catch (IllegalArgumentException e) {
                        throw new RowProblem("programme.rows.condition", i + 1, e.getMessage());
                    }
                }
                if (context.definitions().form(form).flatMap(d -> d.field(f[0].getValue().strip())).isEmpty()) {
                    throw new RowProblem("programme.rows.field", i + 1, f[0].getValue());
                }
                // the id is part of the idempotency key: a row keeps its id while its form stays the same
                Programme.EventRule was = before.get(i);
                String id = was != null && was.form().equals(form) ? was.id()
                        : "r" + Long.toString(System.currentTimeMillis(), 36) + i;
                out.add(new Programme.EventRule(id, form,
                        f[0].getValue().strip(), condition, points.get(i).getValue(), f[2].getValue().strip(),
                        f[3].getValue().isBlank() ? f[2].getValue().strip() : f[3].getValue().strip()));
            }
            return out;
        }

        private static boolean hasCustomerField(FormInfo f) {
            return f.fields().stream().anyMatch(x -> "reference".equals(x.type()) && Awards.CUSTOMER.equals(
                    formOf(x)));
        }

        private static String formOf(FieldInfo f) {
            return f.form();
        }
    }

    /** A row that cannot be saved: the message key and its arguments (the row number first). */
    static final class RowProblem extends IllegalArgumentException {
        final String key;
        final transient Object[] args;

        RowProblem(String key, Object... args) {
            super(key);
            this.key = key;
            this.args = args;
        }
    }

    private static TextField field(String label, String value, String id) {
        TextField f = new TextField(label);
        f.setValue(value == null ? "" : value);
        f.setId(id);
        return f;
    }
}
