package io.kehu.platform.imports.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.kehu.platform.imports.DuplicateDecision;
import io.kehu.platform.imports.ImportDuplicate;
import io.kehu.platform.imports.ImportReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The review of the rows of a dry run that look like duplicates: which row or record each duplicates and why, and per
 * row what the import does with it — 导入 (create anyway), 跳过 (skip) or 合并 (write the row onto the stored record it
 * duplicates; not offered for a row duplicating an earlier row of the file). Each starts at the default the
 * "skip likely duplicates" option gave; the rows past the listed ones follow that default.
 */
class DuplicatesPanel extends VerticalLayout {

    private final Map<Long, DuplicateDecision> decisions = new LinkedHashMap<>();

    DuplicatesPanel(ImportReport report, boolean skipped, Locale locale, Map<Long, DuplicateDecision> earlier) {
        setPadding(false);
        if (report.duplicates() == 0) {
            return;
        }
        DuplicateDecision byDefault = skipped ? DuplicateDecision.SKIP : DuplicateDecision.IMPORT;
        for (ImportDuplicate d : report.firstDuplicates()) {
            DuplicateDecision before = earlier.get(d.row());
            decisions.put(d.row(), before == null || before == DuplicateDecision.MERGE && !d.mergeable() ? byDefault
                    : before);
        }
        add(new H4(getTranslation("dedupe.import.title")));
        Paragraph count = new Paragraph(getTranslation(skipped ? "dedupe.import.skipped" : "dedupe.import.kept",
                report.duplicates(), report.firstDuplicates().size()));
        count.setId("import-duplicates-count");
        Paragraph help = new Paragraph(getTranslation("dedupe.review.help"));
        Grid<ImportDuplicate> grid = new Grid<>();
        grid.setId("import-duplicates");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(p -> String.format(locale, "%,d", p.row())).setHeader(getTranslation("imports.problems.row"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ImportDuplicate::value).setHeader(getTranslation("imports.problems.value")).setAutoWidth(true);
        grid.addColumn(p -> p.reason().in(locale)).setHeader(getTranslation("dedupe.import.why")).setFlexGrow(1);
        grid.addComponentColumn(this::decisionPicker).setKey("decision")
                .setHeader(getTranslation("dedupe.review.decision"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.setItems(report.firstDuplicates());
        grid.setAllRowsVisible(report.firstDuplicates().size() <= 20);
        add(count, help, grid);
    }

    private Select<DuplicateDecision> decisionPicker(ImportDuplicate d) {
        Select<DuplicateDecision> pick = new Select<>();
        pick.setId("import-decision-" + d.row());
        pick.setItems(d.mergeable() ? List.of(DuplicateDecision.values())
                : List.of(DuplicateDecision.IMPORT, DuplicateDecision.SKIP));
        pick.setItemLabelGenerator(x -> getTranslation("dedupe.review." + x.name()));
        pick.setValue(decisions.get(d.row()));
        pick.setAriaLabel(getTranslation("dedupe.review.decisionOf", d.row()));
        pick.addValueChangeListener(e -> decisions.put(d.row(), e.getValue()));
        return pick;
    }

    /** The decision per listed row, as the user left them. */
    Map<Long, DuplicateDecision> decisions() {
        return Map.copyOf(decisions);
    }
}
