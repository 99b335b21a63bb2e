package io.kehu.platform.imports.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.kehu.platform.imports.ImportProblem;
import io.kehu.platform.imports.ImportReport;
import io.kehu.platform.imports.Imports;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Bad cells per column with examples, and the download of every problem as an Excel sheet. */
class ProblemsPanel extends VerticalLayout {

    ProblemsPanel(ImportReport report, Locale locale) {
        setPadding(false);
        if (report.problems() == 0) {
            return;
        }
        add(new H4(getTranslation("imports.problems.byColumn")));
        Grid<Map.Entry<String, ImportReport.ColumnProblems>> grid = new Grid<>();
        grid.setId("import-problems");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(e -> e.getKey().isEmpty() ? getTranslation("imports.problems.wholeRow") : e.getKey())
                .setHeader(getTranslation("imports.problems.column")).setAutoWidth(true);
        grid.addColumn(e -> String.format(locale, "%,d", e.getValue().count()))
                .setHeader(getTranslation("imports.problems.count")).setAutoWidth(true);
        grid.addColumn(e -> examples(e.getValue().examples(), locale))
                .setHeader(getTranslation("imports.problems.examples")).setFlexGrow(1);
        grid.setItems(List.copyOf(report.byColumn().entrySet()));
        grid.setAllRowsVisible(true);
        List<String> headings = List.of(getTranslation("imports.problems.sheet"),
                getTranslation("imports.problems.row"), getTranslation("imports.problems.column"),
                getTranslation("imports.problems.value"), getTranslation("imports.problems.reason"));
        // streamed straight into the response: the list is not capped and may be long
        Anchor download = new Anchor((DownloadHandler) event -> {
            event.setFileName("problems.xlsx");
            event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            Imports.writeProblemsXlsx(report.problemsFile(), headings, locale, event.getOutputStream());
        }, getTranslation("imports.problems.download"));
        download.setId("import-problems-download");
        add(grid, download);
    }

    private String examples(List<ImportProblem> examples, Locale locale) {
        return examples.stream().map(p -> getTranslation("imports.problems.example", String.valueOf(p.row()),
                p.value(), p.reason().in(locale))).collect(Collectors.joining("；"));
    }
}
