package io.kehu.platform.imports.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.ui.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code import}: the way into the wizard without going through a form's list, reached from the administration menu
 * (导入数据): pick one of the forms the user may write, then the wizard {@code import/<form>} takes over. Subtable forms
 * (their rows belong to a parent record) and forms not importable (a plugin's own records) are not offered; everybody may open the page, it offers only what they could
 * import from the lists anyway.
 */
@Route(value = ImportView.ROUTE, layout = MainLayout.class)
@PermitAll
public class ImportStartView extends VerticalLayout implements HasDynamicTitle {

    public ImportStartView(FormCatalog catalog, CurrentUser user, UserAccounts accounts) {
        Actor actor = user.username().flatMap(accounts::findByUsername).map(Actor::of).orElseThrow();
        List<FormDefinition> forms = importable(catalog, actor);
        setMaxWidth("40rem");
        add(new H2(getTranslation("imports.start.title")));
        Span count = new Span(getTranslation("imports.start.count", forms.size()));
        count.setId("import-forms-count");
        add(count);
        if (forms.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("imports.start.empty"));
            empty.setId("import-forms-empty");
            add(empty);
            return;
        }
        ComboBox<FormDefinition> picker = new ComboBox<>(getTranslation("imports.start.form"));
        picker.setId("import-form");
        picker.setItems(forms);
        picker.setItemLabelGenerator(f -> f.label().in(getLocale()));
        picker.setWidthFull();
        picker.setHelperText(getTranslation("imports.start.help"));
        Button next = new Button(getTranslation("imports.next"), click -> UI.getCurrent().navigate(
                ImportView.path(picker.getValue().id())));
        next.setId("import-form-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.setEnabled(false);
        picker.addValueChangeListener(e -> next.setEnabled(e.getValue() != null));
        add(picker, next);
    }

    /**
     * The published forms {@code actor} may write, in navigation order; subtable forms and forms marked
     * {@code "importable": false} (a plugin's own bookkeeping, e.g. a points ledger) left out.
     */
    static List<FormDefinition> importable(FormCatalog catalog, Actor actor) {
        List<FormDefinition> all = catalog.allPublished();
        Set<String> subtableForms = all.stream().flatMap(f -> f.fields().stream())
                .filter(f -> f.type() == FieldType.SUBTABLE && f.form() != null).map(FieldDefinition::form)
                .collect(Collectors.toSet());
        return all.stream().filter(f -> !subtableForms.contains(f.id())).filter(FormDefinition::importable)
                .filter(f -> actor.isSystem() || f.access().mayWrite(actor.roles())).toList();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("imports.start.title");
    }
}
