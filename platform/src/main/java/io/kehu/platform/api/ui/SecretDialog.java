package io.kehu.platform.api.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;

/** Shows a new token's secret once, with a copy button; closing it is the last chance to see the secret. */
class SecretDialog extends Dialog {

    SecretDialog(String secret) {
        setHeaderTitle(getTranslation("api.tokens.created.title"));
        setCloseOnOutsideClick(false);
        TextField field = new TextField();
        field.setValue(secret);
        field.setReadOnly(true);
        field.setWidthFull();
        field.setId("api-token-secret");
        Button copy = new Button(getTranslation("api.tokens.copy"), VaadinIcon.COPY.create(), click -> {
            field.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", secret);
            Notification.show(getTranslation("api.tokens.copied"));
        });
        copy.setId("copy-api-token");
        field.setSuffixComponent(copy);
        Button close = new Button(getTranslation("api.tokens.close"), click -> close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new Paragraph(getTranslation("api.tokens.created.once")), field);
        getFooter().add(close);
        setWidth("min(40rem, 95vw)");
    }
}
