package io.kehu.platform.imports.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.kehu.platform.imports.ImportProblem;
import io.kehu.platform.imports.ImportReport;
import java.util.Locale;

/** The rows of a dry run that look like duplicates: which row or record each duplicates and why. */
class DuplicatesPanel extends VerticalLayout {

    DuplicatesPanel(ImportReport report, boolean skipped, Locale locale) {
        setPadding(false);
        if (report.duplicates() == 0) {
            return;
        }
        add(new H4(getTranslation("dedupe.import.title")));
        Paragraph count = new Paragraph(getTranslation(skipped ? "dedupe.import.skipped" : "dedupe.import.kept",
                report.duplicates(), report.firstDuplicates().size()));
        count.setId("import-duplicates-count");
        Grid<ImportProblem> grid = new Grid<>();
        grid.setId("import-duplicates");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(p -> String.format(locale, "%,d", p.row())).setHeader(getTranslation("imports.problems.row"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ImportProblem::value).setHeader(getTranslation("imports.problems.value")).setAutoWidth(true);
        grid.addColumn(p -> p.reason().in(locale)).setHeader(getTranslation("dedupe.import.why")).setFlexGrow(1);
        grid.setItems(report.firstDuplicates());
        grid.setAllRowsVisible(report.firstDuplicates().size() <= 20);
        add(count, grid);
    }
}
