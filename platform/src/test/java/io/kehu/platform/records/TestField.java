package io.kehu.platform.records;

import io.kehu.platform.forms.AccessRule;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldOption;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.security.Role;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** A readable way to write the 24-component {@link FieldDefinition} in tests. */
final class TestField {

    private final String id;
    private final FieldType type;
    private boolean required;
    private Object defaultValue;
    private BigDecimal min;
    private BigDecimal max;
    private Integer maxLength;
    private String pattern;
    private Integer scale;
    private List<FieldOption> options = List.of();
    private boolean unique;
    private boolean readOnly;
    private boolean searchable;
    private String form;
    private FieldType resultType;
    private AccessRule access;

    private TestField(String id, FieldType type) {
        this.id = id;
        this.type = type;
    }

    static TestField of(String id, FieldType type) {
        return new TestField(id, type);
    }

    TestField required() {
        required = true;
        return this;
    }

    TestField defaultValue(Object value) {
        defaultValue = value;
        return this;
    }

    TestField range(String minimum, String maximum) {
        min = minimum == null ? null : new BigDecimal(minimum);
        max = maximum == null ? null : new BigDecimal(maximum);
        return this;
    }

    TestField maxLength(int length) {
        maxLength = length;
        return this;
    }

    TestField pattern(String regex) {
        pattern = regex;
        return this;
    }

    TestField scale(int digits) {
        scale = digits;
        return this;
    }

    TestField options(String... values) {
        options = Arrays.stream(values).map(v -> new FieldOption(v, LocalizedText.of(v + "-中", v + "-en"))).toList();
        return this;
    }

    TestField unique() {
        unique = true;
        return this;
    }

    TestField readOnly() {
        readOnly = true;
        return this;
    }

    TestField searchable() {
        searchable = true;
        return this;
    }

    TestField form(String formId) {
        form = formId;
        return this;
    }

    TestField resultType(FieldType stored) {
        resultType = stored;
        return this;
    }

    TestField readableBy(Role... roles) {
        access = new AccessRule(Set.of(roles), Set.of(roles));
        return this;
    }

    FieldDefinition build() {
        return new FieldDefinition(id, type, LocalizedText.of(id + "（中）", id), null, required, defaultValue, min,
                max, maxLength, pattern, scale, null, options, unique, false, readOnly, true, searchable, null, null,
                form, null, resultType, access);
    }
}
