package io.kehu.platform.designer;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormDraft;
import io.kehu.platform.forms.FormOverview;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * The forms administration list at {@code admin/forms}: every form with its published version, whether a draft is
 * waiting and who changed it last, with "new form" and "edit" into the designer.
 */
@Route(value = FormsAdminView.ROUTE, layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class FormsAdminView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/forms";

    private final DesignerServices services;

    FormsAdminView(DesignerServices services) {
        this.services = services;
        services.admin();
        Button create = new Button(getTranslation("designer.list.new"), VaadinIcon.PLUS.create(),
                click -> newForm());
        create.setId("forms-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("designer.list.title")), create, grid());
    }

    private Grid<FormOverview> grid() {
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        Grid<FormOverview> grid = new Grid<>();
        grid.setId("forms-grid");
        grid.addColumn(this::label).setHeader(getTranslation("designer.list.label")).setAutoWidth(true);
        grid.addColumn(o -> o.publishedVersion() == null ? getTranslation("designer.list.notPublished")
                : String.valueOf(o.publishedVersion())).setHeader(getTranslation("designer.list.version"));
        grid.addColumn(o -> o.hasDraft() ? getTranslation("designer.list.draftBy", author(o.draftBy())) : "")
                .setHeader(getTranslation("designer.list.draft")).setAutoWidth(true);
        grid.addColumn(o -> o.lastChangedBy() == null ? "" : author(o.lastChangedBy()) + " · "
                + when.format(o.lastChangedAt().atZoneSameInstant(ZoneId.systemDefault())))
                .setHeader(getTranslation("designer.list.lastChanged")).setAutoWidth(true);
        grid.addComponentColumn(o -> {
            Button edit = new Button(getTranslation("designer.list.edit"), VaadinIcon.EDIT.create(),
                    click -> UI.getCurrent().navigate("admin/forms/" + o.formId()));
            edit.setId("forms-edit-" + o.formId());
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return edit;
        }).setAutoWidth(true);
        // The form's id (its table's name) is for experts: a click on a row shows it.
        grid.setItemDetailsRenderer(new ComponentRenderer<>(o -> {
            Span id = new Span(getTranslation("designer.list.idIs", o.formId()));
            id.setId("forms-id-" + o.formId());
            return id;
        }));
        // One row per form: a company has tens of forms, not thousands, so the list is read whole.
        List<FormOverview> forms = services.publisher.overview();
        grid.setItems(forms);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private String label(FormOverview o) {
        return services.catalog.published(o.formId()).map(FormDefinition::label)
                .or(() -> services.publisher.draftInfo(o.formId()).map(FormDraft::definition)
                        .map(FormDefinition::label))
                .map(l -> l.in(getLocale())).orElse("");
    }

    private String author(String author) {
        return services.authors.name(author, getLocale(), this::getTranslation);
    }

    private void newForm() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("designer.list.new"));
        TextField id = new TextField(getTranslation("designer.list.newId"));
        id.setId("forms-new-id");
        id.setHelperText(getTranslation("designer.list.newIdHelp"));
        id.setWidthFull();
        Button open = new Button(getTranslation("designer.list.create"), click -> {
            String value = id.getValue().strip();
            String problem = FormTables.identifierProblem(value);
            if (problem == null && services.publisher.overview().stream().anyMatch(o -> o.formId().equals(value))) {
                problem = getTranslation("designer.list.exists");
            }
            if (problem != null) {
                id.setErrorMessage(problem);
                id.setInvalid(true);
                return;
            }
            dialog.close();
            UI.getCurrent().navigate("admin/forms/" + value);
        });
        open.setId("forms-new-create");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(id);
        dialog.getFooter().add(new Button(getTranslation("designer.cancel"), e -> dialog.close()), open);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("designer.list.title") + " · " + getTranslation("app.name");
    }
}
