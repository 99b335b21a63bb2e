package io.kehu.platform.designer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.forms.LayoutSection;
import io.kehu.platform.forms.LocalizedText;
import java.util.List;
import java.util.function.Consumer;

/**
 * The properties of the selected layout section: its title, the tab it belongs to (sections with the same tab title
 * share one tab; none means above the tabs) and its number of columns.
 */
final class SectionPanel extends VerticalLayout {

    private final TextField titleZh = new TextField(getTranslation("designer.section.titleZh"));
    private final TextField titleEn = new TextField(getTranslation("designer.section.titleEn"));
    private final TextField tabZh = new TextField(getTranslation("designer.section.tabZh"));
    private final TextField tabEn = new TextField(getTranslation("designer.section.tabEn"));
    private final IntegerField columns = new IntegerField(getTranslation("designer.section.columns"));
    private final Div problems = new Div();
    private LayoutSection section;
    private boolean loading;

    SectionPanel(Consumer<LayoutSection> changed, Runnable remove) {
        setId("designer-section-properties");
        setPadding(false);
        titleZh.setId("section-title-zh");
        titleEn.setId("section-title-en");
        tabZh.setId("section-tab-zh");
        tabEn.setId("section-tab-en");
        columns.setId("section-columns");
        columns.setMin(1);
        columns.setMax(4);
        columns.setStepButtonsVisible(true);
        tabEn.setHelperText(getTranslation("designer.section.tabHelp"));
        problems.getStyle().set("color", "var(--lumo-error-text-color)");
        Runnable update = () -> {
            if (loading || section == null) {
                return;
            }
            LocalizedText tab = FieldSpec.text(tabZh.getValue(), tabEn.getValue());
            section = new LayoutSection(FieldSpec.text(titleZh.getValue(), titleEn.getValue()),
                    tab.isEmpty() ? null : tab, columns.getValue() == null ? 1 : columns.getValue(),
                    section.fields());
            changed.accept(section);
        };
        List.of(titleZh, titleEn, tabZh, tabEn).forEach(f -> {
            f.setWidthFull();
            f.addValueChangeListener(e -> update.run());
        });
        columns.addValueChangeListener(e -> update.run());
        Button delete = new Button(getTranslation("designer.section.remove"), VaadinIcon.TRASH.create(),
                click -> remove.run());
        delete.setId("section-remove");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        add(new H4(getTranslation("designer.section.title")), problems, titleZh, titleEn, tabZh, tabEn, columns,
                delete);
    }

    void edit(LayoutSection value, List<String> found) {
        loading = true;
        try {
            section = value;
            titleZh.setValue(nz(value.title().zh()));
            titleEn.setValue(nz(value.title().en()));
            tabZh.setValue(value.tab() == null ? "" : nz(value.tab().zh()));
            tabEn.setValue(value.tab() == null ? "" : nz(value.tab().en()));
            columns.setValue(value.columns());
        } finally {
            loading = false;
        }
        problems.setText(String.join("; ", found));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
