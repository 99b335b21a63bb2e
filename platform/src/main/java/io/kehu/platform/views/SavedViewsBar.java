package io.kehu.platform.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Choosing, saving and deleting saved views of one form. Saving stores what the list shows now (columns, sort, search,
 * filters) under a name, privately or shared with a role; choosing a view hands its state to the list view.
 */
final class SavedViewsBar extends HorizontalLayout {

    private final SavedViews store;
    private final Actor actor;
    private final String formId;
    private final ComboBox<SavedView> chooser = new ComboBox<>();
    private final Button delete = new Button();

    SavedViewsBar(SavedViews store, Actor actor, String formId, Supplier<ViewState> current,
                  Consumer<ViewState> apply) {
        this.store = store;
        this.actor = actor;
        this.formId = formId;
        setAlignItems(FlexComponent.Alignment.BASELINE);
        chooser.setId("saved-views");
        chooser.setPlaceholder(getTranslation("views.saved.choose"));
        chooser.setItemLabelGenerator(v -> v.ownerId() == actor.userId() ? v.name()
                : getTranslation("views.saved.sharedName", v.name()));
        chooser.addValueChangeListener(e -> {
            delete.setEnabled(e.getValue() != null && e.getValue().ownerId() == actor.userId());
            if (e.getValue() != null && e.isFromClient()) {
                apply.accept(e.getValue().state());
            }
        });
        Button save = new Button(getTranslation("views.saved.save"), click -> openSaveDialog(current));
        save.setId("saved-views-save");
        save.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        delete.setText(getTranslation("views.saved.delete"));
        delete.setId("saved-views-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        delete.setEnabled(false);
        delete.addClickListener(click -> {
            store.delete(actor, chooser.getValue().id());
            reload();
        });
        reload();
        add(chooser, save, delete);
    }

    private void reload() {
        chooser.setItems(store.visibleTo(actor, formId));
    }

    private void openSaveDialog(Supplier<ViewState> current) {
        Dialog dialog = new Dialog(getTranslation("views.saved.dialogTitle"));
        TextField name = new TextField(getTranslation("views.saved.name"));
        name.setId("saved-view-name");
        name.setRequired(true);
        name.setMaxLength(120);
        if (chooser.getValue() != null && chooser.getValue().ownerId() == actor.userId()) {
            name.setValue(chooser.getValue().name());
        }
        Select<Role> share = new Select<>();
        share.setId("saved-view-share");
        share.setLabel(getTranslation("views.saved.share"));
        share.setItems(Role.values());
        share.setEmptySelectionAllowed(true);
        share.setEmptySelectionCaption(getTranslation("views.saved.private"));
        share.setItemLabelGenerator(r -> r == null ? getTranslation("views.saved.private")
                : getTranslation("role." + r.name()));
        Button confirm = new Button(getTranslation("views.saved.save"), click -> {
            if (name.getValue().isBlank()) {
                name.setInvalid(true);
                name.setErrorMessage(getTranslation("views.saved.nameRequired"));
                return;
            }
            SavedView saved = store.save(actor, formId, name.getValue().strip(), share.getValue(), current.get());
            reload();
            chooser.setValue(saved);
            dialog.close();
        });
        confirm.setId("saved-view-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(name, share);
        dialog.getFooter().add(new Button(getTranslation("views.action.cancel"), click -> dialog.close()), confirm);
        dialog.open();
    }
}
