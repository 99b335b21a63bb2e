package io.kehu.platform.records.values;

import static io.kehu.platform.records.values.ValueErrors.invalid;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.security.TextSanitizer;
import java.math.BigDecimal;

/** Text as a field takes it: stripped, blank as empty; numbers and booleans as their text. */
public final class TextValues {

    private TextValues() {
    }

    public static String text(FieldDefinition field, Object raw) {
        if (raw instanceof CharSequence || raw instanceof Number || raw instanceof Boolean) {
            String text = raw instanceof BigDecimal d ? d.toPlainString() : TextSanitizer.clean(raw.toString()).strip();
            return text.isEmpty() ? null : text;
        }
        throw invalid(field, "not_text", "“%s”应为文本", "“%s” must be text");
    }
}
