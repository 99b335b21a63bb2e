package io.kehu.platform.records;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.security.Actor;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The form's own rules, run inside every write: computed fields first, then validation rules. The Groovy rules engine
 * implements this as a Spring bean; without one, {@link #NONE} applies. Field-type checks (required, min/max, length,
 * pattern, options) are not rules: {@link FieldValues} does them in Java.
 */
public interface RecordRules {

    /** No rules: computes nothing, refuses nothing. */
    RecordRules NONE = new RecordRules() {
        @Override
        public List<FieldError> validate(FormDefinition form, Map<String, Object> values, Optional<Record> old,
                                         Actor actor) {
            return List.of();
        }

        @Override
        public Map<String, Object> compute(FormDefinition form, Map<String, Object> values) {
            return Map.of();
        }
    };

    /**
     * Problems with {@code values} (the complete record after the write, computed fields included); empty when the
     * save may go ahead.
     */
    List<FieldError> validate(FormDefinition form, Map<String, Object> values, Optional<Record> old, Actor actor);

    /** The values of computed fields for {@code values}, keyed by field id; they are converted and stored. */
    Map<String, Object> compute(FormDefinition form, Map<String, Object> values);

    /**
     * Like {@link #compute(FormDefinition, Map)}, knowing the record before the change (empty on create) and who
     * saves, so computed fields can look at related records. Records calls this one.
     */
    default Map<String, Object> compute(FormDefinition form, Map<String, Object> values, Optional<Record> old,
                                        Actor actor) {
        return compute(form, values);
    }

    /**
     * Whether {@code field} is shown for {@code values} (its {@code visibleWhen} condition). The record view asks this
     * as the user types; without a rules engine every field is visible.
     */
    default boolean isVisible(FormDefinition form, FieldDefinition field, Map<String, Object> values, Actor actor) {
        return true;
    }

    /**
     * Whether {@code field} must be filled for {@code values}: {@code required}, or its {@code requiredWhen}
     * condition holds. Used live by the record view and on save; without a rules engine only {@code required} counts.
     */
    default boolean isRequired(FormDefinition form, FieldDefinition field, Map<String, Object> values, Actor actor) {
        return field.required();
    }
}
