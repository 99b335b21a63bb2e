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
 * The review of the rows of a dry run that look like duplicates — all of them, however many, in a lazy grid paged
 * from the dry run's list of them (see {@link ImportReport#duplicatesPage}): which row or record each duplicates and
 * why, and per row what the import does with it — 导入 (create anyway), 跳过 (skip) or 合并 (write the row onto the
 * stored record it duplicates; not offered for a row duplicating an earlier row of the file). Above the grid one
 * choice for all the remaining rows, those not decided one by one (including the ones never scrolled to); it starts
 * at the default the "skip likely duplicates" option gave. Only the rows decided one by one are kept in memory.
 */
class DuplicatesPanel extends VerticalLayout {

    private final Map<Long, DuplicateDecision> decisions = new LinkedHashMap<>();
    private DuplicateDecision remaining;

    DuplicatesPanel(ImportReport report, boolean skipped, Locale locale, Map<Long, DuplicateDecision> earlier,
                    DuplicateDecision earlierRemaining) {
        setPadding(false);
        DuplicateDecision byDefault = skipped ? DuplicateDecision.SKIP : DuplicateDecision.IMPORT;
        remaining = earlierRemaining == null ? byDefault : earlierRemaining;
        if (report.duplicates() == 0) {
            return;
        }
        decisions.putAll(earlier);
        add(new H4(getTranslation("dedupe.import.title")));
        Paragraph count = new Paragraph(getTranslation(skipped ? "dedupe.import.skipped" : "dedupe.import.kept",
                report.duplicates()));
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
        // lazy: a page at a time from the dry run's file, never the whole list in memory or in the browser
        grid.setItems(query -> report.duplicatesPage(query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, report.duplicates()));
        grid.setAllRowsVisible(report.duplicates() <= 20);

        Select<DuplicateDecision> rest = new Select<>();
        rest.setId("import-duplicates-rest");
        rest.setLabel(getTranslation("dedupe.review.rest"));
        rest.setHelperText(getTranslation("dedupe.review.rest.help"));
        rest.setItems(DuplicateDecision.values());
        rest.setItemLabelGenerator(x -> getTranslation("dedupe.review." + x.name()));
        rest.setValue(remaining);
        rest.addValueChangeListener(e -> {
            remaining = e.getValue();
            grid.getDataProvider().refreshAll();
        });
        add(count, help, rest, grid);
    }

    private Select<DuplicateDecision> decisionPicker(ImportDuplicate d) {
        Select<DuplicateDecision> pick = new Select<>();
        pick.setId("import-decision-" + d.row());
        pick.setItems(d.mergeable() ? List.of(DuplicateDecision.values())
                : List.of(DuplicateDecision.IMPORT, DuplicateDecision.SKIP));
        pick.setItemLabelGenerator(x -> getTranslation("dedupe.review." + x.name()));
        pick.setValue(shown(d));
        pick.setAriaLabel(getTranslation("dedupe.review.decisionOf", d.row()));
        pick.addValueChangeListener(e -> decisions.put(d.row(), e.getValue()));
        return pick;
    }

    /** What the import will do with {@code d}: merging a row that has no stored record to merge into skips it. */
    private DuplicateDecision shown(ImportDuplicate d) {
        DuplicateDecision decision = decisions.getOrDefault(d.row(), remaining);
        return decision == DuplicateDecision.MERGE && !d.mergeable() ? DuplicateDecision.SKIP : decision;
    }

    /** The decision per row decided one by one, as the user left them. */
    Map<Long, DuplicateDecision> decisions() {
        return Map.copyOf(decisions);
    }

    /** The decision for all the other rows that look like duplicates. */
    DuplicateDecision remaining() {
        return remaining;
    }
}
