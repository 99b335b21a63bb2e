package io.kehu.platform.designer.condition;

import io.kehu.platform.designer.condition.ConditionPart.Comparison;
import io.kehu.platform.designer.condition.ConditionPart.Group;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormDefinition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes a condition as the Groovy rule the sandbox runs, e.g. {@code record.level == 'KEY' && record.amount > 100}.
 * Values never become code: texts are single-quoted Groovy strings with backslash and quote escaped (single quotes do
 * not interpolate {@code ${}}), numbers and dates are parsed and written back in canonical form, and a field is written
 * only when the form has it (ids are validated identifiers). Rows that are not complete yet (no field, no value) are
 * left out. Comparisons that would misread an empty field ({@code null < 3} is true in Groovy) are guarded.
 */
public final class ConditionWriter {

    private ConditionWriter() {
    }

    /** The Groovy condition, or {@code ""} when no row is complete (no condition). */
    public static String write(Group condition, FormDefinition form) {
        return group(condition, form, false);
    }

    private static String group(Group group, FormDefinition form, boolean nested) {
        List<String> parts = new ArrayList<>();
        for (ConditionPart part : group.parts()) {
            switch (part) {
                case Comparison c -> comparison(c, form).ifPresent(s ->
                        // a guarded row is itself an "and": inside an "or" it needs parentheses
                        parts.add(group.any() && s.startsWith(guard(c.field())) ? "(" + s + ")" : s));
                case Group g -> {
                    String inner = nested ? "" : group(g, form, true);
                    if (!inner.isEmpty()) {
                        parts.add("(" + inner + ")");
                    }
                }
            }
        }
        return String.join(group.any() ? " || " : " && ", parts);
    }

    /** The null check written in front of comparisons that would misread an empty field. */
    static String guard(String field) {
        return "record." + field + " != null && ";
    }

    /** One row as Groovy, or empty when it is incomplete or names a field the form does not have. */
    public static Optional<String> comparison(Comparison c, FormDefinition form) {
        Optional<FieldDefinition> field = c.field() == null ? Optional.empty() : form.field(c.field());
        if (field.isEmpty() || c.operator() == null) {
            return Optional.empty();
        }
        FieldKind kind = FieldKind.of(field.get());
        if (!kind.operators().contains(c.operator())) {
            return Optional.empty();
        }
        String ref = "record." + field.get().id();
        try {
            return Optional.ofNullable(switch (c.operator()) {
                case EMPTY -> kind == FieldKind.TEXT ? "isBlank(" + ref + ")"
                        : kind == FieldKind.CHOICES ? ref + ".isEmpty()" : ref + " == null";
                case NOT_EMPTY -> kind == FieldKind.TEXT ? "!isBlank(" + ref + ")"
                        : kind == FieldKind.CHOICES ? "!" + ref + ".isEmpty()" : ref + " != null";
                case IN, NOT_IN -> c.values().isEmpty() ? null : (c.operator() == Operator.NOT_IN ? "!(" : "")
                        + ref + " in [" + c.values().stream().map(ConditionWriter::text)
                        .collect(Collectors.joining(", ")) + "]" + (c.operator() == Operator.NOT_IN ? ")" : "");
                case CONTAINS -> blank(c.value()) ? null : kind == FieldKind.CHOICES
                        ? ref + ".contains(" + text(c.value()) + ")"
                        : ref + " != null && " + ref + ".contains(" + text(c.value()) + ")";
                default -> blank(c.value()) ? null : compare(ref, kind, c.operator(), c.value());
            });
        } catch (IllegalArgumentException | java.time.DateTimeException notAValue) {
            return Optional.empty();
        }
    }

    private static String compare(String ref, FieldKind kind, Operator op, String value) {
        return switch (kind) {
            case NUMBER -> {
                String number = new BigDecimal(value.strip()).toPlainString();
                yield switch (op) {
                    case EQUALS -> ref + " == " + number;
                    case NOT_EQUALS -> ref + " != " + number;
                    case GREATER -> ref + " > " + number;
                    case AT_LEAST -> ref + " >= " + number;
                    case LESS -> ref + " != null && " + ref + " < " + number;
                    case AT_MOST -> ref + " != null && " + ref + " <= " + number;
                    default -> null;
                };
            }
            case DATE -> {
                String date = "LocalDate.parse('" + LocalDate.parse(value.strip()) + "')";
                yield switch (op) {
                    case EQUALS -> ref + " == " + date;
                    case NOT_EQUALS -> ref + " != " + date;
                    case GREATER -> ref + " != null && " + ref + ".isAfter(" + date + ")";
                    case LESS -> ref + " != null && " + ref + ".isBefore(" + date + ")";
                    default -> null;
                };
            }
            case BOOLEAN -> op == Operator.EQUALS ? ref + " == " + Boolean.parseBoolean(value.strip()) : null;
            default -> switch (op) {
                case EQUALS -> ref + " == " + text(value);
                case NOT_EQUALS -> ref + " != " + text(value);
                default -> null;
            };
        };
    }

    /** A Groovy single-quoted string: no interpolation, so only backslashes, quotes and line breaks need escaping. */
    static String text(String value) {
        StringBuilder out = new StringBuilder("'");
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('\'').toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
