package io.kehu.platform.views;

import com.vaadin.flow.component.html.Span;
import io.kehu.platform.workflow.WorkflowState;
import java.util.Locale;

/** A workflow state as a coloured pill with its label (处理中), in the colour the definition gives it. */
final class StateBadge extends Span {

    StateBadge(WorkflowState state, Locale locale) {
        super(state.label().in(locale));
        getElement().getThemeList().add("badge pill");
        getElement().setAttribute("data-state", state.id());
        String[] colours = colours(state.color());
        getStyle().set("background-color", colours[0]).set("color", colours[1]).set("font-weight", "600");
    }

    /** Background and text colour of a definition's colour name; unknown names look grey. */
    static String[] colours(String name) {
        return switch (name == null ? "grey" : name) {
            case "blue" -> new String[] {"var(--lumo-primary-color-10pct)", "var(--lumo-primary-text-color)"};
            case "green" -> new String[] {"var(--lumo-success-color-10pct)", "var(--lumo-success-text-color)"};
            case "red" -> new String[] {"var(--lumo-error-color-10pct)", "var(--lumo-error-text-color)"};
            case "orange" -> new String[] {"#fff1e0", "#a14a00"};
            case "purple" -> new String[] {"#f1e8fd", "#5f2a9e"};
            default -> new String[] {"var(--lumo-contrast-10pct)", "var(--lumo-body-text-color)"};
        };
    }
}
