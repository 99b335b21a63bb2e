package io.kehu.platform.calendar.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.calendar.HolidayRange;
import io.kehu.platform.forms.LocalizedText;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * Adds or edits one holiday (a range: 开始 and 结束) or one make-up working day (one date, kept as a range of one day).
 * Checks only that every field is filled and the range is not reversed; the calendar's reader checks the rest when the
 * whole calendar is saved. The view decides what to do with the result.
 */
class SpecialDayDialog extends Dialog {

    private final DatePicker from = datePicker();
    private final DatePicker to = datePicker();
    private final TextField zh = new TextField();
    private final TextField en = new TextField();

    SpecialDayDialog(boolean holiday, HolidayRange editing, LocalDate suggested, Consumer<HolidayRange> done) {
        setHeaderTitle(getTranslation(holiday ? "calendar.view.holiday.title" : "calendar.view.makeup.title"));
        from.setLabel(getTranslation(holiday ? "calendar.view.from" : "calendar.view.date"));
        from.setId("day-from");
        to.setLabel(getTranslation("calendar.view.to"));
        to.setId("day-to");
        to.setVisible(holiday);
        zh.setLabel(getTranslation("calendar.view.name.zh"));
        zh.setId("day-name-zh");
        en.setLabel(getTranslation("calendar.view.name.en"));
        en.setId("day-name-en");
        for (TextField field : List.of(zh, en)) {
            field.setMaxLength(100);
        }
        from.setValue(editing == null ? suggested : editing.from());
        to.setValue(editing == null ? suggested : editing.to());
        if (editing != null) {
            zh.setValue(editing.name().zh());
            en.setValue(editing.name().en());
        }
        Button ok = new Button(getTranslation("calendar.view.ok"), e -> {
            LocalDate end = holiday ? to.getValue() : from.getValue();
            if (valid(end)) {
                done.accept(new HolidayRange(from.getValue(), end, LocalizedText.of(zh.getValue().strip(),
                        en.getValue().strip())));
                close();
            }
        });
        ok.setId("day-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new FormLayout(from, to, zh, en));
        getFooter().add(new Button(getTranslation("calendar.view.cancel"), e -> close()), ok);
    }

    private boolean valid(LocalDate end) {
        boolean ok = true;
        for (DatePicker picker : List.of(from, to)) {
            boolean missing = picker.isVisible() && picker.getValue() == null;
            picker.setInvalid(missing);
            picker.setErrorMessage(missing ? getTranslation("calendar.view.required") : null);
            ok &= !missing;
        }
        for (TextField field : List.of(zh, en)) {
            boolean missing = field.getValue().isBlank();
            field.setInvalid(missing);
            field.setErrorMessage(missing ? getTranslation("calendar.view.required") : null);
            ok &= !missing;
        }
        if (ok && end.isBefore(from.getValue())) {
            to.setInvalid(true);
            to.setErrorMessage(getTranslation("calendar.problem.RANGE_REVERSED", from.getValue(), end));
            ok = false;
        } else if (ok && new HolidayRange(from.getValue(), end, LocalizedText.EMPTY).days()
                > HolidayRange.LONGEST_DAYS) {
            // Without this the writer would split a long range and the reader's limit would never be seen.
            to.setInvalid(true);
            to.setErrorMessage(getTranslation("calendar.problem.RANGE_TOO_LONG",
                    new HolidayRange(from.getValue(), end, LocalizedText.EMPTY).days(), HolidayRange.LONGEST_DAYS));
            ok = false;
        }
        return ok;
    }

    /** Dates shown as 2027-02-06 in every language, as the calendar file writes them. */
    private static DatePicker datePicker() {
        DatePicker picker = new DatePicker();
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setDateFormat("yyyy-MM-dd");
        picker.setI18n(i18n);
        return picker;
    }
}
