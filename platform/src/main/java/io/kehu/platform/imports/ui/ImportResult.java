package io.kehu.platform.imports.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.imports.ImportJob;
import io.kehu.platform.imports.Imports;
import io.kehu.platform.imports.JobMessage;
import io.kehu.platform.imports.UndoReport;
import io.kehu.platform.security.Actor;
import java.util.Locale;

/** What an import did, the link to the records, the problems and the undo (listing records changed since). */
class ImportResult extends VerticalLayout {

    private final Imports imports;
    private final Actor actor;
    private final long jobId;

    ImportResult(Imports imports, Actor actor, FormDefinition form, long jobId, Locale locale) {
        this.imports = imports;
        this.actor = actor;
        this.jobId = jobId;
        setPadding(false);
        ImportJob job = imports.job(actor, jobId).orElseThrow();
        Paragraph summary = new Paragraph(summary(job));
        summary.setId("import-result");
        add(summary);
        if (job.duplicates() > 0 && !"UNDONE".equals(job.status())) {
            Paragraph duplicates = new Paragraph(getTranslation("imports.done.duplicates", job.duplicates()));
            duplicates.setId("import-result-duplicates");
            add(duplicates);
        }
        imports.result(jobId).ifPresent(report -> add(new ProblemsPanel(report, locale)));
        Anchor list = new Anchor("forms/" + form.id(), getTranslation("imports.openList",
                form.label().in(locale)));
        list.setId("import-open-list");
        add(list);
        if ("DONE".equals(job.status()) || "CANCELLED".equals(job.status()) && job.skipBadRows()) {
            Button undo = new Button(getTranslation("imports.undo"), click -> confirmUndo());
            undo.setId("import-undo");
            undo.addThemeVariants(ButtonVariant.LUMO_ERROR);
            add(undo);
        }
    }

    private String summary(ImportJob job) {
        return switch (job.status()) {
            case "DONE" -> getTranslation("imports.done", job.created(), job.updated(), job.unchanged(),
                    job.refused());
            case "CANCELLED" -> getTranslation("imports.cancelled");
            case "UNDONE" -> getTranslation("imports.status.UNDONE");
            default -> imports.result(job.id()).filter(r -> r.stoppedAt() > 0)
                    .map(r -> getTranslation("imports.stopped", r.stoppedAt()))
                    .orElse(getTranslation("imports.failed", String.valueOf(JobMessage.text(job.message(),
                            getLocale(), this::getTranslation))));
        };
    }

    private void confirmUndo() {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("imports.undo"),
                getTranslation("imports.undo.confirm"), getTranslation("imports.undo.yes"), e -> undo());
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("imports.undo.no"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.setId("import-undo-confirm");
        confirm.open();
    }

    private void undo() {
        UndoReport report = imports.undo(actor, jobId);
        removeAll();
        Paragraph done = new Paragraph(getTranslation("imports.undo.done", report.deleted(), report.restored()));
        done.setId("import-undone");
        add(done);
        if (!report.leftAlone().isEmpty()) {
            add(new Paragraph(getTranslation("imports.undo.leftAlone", report.leftAlone().size())));
            UnorderedList list = new UnorderedList();
            list.setId("import-left-alone");
            report.leftAlone().forEach(l -> list.add(new ListItem(new Anchor("forms/" + l.formId() + "/"
                    + l.recordId(), l.title()))));
            add(list);
        }
    }
}
