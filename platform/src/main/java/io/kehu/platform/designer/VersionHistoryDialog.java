package io.kehu.platform.designer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormVersion;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Consumer;

/**
 * The published versions of a form (who published each, when, with which note), a readable diff between any two of
 * them, and rollback: publishing an old version again as a new one (through the same checks, so a rollback that
 * would lose data is refused like any other publish).
 */
final class VersionHistoryDialog extends Dialog {

    private final DesignerServices services;
    private final String formId;
    private final Grid<DefinitionDiff.Line> diff = new Grid<>();
    private final Select<Integer> from = new Select<>();
    private final Select<Integer> to = new Select<>();
    private final Div error = new Div();

    VersionHistoryDialog(DesignerServices services, String formId, Consumer<FormVersion> rolledBack) {
        this.services = services;
        this.formId = formId;
        setId("history-dialog");
        setHeaderTitle(getTranslation("designer.history.title", services.catalog.published(formId)
                .map(f -> FormDesignerView.nameOf(f, getLocale())).orElse(formId)));
        setWidth("min(64em, 95vw)");
        List<FormVersion> versions = services.publisher.versions(formId);
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale());
        Grid<FormVersion> list = new Grid<>();
        list.setId("history-versions");
        list.addColumn(FormVersion::number).setHeader(getTranslation("designer.history.version")).setAutoWidth(true);
        list.addColumn(FormVersion::publishedBy).setHeader(getTranslation("designer.history.by")).setAutoWidth(true);
        list.addColumn(v -> when.format(v.publishedAt().atZoneSameInstant(ZoneId.systemDefault())))
                .setHeader(getTranslation("designer.history.at")).setAutoWidth(true);
        list.addColumn(v -> v.note() == null ? "" : v.note()).setHeader(getTranslation("designer.history.note"));
        list.addComponentColumn(v -> {
            Button rollback = new Button(getTranslation("designer.history.rollback"), click -> confirm(v.number(),
                    rolledBack));
            rollback.setId("history-rollback-" + v.number());
            rollback.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return rollback;
        }).setAutoWidth(true);
        // A form has few versions (one per publish), so listing them all is fine.
        list.setItems(versions);
        list.setAllRowsVisible(versions.size() <= 8);
        List<Integer> numbers = versions.stream().map(FormVersion::number).toList();
        from.setId("history-from");
        from.setLabel(getTranslation("designer.history.from"));
        from.setItems(numbers);
        to.setId("history-to");
        to.setLabel(getTranslation("designer.history.to"));
        to.setItems(numbers);
        if (numbers.size() >= 2) {
            from.setValue(numbers.get(numbers.size() - 2));
        } else if (!numbers.isEmpty()) {
            from.setValue(numbers.getFirst());
        }
        if (!numbers.isEmpty()) {
            to.setValue(numbers.getLast());
        }
        from.addValueChangeListener(e -> compare());
        to.addValueChangeListener(e -> compare());
        diff.setId("history-diff");
        diff.addColumn(l -> getTranslation("designer.diff." + l.kind().name().toLowerCase(java.util.Locale.ROOT)))
                .setHeader(getTranslation("designer.diff.what")).setAutoWidth(true);
        diff.addColumn(DefinitionDiff.Line::subject).setHeader(getTranslation("designer.diff.subject"))
                .setAutoWidth(true);
        diff.addColumn(l -> l.before() == null ? "∅" : l.before()).setHeader(getTranslation("designer.diff.before"));
        diff.addColumn(l -> l.after() == null ? "∅" : l.after()).setHeader(getTranslation("designer.diff.after"));
        diff.setHeight("18em");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setId("history-error");
        VerticalLayout content = new VerticalLayout(list, new HorizontalLayout(from, to), diff, error);
        content.setPadding(false);
        add(content);
        Button close = new Button(getTranslation("designer.close"), click -> close());
        close.setId("history-close");
        getFooter().add(close);
        compare();
    }

    private void compare() {
        if (from.getValue() == null || to.getValue() == null) {
            diff.setItems(List.of());
            return;
        }
        FormDefinition a = services.publisher.version(formId, from.getValue()).orElseThrow();
        FormDefinition b = services.publisher.version(formId, to.getValue()).orElseThrow();
        diff.setItems(DefinitionDiff.between(a, b, services.writer));
    }

    private void confirm(int number, Consumer<FormVersion> rolledBack) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("designer.history.rollbackTitle", number),
                getTranslation("designer.history.rollbackText", number),
                getTranslation("designer.history.rollbackConfirm", number),
                e -> {
                    try {
                        FormVersion version = services.rollback(formId, number);
                        close();
                        rolledBack.accept(version);
                    } catch (RuntimeException refused) {
                        error.setText(refused.getMessage());
                    }
                });
        confirm.setId("history-rollback-confirm");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("designer.cancel"));
        confirm.open();
    }
}
