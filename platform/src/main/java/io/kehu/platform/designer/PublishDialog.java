package io.kehu.platform.designer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormVersion;
import io.kehu.platform.forms.SchemaChange;
import io.kehu.platform.forms.SchemaChangeRefusedException;
import io.kehu.platform.forms.SchemaStep;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The migration preview shown before anything is published: the tables and columns that will be added, the fields
 * that will be hidden with their data kept, the fields restored with their old values, index changes, and every lossy
 * change that is refused with its reason. Publishing is offered only for an allowed plan, and then applies the plan
 * and the new version in one go.
 */
final class PublishDialog extends Dialog {

    PublishDialog(DesignerServices services, FormDefinition form, Consumer<FormVersion> published) {
        setId("publish-dialog");
        setHeaderTitle(getTranslation("designer.publish.title", FormDesignerView.nameOf(form, getLocale())));
        setWidth("44em");
        SchemaChange change = services.preview(form);
        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        List<String> add = new ArrayList<>();
        List<String> hide = new ArrayList<>();
        List<String> restore = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (SchemaStep step : change.steps()) {
            switch (step) {
                case SchemaStep.CreateTable t -> add.add(getTranslation("designer.publish.createTable", t.table()));
                case SchemaStep.AddColumn c -> add.add(getTranslation("designer.publish.addColumn", c.fieldId(),
                        c.table() + "." + c.column(), c.shape().text()));
                case SchemaStep.CreateSideTable s -> add.add(getTranslation("designer.publish.sideTable",
                        s.fieldId(), s.table()));
                case SchemaStep.HideField h -> hide.add(getTranslation("designer.publish.hide", h.fieldId()));
                case SchemaStep.RestoreField r -> restore.add(getTranslation("designer.publish.restore",
                        r.fieldId()));
                default -> other.add(step.description());
            }
        }
        List<String> summary = PublishSummary.lines(services.catalog.published(form.id()), form, change,
                services.writer, getLocale(), (key, args) -> getTranslation(key, args));
        section(content, "designer.publish.summary", summary, "publish-summary");
        section(content, "designer.publish.refusals", change.refusals(), "publish-refusals");
        // Tables, columns and SQL types are for experts: kept, but folded away.
        VerticalLayout technical = new VerticalLayout();
        technical.setPadding(false);
        section(technical, "designer.publish.adds", add, "publish-adds");
        section(technical, "designer.publish.hides", hide, "publish-hides");
        section(technical, "designer.publish.restores", restore, "publish-restores");
        section(technical, "designer.publish.others", other, "publish-others");
        if (technical.getComponentCount() > 0) {
            Details details = new Details(getTranslation("designer.publish.technical"), technical);
            details.setId("publish-technical");
            content.add(details);
        }
        if (change.steps().isEmpty() && !change.refused()) {
            content.add(new Div(getTranslation("designer.publish.noSchemaChange")));
        }
        TextField note = new TextField(getTranslation("designer.publish.note"));
        note.setId("publish-note");
        note.setWidthFull();
        note.setMaxLength(500);
        Div error = new Div();
        error.setId("publish-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        content.add(note, error);
        add(content);
        Button publish = new Button(getTranslation("designer.publish.confirm"), click -> {
            try {
                FormVersion version = services.publish(form, note.getValue());
                close();
                published.accept(version);
            } catch (SchemaChangeRefusedException refused) {
                error.setText(String.join(" ", refused.reasons()));
            } catch (RuntimeException failed) {
                error.setText(getTranslation("designer.publish.failed", failed.getMessage()));
            }
        });
        publish.setId("publish-confirm");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        publish.setEnabled(!change.refused());
        Button cancel = new Button(getTranslation("designer.cancel"), click -> close());
        cancel.setId("publish-cancel");
        getFooter().add(cancel, publish);
    }

    private void section(VerticalLayout content, String titleKey, List<String> lines, String id) {
        if (lines.isEmpty()) {
            return;
        }
        UnorderedList list = new UnorderedList();
        list.setId(id);
        lines.forEach(l -> list.add(new ListItem(l)));
        content.add(new H4(getTranslation(titleKey)), list);
    }
}
