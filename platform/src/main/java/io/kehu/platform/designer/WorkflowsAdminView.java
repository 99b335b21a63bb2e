package io.kehu.platform.designer;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.kehu.platform.ui.MainLayout;
import io.kehu.platform.workflow.WorkflowVersion;
import io.kehu.platform.workflow.WorkflowVersions;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The workflows administration list at {@code admin/workflows}: each stored workflow, its version and draft. */
@Route(value = WorkflowsAdminView.ROUTE, layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class WorkflowsAdminView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/workflows";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WorkflowVersions versions;

    WorkflowsAdminView(DesignerServices services, WorkflowVersions versions) {
        this.versions = versions;
        services.admin();
        setId("workflows-admin");
        Grid<String> grid = new Grid<>();
        grid.setId("workflows-grid");
        grid.addColumn(this::label).setHeader(getTranslation("wf.list.label")).setAutoWidth(true);
        grid.addColumn(id -> versions.published(id).map(v -> String.valueOf(v.number()))
                .orElse(getTranslation("wf.notPublished"))).setHeader(getTranslation("wf.list.version"));
        grid.addColumn(id -> versions.draft(id).map(d -> getTranslation("wf.hasDraft")).orElse(""))
                .setHeader(getTranslation("wf.list.draft"));
        grid.addComponentColumn(id -> {
            Button edit = new Button(getTranslation("designer.list.edit"), VaadinIcon.EDIT.create(),
                    click -> UI.getCurrent().navigate("admin/workflows/" + id));
            edit.setId("workflows-edit-" + id);
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return edit;
        }).setAutoWidth(true);
        // A company has a handful of workflows: the list is read whole.
        List<String> ids = versions.workflowIds();
        grid.setItems(ids);
        grid.setAllRowsVisible(true);
        add(new H2(getTranslation("wf.list.title")), grid);
    }

    private String label(String id) {
        String json = versions.published(id).or(() -> versions.draft(id)).map(WorkflowVersion::json).orElse("{}");
        try {
            String text = JSON.readTree(json).path("label").path("zh".equals(getLocale().getLanguage()) ? "zh" : "en")
                    .asString("");
            return text.isBlank() ? id : text;
        } catch (JacksonException e) {
            return id;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("wf.list.title") + " · " + getTranslation("app.name");
    }
}
