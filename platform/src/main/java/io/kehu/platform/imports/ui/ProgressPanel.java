package io.kehu.platform.imports.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import io.kehu.platform.imports.ImportProgress;
import java.text.NumberFormat;
import java.util.Locale;

/** A progress bar with "已处理 n / total 行（%），每秒 r 行", refreshed by the page's polling. */
class ProgressPanel extends VerticalLayout {

    private final ImportProgress progress;
    private final Locale locale;
    private final ProgressBar bar = new ProgressBar(0, 1);
    private final Span text = new Span();

    ProgressPanel(ImportProgress progress, Locale locale, boolean withRate) {
        this.progress = progress;
        this.locale = locale;
        setPadding(false);
        bar.setId("import-progress");
        text.setId("import-progress-text");
        add(bar, text);
        refresh();
    }

    void refresh() {
        if (progress.total() < 0) {
            bar.setIndeterminate(true);
            text.setText(getTranslation("imports.progress.counting"));
            return;
        }
        bar.setIndeterminate(false);
        bar.setValue(progress.fraction());
        NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
        text.setText(getTranslation("imports.progress", numbers.format(progress.rows()),
                numbers.format(progress.total()), NumberFormat.getPercentInstance(locale).format(progress.fraction()),
                numbers.format(Math.round(progress.rowsPerSecond()))));
    }
}
