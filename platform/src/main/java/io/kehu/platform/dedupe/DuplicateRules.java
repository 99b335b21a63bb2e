package io.kehu.platform.dedupe;

import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;

/**
 * Which fields of a form make two records likely the same (admin-editable, stored per form in
 * {@code kehu_duplicate_rules}): the same phone, the same e-mail, or names at least {@code nameThreshold} alike.
 * A field id may be null: that rule is off.
 *
 * @param nameThreshold 0..1; names this alike are duplicates on their own, and any phone or e-mail match says how
 *                      alike the names are
 */
public record DuplicateRules(String formId, String phoneField, String emailField, String nameField,
                            double nameThreshold) {

    public static final double DEFAULT_THRESHOLD = 0.85;

    public DuplicateRules {
        if (nameThreshold <= 0 || nameThreshold > 1) {
            throw new IllegalArgumentException("The name threshold must be between 0 and 1");
        }
    }

    /**
     * The rules a form has before an administrator changes them: its first phone field, first e-mail field and
     * title field (for {@code customer}: phone, email, name).
     */
    public static DuplicateRules defaults(FormDefinition form) {
        String phone = form.fields().stream().filter(f -> f.type() == FieldType.PHONE).map(f -> f.id()).findFirst()
                .orElse(null);
        String email = form.fields().stream().filter(f -> f.type() == FieldType.EMAIL).map(f -> f.id()).findFirst()
                .orElse(null);
        String name = form.field(form.titleField() == null ? "" : form.titleField())
                .filter(f -> f.type() == FieldType.TEXT).map(f -> f.id()).orElse(null);
        return new DuplicateRules(form.id(), phone, email, name, DEFAULT_THRESHOLD);
    }

    public boolean any() {
        return phoneField != null || emailField != null || nameField != null;
    }
}
