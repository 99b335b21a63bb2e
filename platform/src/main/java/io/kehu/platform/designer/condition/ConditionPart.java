package io.kehu.platform.designer.condition;

import java.util.List;

/** One row of a condition, or a group of rows joined by 且 (and) or 或 (or). */
public sealed interface ConditionPart {

    /** A row: {@code field} (its id) compared by {@code operator} with {@code values} (none, one, or several for 属于). */
    record Comparison(String field, Operator operator, List<String> values) implements ConditionPart {
        public Comparison {
            values = List.copyOf(values);
        }

        public String value() {
            return values.isEmpty() ? null : values.getFirst();
        }
    }

    /**
     * Rows joined by or ({@code any}) or by and. The whole condition is a group; it may hold groups one level deep.
     */
    record Group(boolean any, List<ConditionPart> parts) implements ConditionPart {
        public Group {
            parts = List.copyOf(parts);
        }

        public static Group empty() {
            return new Group(false, List.of());
        }
    }
}
