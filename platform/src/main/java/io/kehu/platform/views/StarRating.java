package io.kehu.platform.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * One to five stars, chosen by clicking a star; clicking the chosen star again clears the rating. Built from plain
 * buttons because Vaadin's free components have no rating field and the app loads no extra frontend code.
 */
final class StarRating extends CustomField<Integer> {

    static final int STARS = 5;

    private final List<Button> stars = new ArrayList<>();
    private Integer chosen;

    StarRating(String idPrefix) {
        HorizontalLayout row = new HorizontalLayout();
        row.setSpacing(false);
        for (int n = 1; n <= STARS; n++) {
            int value = n;
            Button star = new Button(VaadinIcon.STAR_O.create(), click -> {
                chosen = value == (chosen == null ? 0 : chosen) ? null : value;
                paint();
                updateValue();
            });
            star.setId(idPrefix + "-star-" + n);
            star.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
            star.setAriaLabel(String.valueOf(n));
            stars.add(star);
            row.add(star);
        }
        add(row);
    }

    @Override
    protected Integer generateModelValue() {
        return chosen;
    }

    @Override
    protected void setPresentationValue(Integer value) {
        chosen = value;
        paint();
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        super.setReadOnly(readOnly);
        stars.forEach(s -> s.setEnabled(!readOnly));
    }

    private void paint() {
        for (int n = 1; n <= STARS; n++) {
            stars.get(n - 1).setIcon((chosen != null && n <= chosen ? VaadinIcon.STAR : VaadinIcon.STAR_O).create());
        }
    }
}
