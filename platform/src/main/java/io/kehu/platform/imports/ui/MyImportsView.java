package io.kehu.platform.imports.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.imports.ImportJob;
import io.kehu.platform.imports.Imports;
import io.kehu.platform.imports.JobMessage;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.ui.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * The user's imports, newest first (administrators see everybody's): form, file, status, counts, and a link to the
 * records. At most the last 200, so the grid takes them as a list.
 */
@Route(value = MyImportsView.ROUTE, layout = MainLayout.class)
@PermitAll
public class MyImportsView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "imports";

    public MyImportsView(Imports imports, FormCatalog catalog, CurrentUser user, UserAccounts accounts) {
        Actor actor = user.username().flatMap(accounts::findByUsername).map(Actor::of).orElseThrow();
        List<ImportJob> jobs = imports.jobs(actor);
        H2 title = new H2(getTranslation("imports.list.title"));
        Span count = new Span(getTranslation("imports.list.count", jobs.size()));
        count.setId("imports-count");
        add(title, count);
        if (jobs.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("imports.list.empty"));
            empty.setId("imports-empty");
            add(empty);
            return;
        }
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        Grid<ImportJob> grid = new Grid<>();
        grid.setId("imports-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(j -> when.format(j.createdAt().atZoneSameInstant(ZoneId.systemDefault())))
                .setHeader(getTranslation("imports.list.when")).setAutoWidth(true);
        grid.addComponentColumn(j -> new Anchor("forms/" + j.formId(), catalog.published(j.formId())
                .map(f -> f.label().in(getLocale())).orElse(j.formId())))
                .setHeader(getTranslation("imports.list.form")).setAutoWidth(true);
        grid.addColumn(ImportJob::fileName).setHeader(getTranslation("imports.list.file")).setFlexGrow(1);
        grid.addColumn(j -> getTranslation("imports.status." + j.status()))
                .setHeader(getTranslation("imports.list.status")).setAutoWidth(true);
        grid.addColumn(j -> getTranslation("imports.list.countsValue", j.created(), j.updated(), j.refused()))
                .setHeader(getTranslation("imports.list.counts")).setAutoWidth(true);
        // why it failed or stopped, what its undo left alone: from the bundles, in the reader's language
        grid.addColumn(j -> java.util.Objects.requireNonNullElse(JobMessage.text(j.message(), getLocale(),
                this::getTranslation), "")).setKey("message").setHeader(getTranslation("imports.list.message"))
                .setFlexGrow(1);
        // people by the name they are known by, not their sign-in name
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        accounts.findAll().forEach(a -> names.put(a.id(), a.displayName()));
        grid.addColumn(j -> j.userId() == null ? j.userName() : names.getOrDefault(j.userId(), j.userName()))
                .setHeader(getTranslation("imports.list.by")).setAutoWidth(true);
        grid.setItems(jobs);
        add(grid);
        setSizeFull();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("imports.list.title");
    }
}
