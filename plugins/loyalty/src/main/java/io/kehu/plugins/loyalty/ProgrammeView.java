package io.kehu.plugins.loyalty;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.forms.FieldInfo;
import io.kehu.sdk.ui.ViewContribution;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * The admin's programme screen: the earning rate, rounding, an optional rule in the sandbox, level multipliers,
 * bonuses, caps, the return window and expiry, as form fields (never raw JSON). Saving checks the rule compiles.
 * Before saving, the admin can try the edited programme on the last 12 months ({@link DryRun}: extra points, extra
 * liability, customers affected), with nothing written.
 */
@Extension
public class ProgrammeView implements ViewContribution {

    static final String PATH = "programme";

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public LocalText title() {
        return LocalText.of("积分计划", "Loyalty programme");
    }

    @Override
    public Set<String> roles() {
        return Set.of("ADMIN");
    }

    @Override
    public Component create(PluginContext context) {
        return new Screen(context);
    }

    /** One screen instance per visit. */
    static final class Screen extends VerticalLayout {
        private final PluginContext context;
        private final Texts t;
        private final BigDecimalField yuanPerPoint = new BigDecimalField();
        private final Select<String> rounding = new Select<>();
        private final TextArea rule = new TextArea();
        private final Map<String, BigDecimalField> multipliers = new LinkedHashMap<>();
        private final BigDecimalField birthday = new BigDecimalField();
        private final IntegerField firstBonus = new IntegerField();
        private final IntegerField referralBonus = new IntegerField();
        private final IntegerField dailyCap = new IntegerField();
        private final IntegerField customerCap = new IntegerField();
        private final IntegerField pendingDays = new IntegerField();
        private final IntegerField expiryMonths = new IntegerField();
        private final IntegerField noticeDays = new IntegerField();
        private final Select<String> shortfall = new Select<>();
        private final BigDecimalField pointValue = new BigDecimalField();
        private final Programme stored;
        private final ProgrammeRows.Levels levelRows;
        private final ProgrammeRows.Events eventRows;
        private final Span status = new Span();
        private final VerticalLayout dryRunResult = new VerticalLayout();

