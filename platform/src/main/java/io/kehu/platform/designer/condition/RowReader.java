package io.kehu.platform.designer.condition;

import io.kehu.platform.designer.condition.ConditionPart.Comparison;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormDefinition;
import java.util.ArrayList;
import java.util.List;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.BooleanExpression;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.ListExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.NotExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.UnaryMinusExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;

/**
 * One row read from a parsed Groovy expression: {@code record.<field>} compared with a literal in one of the shapes
 * {@link ConditionWriter} writes (or an obvious hand-written equivalent); anything else is {@link NotRepresentable}.
 */
final class RowReader {

    private RowReader() {
    }

    /** A comparison; {@code selfGuarded} when it is safe on an empty field by itself ({@code ?.contains}). */
    record Atom(Comparison row, boolean selfGuarded) {
    }

    static Atom atom(Expression e, FormDefinition form) {
        if (e instanceof NotExpression not) {
            Expression inner = not.getExpression();
            if (isOp(inner, "in")) {
                Comparison in = atom(inner, form).row();
                return new Atom(new Comparison(in.field(), Operator.NOT_IN, in.values()), false);
            }
            Comparison empty = atom(inner, form).row();
            if (empty.operator() != Operator.EMPTY) {
                throw new NotRepresentable();
            }
            return new Atom(new Comparison(empty.field(), Operator.NOT_EMPTY, List.of()), false);
        }
        if (e instanceof BooleanExpression b) {
            return atom(b.getExpression(), form);
        }
        if (e instanceof MethodCallExpression call) {
            return call(call, form);
        }
        if (!(e instanceof BinaryExpression bin)) {
            throw new NotRepresentable();
        }
        FieldDefinition field = field(bin.getLeftExpression(), form);
        FieldKind kind = FieldKind.of(field);
        String op = bin.getOperation().getText();
        Expression right = bin.getRightExpression();
        if (op.equals("in") && right instanceof ListExpression list) {
            List<String> values = new ArrayList<>();
            list.getExpressions().forEach(v -> values.add(string(v)));
            return row(field, Operator.IN, values);
        }
        if (right instanceof ConstantExpression c && c.isNullExpression()) {
            return row(field, switch (op) {
                case "==" -> Operator.EMPTY;
                case "!=" -> Operator.NOT_EMPTY;
                default -> throw new NotRepresentable();
            }, List.of());
        }
        String value = switch (kind) {
            case NUMBER -> number(right);
            case DATE -> date(right);
            case BOOLEAN -> right instanceof ConstantExpression c && c.getValue() instanceof Boolean flag
                    ? flag.toString() : null;
            default -> string(right);
        };
        if (value == null) {
            throw new NotRepresentable();
        }
        Operator operator = switch (op) {
            case "==" -> Operator.EQUALS;
            case "!=" -> Operator.NOT_EQUALS;
            case ">" -> Operator.GREATER;
            case "<" -> Operator.LESS;
            case ">=" -> Operator.AT_LEAST;
            case "<=" -> Operator.AT_MOST;
            default -> throw new NotRepresentable();
        };
        if (kind == FieldKind.DATE && (operator == Operator.GREATER || operator == Operator.LESS)) {
            throw new NotRepresentable(); // the builder writes isAfter/isBefore, which mean the same only when set
        }
        return row(field, operator, List.of(value));
    }

    private static Atom call(MethodCallExpression call, FormDefinition form) {
        String method = call.getMethodAsString();
        List<Expression> args = call.getArguments() instanceof ArgumentListExpression list
                ? list.getExpressions() : List.of();
        if (call.isImplicitThis() && "isBlank".equals(method) && args.size() == 1) {
            return row(field(args.getFirst(), form), Operator.EMPTY, List.of());
        }
        if (call.isImplicitThis() || method == null) {
            throw new NotRepresentable();
        }
        FieldDefinition field = field(call.getObjectExpression(), form);
        return switch (method) {
            case "isEmpty" -> args.isEmpty() && FieldKind.of(field) == FieldKind.CHOICES
                    ? row(field, Operator.EMPTY, List.of()) : fail();
            case "contains" -> args.size() == 1
                    ? new Atom(new Comparison(field.id(), Operator.CONTAINS, List.of(string(args.getFirst()))),
                    call.isSafe() || FieldKind.of(field) == FieldKind.CHOICES) : fail();
            case "isAfter", "isBefore" -> args.size() == 1 && FieldKind.of(field) == FieldKind.DATE
                    ? row(field, method.equals("isAfter") ? Operator.GREATER : Operator.LESS,
                    List.of(date(args.getFirst()))) : fail();
            default -> fail();
        };
    }

    private static Atom row(FieldDefinition field, Operator op, List<String> values) {
        if (!FieldKind.of(field).operators().contains(op)) {
            throw new NotRepresentable();
        }
        return new Atom(new Comparison(field.id(), op, values), false);
    }

    private static Atom fail() {
        throw new NotRepresentable();
    }

    /** {@code record.<field>} of a field the form has. */
    private static FieldDefinition field(Expression e, FormDefinition form) {
        if (e instanceof PropertyExpression p && !p.isSafe() && !p.isSpreadSafe()
                && p.getObjectExpression() instanceof VariableExpression v && "record".equals(v.getName())
                && p.getProperty() instanceof ConstantExpression name && name.getValue() instanceof String id) {
            FieldDefinition field = form.field(id).orElseThrow(NotRepresentable::new);
            if (FieldKind.of(field) != FieldKind.NONE) {
                return field;
            }
        }
        throw new NotRepresentable();
    }

    private static String string(Expression e) {
        if (e instanceof ConstantExpression c && c.getValue() instanceof String s) {
            return s;
        }
        throw new NotRepresentable();
    }

    private static String number(Expression e) {
        if (e instanceof UnaryMinusExpression minus) {
            return new java.math.BigDecimal(number(minus.getExpression())).negate().toPlainString();
        }
        if (e instanceof ConstantExpression c && c.getValue() instanceof Number n) {
            return new java.math.BigDecimal(n.toString()).toPlainString();
        }
        return null;
    }

    /** {@code LocalDate.parse('2025-01-31')} with a valid date. */
    private static String date(Expression e) {
        if (e instanceof MethodCallExpression call && "parse".equals(call.getMethodAsString())
                && isLocalDate(call.getObjectExpression())
                && call.getArguments() instanceof ArgumentListExpression args && args.getExpressions().size() == 1) {
            try {
                return java.time.LocalDate.parse(string(args.getExpressions().getFirst())).toString();
            } catch (java.time.DateTimeException notADate) {
                throw new NotRepresentable();
            }
        }
        return null;
    }

    private static boolean isLocalDate(Expression e) {
        return e instanceof VariableExpression v && "LocalDate".equals(v.getName())
                || e instanceof ClassExpression c && "java.time.LocalDate".equals(c.getType().getName());
    }

    private static boolean isOp(Expression e, String op) {
        return e instanceof BinaryExpression b && op.equals(b.getOperation().getText());
    }

    /** Thrown inside the reader when the script has a shape the rows cannot show. */
    static final class NotRepresentable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotRepresentable() {
            super(null, null, false, false);
        }
    }
}
