package io.kehu.platform.designer.workflow;

import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A length of time as an amount and a unit (4 小时, 3 天, 30 分钟); its value is the ISO-8601 text the definition
 * stores ({@code PT4H}, {@code P3D}, {@code PT30M}), "" when no amount is given.
 */
final class DurationInput extends CustomField<String> {

    /** The units offered, largest last. */
    enum Unit {
        MINUTES(Duration.ofMinutes(1)),
        HOURS(Duration.ofHours(1)),
        DAYS(Duration.ofDays(1));

        final Duration size;

        Unit(Duration size) {
            this.size = size;
        }

        String iso(long amount) {
            return switch (this) {
                case MINUTES -> "PT" + amount + "M";
                case HOURS -> "PT" + amount + "H";
                case DAYS -> "P" + amount + "D";
            };
        }
    }

    /** An amount of a unit. */
    record Amount(long amount, Unit unit) {

        /** How {@code iso} reads in the unit it was written in ({@code PT48H}: 48 小时), or null. */
        static Amount of(String iso) {
            Duration duration = JsonEdits.parse(iso);
            if (duration == null || duration.isNegative() || duration.isZero()) {
                return null;
            }
            String upper = iso.strip().toUpperCase(Locale.ROOT);
            Unit written = upper.matches("P\\d+D") ? Unit.DAYS : upper.matches("PT\\d+H") ? Unit.HOURS
                    : upper.matches("PT\\d+M") ? Unit.MINUTES : null;
            if (written == null) {
                // Anything else is shown in the largest unit that divides it.
                List<Unit> largestFirst = List.of(Unit.DAYS, Unit.HOURS, Unit.MINUTES);
                written = largestFirst.stream().filter(u -> duration.toMillis() % u.size.toMillis() == 0)
                        .findFirst().orElse(Unit.MINUTES);
            }
            return new Amount(duration.toMillis() / written.size.toMillis(), written);
        }

        String text(java.util.function.Function<String, String> translate) {
            return amount + translate.apply("wf.unit." + unit.name().toLowerCase(Locale.ROOT));
        }
    }

    private final IntegerField amount = new IntegerField();
    private final Select<Unit> unit = new Select<>();

    DurationInput(String id, String label) {
        super("");
        setId(id);
        setLabel(label);
        amount.setId(id + "-amount");
        amount.setMin(1);
        amount.setStepButtonsVisible(true);
        amount.setWidth("7em");
        amount.setAriaLabel(label);
        unit.setId(id + "-unit");
        unit.setItems(Unit.values());
        unit.setItemLabelGenerator(u -> getTranslation("wf.unit." + u.name().toLowerCase(Locale.ROOT)));
        unit.setValue(Unit.HOURS);
        unit.setWidth("7em");
        amount.addValueChangeListener(e -> updateValue());
        unit.addValueChangeListener(e -> updateValue());
        HorizontalLayout row = new HorizontalLayout(amount, unit);
        row.setSpacing(true);
        add(row);
    }

    @Override
    protected String generateModelValue() {
        Integer n = amount.getValue();
        return n == null || n <= 0 || unit.getValue() == null ? "" : unit.getValue().iso(n);
    }

    @Override
    protected void setPresentationValue(String iso) {
        Amount read = Amount.of(iso);
        amount.setValue(read == null ? null : (int) Math.min(Integer.MAX_VALUE, read.amount()));
        unit.setValue(read == null ? Unit.HOURS : read.unit());
    }
}
