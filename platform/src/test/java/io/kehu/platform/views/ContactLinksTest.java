package io.kehu.platform.views;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import org.junit.jupiter.api.Test;

class ContactLinksTest {

    private static final FieldDefinition PHONE = FieldDefinition.of("phone", FieldType.PHONE);
    private static final FieldDefinition EMAIL = FieldDefinition.of("email", FieldType.EMAIL);

    @Test
    void numbersAsPeopleWriteThemBecomeDialableLinks() {
        assertThat(ContactLinks.href(PHONE, "13812345678")).isEqualTo("tel:13812345678");
        assertThat(ContactLinks.href(PHONE, "138 1234 5678")).isEqualTo("tel:13812345678");
        assertThat(ContactLinks.href(PHONE, "021-6123 4567")).isEqualTo("tel:02161234567");
        assertThat(ContactLinks.href(PHONE, "(0571) 8765-4321")).isEqualTo("tel:057187654321");
        assertThat(ContactLinks.href(PHONE, "+86 138 1234 5678")).isEqualTo("tel:+8613812345678");
    }

    @Test
    void textThatIsNotANumberStaysText() {
        assertThat(ContactLinks.href(PHONE, "javascript:alert(1)")).isNull();
        assertThat(ContactLinks.href(PHONE, "13812345678,123")).isNull();
        assertThat(ContactLinks.href(PHONE, "12")).isNull();
        assertThat(ContactLinks.href(PHONE, null)).isNull();
    }

    @Test
    void onlyPlainAddressesBecomeMailLinks() {
        assertThat(ContactLinks.href(EMAIL, "li.na@example.com.cn")).isEqualTo("mailto:li.na@example.com.cn");
        assertThat(ContactLinks.href(EMAIL, "a@b.cn?cc=x@y.cn")).isNull();
        assertThat(ContactLinks.href(EMAIL, "\"x\"@y.cn")).isNull();
        assertThat(ContactLinks.href(EMAIL, "a b@c.cn")).isNull();
        assertThat(ContactLinks.href(FieldDefinition.of("name", FieldType.TEXT), "13812345678")).isNull();
    }
}
