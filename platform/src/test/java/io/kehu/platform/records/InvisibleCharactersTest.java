package io.kehu.platform.records;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The write path stores text without bidi overrides and zero-width characters, whatever field type carries it. */
class InvisibleCharactersTest {

    private final FieldValues values = new FieldValues(ZoneId.of("Asia/Shanghai"));

    @Test
    void textValuesAreStoredWithoutInvisibleControls() {
        assertThat(values.convert(FieldDefinition.of("name", FieldType.TEXT), "RTL\u202Etxt.exe").value())
                .isEqualTo("RTLtxt.exe");
        assertThat(values.convert(FieldDefinition.of("notes", FieldType.TEXTAREA), "a\u200B\nb\u2067c\u2069").value())
                .isEqualTo("a\nbc");
        assertThat(values.convert(FieldDefinition.of("mail", FieldType.EMAIL), "li\u202E@example.com").value())
                .isEqualTo("li@example.com");
        assertThat(values.convert(FieldDefinition.of("name", FieldType.TEXT), "\u200B\uFEFF").value())
                .as("only invisible characters is no value").isNull();
    }
}
