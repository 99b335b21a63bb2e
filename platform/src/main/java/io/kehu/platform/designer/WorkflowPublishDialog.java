package io.kehu.platform.designer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.views.ListLinks;
import io.kehu.platform.workflow.PublishRefusedException;
import io.kehu.platform.workflow.WorkflowDefinition;
import io.kehu.platform.workflow.WorkflowException;
import io.kehu.platform.workflow.WorkflowState;
import io.kehu.platform.workflow.WorkflowVersion;
import io.kehu.platform.workflow.WorkflowVersions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Publishing a workflow (or rolling back to an earlier version): what the reader says about it, and the in-flight
 * records — per state the new version no longer has, how many records are in it (with a link to that list) and the
 * state they are to move to. Publishing is refused on the server until every such state is mapped; the dialog asks
 * for the mapping up front.
 */
final class WorkflowPublishDialog extends Dialog {

    private final DesignerServices services;
    private final WorkflowVersions versions;
    private final String json;
    private final Integer rollbackTo;
    private final Map<String, Select<String>> mapping = new HashMap<>();
    private final TextField comment = new TextField();
    private final Div error = new Div();

    /**
     * @param rollbackTo the version a rollback publishes again, or null for a publish of {@code json}
     */
    WorkflowPublishDialog(DesignerServices services, WorkflowVersions versions, String json, Integer rollbackTo,
            Consumer<WorkflowVersion> published) {
        this(services, versions, json, rollbackTo, List.of(), published);
    }

    /**
     * @param rollbackTo the version a rollback publishes again, or null for a publish of {@code json}
     * @param missingChannels webhook channels its notify actions name that no enabled endpoint has: a warning
     */
    WorkflowPublishDialog(DesignerServices services, WorkflowVersions versions, String json, Integer rollbackTo,
            List<String> missingChannels, Consumer<WorkflowVersion> published) {
        this.services = services;
        this.versions = versions;
        this.json = json;
        this.rollbackTo = rollbackTo;
        setId("wf-publish-dialog");
        setWidth("min(48em, 95vw)");
        setHeaderTitle(rollbackTo == null ? getTranslation("wf.publish.title")
                : getTranslation("wf.rollback.title", rollbackTo));
        error.setId("wf-publish-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-wrap");
        Button cancel = new Button(getTranslation("designer.cancel"), e -> close());
        cancel.setId("wf-publish-cancel");
        getFooter().add(cancel);
        WorkflowVersions.Preview preview;
        try {
            preview = versions.preview(json);
        } catch (WorkflowException e) {
            error.setText(getTranslation("wf.publish.problems") + "\n" + e.problems().stream()
                    .map(p -> p.jsonPath() + "：" + p.message(getLocale())).collect(Collectors.joining("\n")));
            add(error);
            return;
        }
        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        WorkflowDefinition definition = preview.definition();
        if (preview.inFlight().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("wf.publish.noInFlight"));
            none.setId("wf-publish-no-inflight");
            content.add(none);
        } else {
            content.add(new Paragraph(getTranslation("wf.publish.inFlight")));
            Grid<WorkflowVersions.InFlight> grid = new Grid<>();
            grid.setId("wf-publish-inflight");
            grid.addColumn(f -> f.label().in(getLocale())).setHeader(getTranslation("wf.publish.state"))
                    .setAutoWidth(true);
            grid.addComponentColumn(f -> {
                Anchor link = new Anchor(ListLinks.filtered(definition.form(), List.of(RecordQuery.Filter.of(
                        definition.statusField(), RecordQuery.Operator.IN, f.state()))),
                        getTranslation("wf.publish.records", f.records()));
                link.setId("wf-publish-link-" + f.state());
                link.setTarget("_blank");
                return link;
            }).setKey("records").setHeader(getTranslation("wf.publish.count")).setAutoWidth(true);
            // One choice per state, made up front: the grid shows them, the publish reads them.
            for (WorkflowVersions.InFlight f : preview.inFlight()) {
                Select<String> to = new Select<>();
                to.setId("wf-publish-map-" + f.state());
                to.setItems(definition.states().stream().map(WorkflowState::id).toList());
                to.setItemLabelGenerator(id -> definition.state(id).map(st -> st.label().in(getLocale()))
                        .orElse(id));
                to.setPlaceholder(getTranslation("wf.publish.choose"));
                mapping.put(f.state(), to);
            }
            grid.addComponentColumn(f -> mapping.get(f.state())).setKey("moveTo")
                    .setHeader(getTranslation("wf.publish.moveTo")).setAutoWidth(true);
            grid.setItems(preview.inFlight());
            grid.setAllRowsVisible(true);
            content.add(grid);
        }
        if (preview.formAfter() != null) {
            content.add(new Paragraph(getTranslation("wf.publish.optionsChange")));
        }
        for (String channel : missingChannels) {
            Paragraph warning = new Paragraph(getTranslation("wf.channels.missing", channel));
            warning.setId("wf-publish-channel-" + channel);
            warning.getStyle().set("color", "var(--lumo-warning-text-color, var(--lumo-secondary-text-color))");
            content.add(warning);
        }
        comment.setId("wf-publish-comment");
        comment.setLabel(getTranslation("wf.publish.comment"));
        comment.setMaxLength(500);
        comment.setWidthFull();
        if (rollbackTo != null) {
            comment.setValue(getTranslation("wf.rollback.comment", rollbackTo));
        }
        content.add(comment, error);
        add(content);
        Button publish = new Button(rollbackTo == null ? getTranslation("wf.publish.confirm")
                : getTranslation("wf.rollback.confirm", rollbackTo), e -> publish(published));
        publish.setId("wf-publish-confirm");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(publish);
    }

    /** Sets the state that records of {@code oldState} move to, as if chosen. */
    void map(String oldState, String newState) {
        mapping.get(oldState).setValue(newState);
    }

    private void publish(Consumer<WorkflowVersion> published) {
        Map<String, String> chosen = new HashMap<>();
        mapping.forEach((from, select) -> {
            if (select.getValue() != null) {
                chosen.put(from, select.getValue());
            }
        });
        try {
            WorkflowVersion version = rollbackTo == null
                    ? versions.publish(services.admin(), json, chosen, comment.getValue())
                    : versions.rollback(services.admin(), versions.preview(json).definition().id(), rollbackTo,
                            chosen, comment.getValue());
            close();
            published.accept(version);
        } catch (PublishRefusedException refused) {
            error.setText(refused.text().in(getLocale()));
            refused.unmapped().forEach(f -> {
                Select<String> select = mapping.get(f.state());
                if (select != null) {
                    select.setInvalid(true);
                    select.setErrorMessage(getTranslation("wf.publish.choose"));
                }
            });
        } catch (WorkflowException problems) {
            error.setText(problems.describe(getLocale()));
        }
    }
}
