package io.kehu.platform.designer.condition;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import java.util.List;

/**
 * How a field can appear in a condition: its kind decides the operators offered, the value input and how values are
 * written as Groovy. Fields of kind {@link #NONE} (sub-tables) cannot be used.
 */
public enum FieldKind {
    TEXT(List.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.CONTAINS, Operator.EMPTY, Operator.NOT_EMPTY)),
    CHOICE(List.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.IN, Operator.NOT_IN, Operator.EMPTY,
            Operator.NOT_EMPTY)),
    CHOICES(List.of(Operator.CONTAINS, Operator.EMPTY, Operator.NOT_EMPTY)),
    NUMBER(List.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.GREATER, Operator.LESS, Operator.AT_LEAST,
            Operator.AT_MOST, Operator.EMPTY, Operator.NOT_EMPTY)),
    DATE(List.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.GREATER, Operator.LESS, Operator.EMPTY,
            Operator.NOT_EMPTY)),
    BOOLEAN(List.of(Operator.EQUALS, Operator.EMPTY, Operator.NOT_EMPTY)),
    PRESENCE(List.of(Operator.EMPTY, Operator.NOT_EMPTY)),
    NONE(List.of());

    private final List<Operator> operators;

    FieldKind(List<Operator> operators) {
        this.operators = operators;
    }

    /** The operators offered for fields of this kind, in the order shown. */
    public List<Operator> operators() {
        return operators;
    }

    public static FieldKind of(FieldDefinition field) {
        if (field.type() == FieldType.SUBTABLE) {
            return NONE;
        }
        return switch (field.storedType()) {
            case TEXT, TEXTAREA, EMAIL, PHONE, URL -> TEXT;
            case SELECT -> CHOICE;
            case MULTISELECT -> CHOICES;
            case INTEGER, DECIMAL, MONEY, PERCENT, RATING -> NUMBER;
            case DATE -> DATE;
            case BOOLEAN -> BOOLEAN;
            case DATETIME, USER, REFERENCE -> PRESENCE;
            case SUBTABLE, COMPUTED -> NONE;
        };
    }
}
