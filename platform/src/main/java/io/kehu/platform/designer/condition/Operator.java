package io.kehu.platform.designer.condition;

/** What a row compares: each operator has a label key ({@code designer.cond.op.*}) and says whether it takes a value. */
public enum Operator {
    EQUALS, NOT_EQUALS, GREATER, LESS, AT_LEAST, AT_MOST, CONTAINS, IN, NOT_IN, EMPTY, NOT_EMPTY;

    /** Whether the row needs a value (empty/not empty do not). */
    public boolean takesValue() {
        return this != EMPTY && this != NOT_EMPTY;
    }

    /** Whether the row takes a list of values (属于 / 不属于). */
    public boolean takesValues() {
        return this == IN || this == NOT_IN;
    }

    /** The message key of its label; dates say 早于/晚于 instead of 小于/大于. */
    public String labelKey(FieldKind kind) {
        String name = name().toLowerCase(java.util.Locale.ROOT);
        return kind == FieldKind.DATE && (this == GREATER || this == LESS) ? "designer.cond.op.date." + name
                : "designer.cond.op." + name;
    }
}
