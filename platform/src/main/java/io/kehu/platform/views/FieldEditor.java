package io.kehu.platform.views;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import io.kehu.platform.forms.FieldDefinition;
import java.util.function.Function;

/**
 * The editor of one field on the record view: a Vaadin field plus the conversion between the record store's typed
 * value ({@code Long}, {@code Money}, {@code OffsetDateTime}, ...) and what the component holds ({@code Integer},
 * {@code LocalDateTime}, a user account, ...). The record form treats all field types alike through it.
 */
final class FieldEditor {

    private final FieldDefinition field;
    private final AbstractField<?, Object> component;
    private final Function<Object, Object> toComponent;
    private final Function<Object, Object> toRecord;

    @SuppressWarnings("unchecked")
    <V> FieldEditor(FieldDefinition field, AbstractField<?, V> component, Function<Object, V> toComponent,
                    Function<V, Object> toRecord) {
        this.field = field;
        this.component = (AbstractField<?, Object>) component;
        this.toComponent = (Function<Object, Object>) toComponent;
        this.toRecord = (Function<Object, Object>) toRecord;
        component.setId("field-" + field.id());
    }

    FieldDefinition field() {
        return field;
    }

    Component component() {
        return component;
    }

    /** The value as the record store takes it; {@code null} when empty. */
    Object value() {
        Object shown = component.getValue();
        return shown == null || component.isEmpty() && !(shown instanceof Boolean) ? null : toRecord.apply(shown);
    }

    void setValue(Object recordValue) {
        Object shown = recordValue == null ? null : toComponent.apply(recordValue);
        if (shown == null) {
            component.clear();
        } else {
            component.setValue(shown);
        }
    }

    void setReadOnly(boolean readOnly) {
        component.setReadOnly(readOnly);
    }

    void setRequired(boolean required) {
        component.setRequiredIndicatorVisible(required);
    }

    /** Shows {@code message} beside the field, or clears it for {@code null}. */
    void setError(String message) {
        if (component instanceof HasValidation validated) {
            validated.setErrorMessage(message);
            validated.setInvalid(message != null);
        }
    }

    void onChange(Runnable listener) {
        component.addValueChangeListener(e -> listener.run());
    }

    /** Calls {@code listener} after the user changed the value (not when the screen sets it, e.g. loading). */
    void onUserChange(Runnable listener) {
        component.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                listener.run();
            }
        });
    }
}
