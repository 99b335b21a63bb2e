package io.kehu.platform.designer;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.i18n.Languages;
import io.kehu.platform.security.Role;
import java.util.Locale;

/**
 * The live preview: the definition being designed rendered by the record view's own renderer, as a user with the
 * chosen role sees a new record in the chosen language. Definitions with problems are not rendered; the problems are
 * what to fix first.
 */
final class PreviewPanel extends VerticalLayout {

    private final DesignerServices services;
    private final Select<Role> role = new Select<>();
    private final Select<Locale> language = new Select<>();
    private final Div content = new Div();
    private FormDefinition form;
    private DesignerProblems problems;

    PreviewPanel(DesignerServices services) {
        this.services = services;
        setId("designer-preview");
        setPadding(false);
        role.setId("preview-role");
        role.setLabel(getTranslation("designer.preview.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation("designer.role." + r.name().toLowerCase(Locale.ROOT)));
        role.setValue(Role.STAFF);
        language.setId("preview-language");
        language.setLabel(getTranslation("designer.preview.language"));
        language.setItems(Languages.SUPPORTED);
        language.setItemLabelGenerator(l -> l.getDisplayLanguage(l));
        language.setValue(getLocale() != null && "zh".equals(getLocale().getLanguage())
                ? Languages.SUPPORTED.stream().filter(l -> "zh".equals(l.getLanguage())).findFirst()
                        .orElse(Languages.SUPPORTED.getFirst())
                : Languages.SUPPORTED.stream().filter(l -> "en".equals(l.getLanguage())).findFirst()
                        .orElse(Languages.SUPPORTED.getFirst()));
        role.addValueChangeListener(e -> render());
        language.addValueChangeListener(e -> render());
        content.setWidthFull();
        add(new HorizontalLayout(role, language), content);
    }

    void show(FormDefinition definition, DesignerProblems found) {
        this.form = definition;
        this.problems = found;
        render();
    }

    private void render() {
        content.removeAll();
        if (form == null) {
            return;
        }
        if (!problems.isEmpty()) {
            Span fix = new Span(getTranslation("designer.preview.fixFirst", problems.all().size()));
            fix.setId("preview-fix-first");
            content.add(fix);
            return;
        }
        content.add(services.preview.render(form, role.getValue(), language.getValue()));
    }
}