        Screen(PluginContext context) {
            this.context = context;
            this.t = new Texts(context);
            setId("loyalty-programme");
            setMaxWidth("60rem");
            add(new H2(t.get("programme.title")));
            Programme p = new Awards(context, new Ledger(context)).programme();
            this.stored = p;
            this.levelRows = new ProgrammeRows.Levels(t, p);
            this.eventRows = new ProgrammeRows.Events(context, t, p);

            label(yuanPerPoint, "programme.rate", "programme.rate.help");
            yuanPerPoint.setValue(p.yuanPerPoint());
            rounding.setLabel(t.get("programme.rounding"));
            rounding.setItems("DOWN", "HALF_UP", "UP");
            rounding.setItemLabelGenerator(code -> t.get("rounding." + code));
            rounding.setValue(p.rounding());
            rule.setLabel(t.get("programme.rule"));
            rule.setHelperText(t.get("programme.rule.help"));
            rule.setValue(p.earningRule());
            rule.setWidthFull();
            FormLayout earning = form();
            earning.add(yuanPerPoint, rounding);
            earning.add(rule, 2);

            FormLayout levels = form();
            List<String> levelCodes = context.definitions().form(Awards.CUSTOMER).stream()
                    .flatMap(f -> f.fields().stream()).filter(f -> f.id().equals("level"))
                    .map(FieldInfo::options).findFirst().orElse(List.of());
            for (String code : levelCodes) {
                BigDecimalField field = new BigDecimalField(t.option("level", code));
                field.setValue(p.multiplierOf(code));
                field.setId("loyalty-multiplier-" + code);
                multipliers.put(code, field);
                levels.add(field);
            }

            label(birthday, "programme.birthday", null);
            birthday.setValue(p.birthdayMultiplier());
            label(firstBonus, "programme.first", null, p.firstPurchaseBonus());
            label(referralBonus, "programme.referral", "programme.referral.help", p.referralBonus());
            FormLayout bonuses = form();
            bonuses.add(birthday, firstBonus, referralBonus);

            label(dailyCap, "programme.dailyCap", "programme.cap.help", p.dailyCap());
            label(customerCap, "programme.customerCap", "programme.cap.help", p.customerCap());
            label(pendingDays, "programme.pending", "programme.pending.help", p.pendingDays());
            label(expiryMonths, "programme.expiry", "programme.expiry.help", p.expiryMonths());
            label(noticeDays, "programme.notice", null, p.noticeDays());
            shortfall.setLabel(t.get("programme.shortfall"));
            shortfall.setItems(Programme.NEGATIVE, Programme.RECOVER, Programme.WAIVE);
            shortfall.setItemLabelGenerator(code -> t.get("shortfall." + code));
            shortfall.setValue(p.returnShortfall());
            shortfall.setId("loyalty-shortfall");
            label(pointValue, "programme.pointValue", "programme.pointValue.help");
            pointValue.setValue(p.pointValue());
            FormLayout limits = form();
            limits.add(dailyCap, customerCap, pendingDays, expiryMonths, noticeDays, shortfall, pointValue);

            Button save = new Button(t.get("programme.save"), e -> save());
            save.setId("loyalty-programme-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            status.setId("loyalty-programme-status");
            Button dryRun = new Button(t.get("dryrun.run"), e -> dryRun());
            dryRun.setId("loyalty-programme-dryrun");
            dryRunResult.setId("loyalty-dryrun-result");
            dryRunResult.setPadding(false);
            add(new H3(t.get("programme.earning")), earning, new H3(t.get("programme.levels")), levels,
                    new H3(t.get("programme.bonuses")), bonuses, new H3(t.get("programme.limits")), limits,
                    new H3(t.get("levels.title")), new Span(t.get("levels.help")), levelRows,
                    new H3(t.get("events.title")), eventRows, new HorizontalLayout(save, dryRun), status,
                    new Span(t.get("dryrun.help")), dryRunResult);
        }

        /** Builds the programme from the fields, checks the rule and stores it; says what went wrong otherwise. */
        void save() {
            Programme programme = edited();
            if (programme != null) {
                context.settings().putJson(Awards.PROGRAMME_KEY, programme);
                status.setText(t.get("programme.saved"));
            }
        }

        /**
         * Replays the programme as the fields now have it (not saved) over the last 12 months' purchases and shows
         * the extra points, their value and the customers affected; nothing is written.
         */
        void dryRun() {
            Programme programme = edited();
            if (programme == null) {
                return;
            }
            status.setText("");
            LocalDate today = LocalDate.now();
            DryRun.Result r = new DryRun(context).replay(programme, today.minusMonths(12).plusDays(1), today);
            dryRunResult.removeAll();
            dryRunResult.add(DryRunFigures.of(t, r));
        }

        /** The programme the fields describe, or null after saying in the status line what is wrong. */
        private Programme edited() {
            Map<String, BigDecimal> levelMultipliers = new LinkedHashMap<>();
            multipliers.forEach((code, field) -> {
                if (field.getValue() != null && field.getValue().compareTo(BigDecimal.ONE) != 0) {
                    levelMultipliers.put(code, field.getValue());
                }
            });
            String script = rule.getValue() == null ? "" : rule.getValue().strip();
            if (!script.isEmpty()) {
                try {
                    context.scripts().compile(Awards.PURCHASE, script);
                } catch (RuntimeException e) {
                    status.setText(t.get("programme.rule.bad", e.getMessage()));
                    return null;
                }
            }
            List<Programme.Level> levels;
            List<Programme.EventRule> events;
            try {
                levels = levelRows.levels();
                events = eventRows.rules(context);
            } catch (ProgrammeRows.RowProblem e) {
                status.setText(t.get(e.key, e.args));
                return null;
            }
            Programme programme;
            try {
                programme = new Programme(yuanPerPoint.getValue(), rounding.getValue(), script, levelMultipliers,
                        birthday.getValue(), lng(firstBonus), lng(referralBonus), lng(dailyCap), lng(customerCap),
                        pendingDays.getValue(), expiryMonths.getValue(), noticeDays.getValue(), null,
                        shortfall.getValue(), pointValue.getValue(), levels, levelRows.months.getValue(), events);
            } catch (IllegalArgumentException e) {
                status.setText(t.get("programme.invalid"));
                return null;
            }
            return programme;
        }

        private static Long lng(IntegerField field) {
            return field.getValue() == null ? null : field.getValue().longValue();
        }

        private void label(BigDecimalField field, String key, String help) {
            field.setLabel(t.get(key));
            if (help != null) {
                field.setHelperText(t.get(help));
            }
        }

        private void label(IntegerField field, String key, String help, Number value) {
            field.setLabel(t.get(key));
            field.setMin(0);
            if (help != null) {
                field.setHelperText(t.get(help));
            }
            field.setValue(value == null ? null : value.intValue());
        }

        private static FormLayout form() {
            FormLayout form = new FormLayout();
            form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
            form.setWidthFull();
            return form;
        }
    }
}
