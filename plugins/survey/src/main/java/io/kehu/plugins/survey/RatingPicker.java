package io.kehu.plugins.survey;

import com.vaadin.flow.component.AbstractCompositeField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rating offered as stars or smileys on the answer page: one real button per value, so each is a big tap target
 * on a phone (at least 48 × 48 px, wrapping on a 390 px screen), reachable with Tab and chosen with Enter or Space
 * like any button, and read out by screen readers as a radio group ("4 星（满分 5 星）"). Below, the chosen value in
 * words (很满意 / Very satisfied on five points, "7 / 10" on ten). The value is the plain number, as with numbers.
 */
final class RatingPicker extends AbstractCompositeField<Div, RatingPicker, Integer> {

    private static final String[] SMILEYS = {"😠", "🙁", "😐", "🙂", "😄"};
    private static final String[] WORDS_ZH = {"很不满意", "不满意", "一般", "满意", "很满意"};
    private static final String[] WORDS_EN = {"Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied",
            "Very satisfied"};

    private final int scale;
    private final boolean stars;
    private final boolean zh;
    private final List<NativeButton> buttons = new ArrayList<>();
    private final Span chosen = new Span();
    private final Div row = new Div();

    RatingPicker(int scale, String look, String label, Locale locale) {
        super(null);
        this.scale = scale;
        this.stars = !Question.SMILEYS.equals(look);
        this.zh = "zh".equals(locale.getLanguage());
        Div root = getContent();
        root.addClassName("rating-picker");
        Span caption = new Span(label);
        if (label != null && !label.isBlank()) {
            caption.getStyle().set("display", "block");
            root.add(caption);
        }
        row.getElement().setAttribute("role", "radiogroup");
        row.getElement().setAttribute("aria-label", label == null ? "" : label);
        row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "4px");
        for (int v = 1; v <= scale; v++) {
            int value = v;
            NativeButton b = new NativeButton(symbol(v, false));
            b.addClassName("rating-option");
            b.getElement().setAttribute("type", "button");
            b.getElement().setAttribute("role", "radio");
            b.getElement().setAttribute("data-value", String.valueOf(v));
            b.getElement().setAttribute("aria-label", words(v));
            b.getStyle().set("min-width", "48px").set("min-height", "48px").set("font-size", "30px")
                    .set("line-height", "1").set("padding", "4px").set("border-radius", "12px")
                    .set("border", "2px solid transparent").set("background", "transparent").set("cursor", "pointer")
                    .set("color", "var(--lumo-contrast-50pct)");
            b.addClickListener(e -> {
                // a value the user gives is not sent back through setPresentationValue: show it here
                setModelValue(value, true);
                show(value);
            });
            buttons.add(b);
            row.add(b);
        }
        root.add(row);
        chosen.addClassName("rating-chosen");
        chosen.getStyle().set("display", "block").set("min-height", "1.4em").set("color",
                "var(--lumo-secondary-text-color)");
        root.add(chosen);
        show(null);
    }

    /** What a screen reader names the group (the question) when no caption is shown above it. */
    RatingPicker named(String name) {
        row.getElement().setAttribute("aria-label", name);
        return this;
    }

    @Override
    protected void setPresentationValue(Integer value) {
        show(value);
    }

    private void show(Integer value) {
        for (int i = 0; i < buttons.size(); i++) {
            int v = i + 1;
            NativeButton b = buttons.get(i);
            boolean on = value != null && (stars ? v <= value : v == value);
            b.setText(symbol(v, on));
            b.getElement().setAttribute("aria-checked", String.valueOf(value != null && v == value));
            // stars fill up to the choice; a smiley stands out alone
            b.getStyle().set("color", on ? "#f5a623" : "var(--lumo-contrast-50pct)")
                    .set("border-color", !stars && on ? "var(--lumo-primary-color)" : "transparent")
                    .set("filter", !stars && value != null && !on ? "grayscale(1)" : "none");
        }
        chosen.setText(value == null ? "" : words(value));
    }

    private String symbol(int v, boolean on) {
        if (stars) {
            return on ? "★" : "☆";
        }
        return SMILEYS[five(v) - 1];
    }

    /** The value on five points (1–10 spread over the five faces and words). */
    private int five(int v) {
        return scale == 5 ? v : 1 + (v - 1) * 5 / 10;
    }

    private String words(int v) {
        String of = zh ? v + (stars ? " 星" : " 分") + "（满分 " + scale + (stars ? " 星）" : " 分）")
                : v + " of " + scale + (stars ? " stars" : "");
        return scale == 5 ? of + (zh ? "：" : ": ") + (zh ? WORDS_ZH : WORDS_EN)[v - 1] : of;
    }
}
