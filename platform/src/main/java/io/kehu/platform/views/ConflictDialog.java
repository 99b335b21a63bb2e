package io.kehu.platform.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordConflictException;
import java.util.List;
import java.util.Map;

/**
 * Someone else saved the record while the user was editing it. Nothing was written; the user decides: reload their
 * version (dropping their own edits), or compare field by field and keep editing their own values on top of the new
 * version, so that the next save overwrites knowingly. Nothing is ever overwritten silently.
 */
final class ConflictDialog extends Dialog {

    /** One field both saved differently: their stored value and the user's unsaved one, as text. */
    record Difference(String field, String theirs, String yours) {
    }

    ConflictDialog(RecordConflictException conflict, FormDefinition form, Record theirs, Map<String, Object> mine,
                   ValueFormatter formatter, Runnable reload, Runnable keepMine) {
        setId("conflict-dialog");
        setHeaderTitle(getTranslation("views.conflict.title"));
        String when = conflict.lastSavedAt() == null ? "" : formatter.plain(conflict.lastSavedAt());
        Paragraph who = new Paragraph(getTranslation("views.conflict.text",
                formatter.actor(conflict.lastSavedBy(), conflict.lastSavedByName()), when));
        who.setId("conflict-who");
        add(who);
        List<Difference> differences = mine.entrySet().stream()
                .flatMap(e -> form.field(e.getKey()).stream().map(f -> new Difference(
                        f.label().isEmpty() ? f.id() : f.label().in(formatter.locale()),
                        formatter.format(f, theirs.get(f.id())), formatter.format(f, e.getValue()))))
                .filter(d -> !d.theirs().equals(d.yours()))
                .toList();
        Grid<Difference> compare = new Grid<>();
        compare.setId("conflict-compare");
        compare.addColumn(Difference::field).setHeader(getTranslation("views.conflict.field"));
        compare.addColumn(Difference::theirs).setHeader(getTranslation("views.conflict.theirs"));
        compare.addColumn(Difference::yours).setHeader(getTranslation("views.conflict.yours"));
        compare.setItems(differences);
        compare.setAllRowsVisible(true);
        compare.setVisible(false);
        compare.setMinWidth("32em");
        add(compare);

        Button reloadButton = new Button(getTranslation("views.conflict.reload"), click -> {
            close();
            reload.run();
        });
        reloadButton.setId("conflict-reload");
        Button keep = new Button(getTranslation("views.conflict.keepMine"), click -> {
            close();
            keepMine.run();
        });
        keep.setId("conflict-keep");
        keep.setVisible(false);
        Button compareButton = new Button(getTranslation("views.conflict.compare"));
        compareButton.setId("conflict-compare-button");
        compareButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        compareButton.addClickListener(click -> {
            compare.setVisible(true);
            keep.setVisible(true);
            compareButton.setVisible(false);
        });
        getFooter().add(reloadButton, keep, compareButton);
    }
}
