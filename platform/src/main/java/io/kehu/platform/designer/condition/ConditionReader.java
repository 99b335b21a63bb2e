package io.kehu.platform.designer.condition;

import io.kehu.platform.designer.condition.ConditionPart.Comparison;
import io.kehu.platform.designer.condition.ConditionPart.Group;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.codehaus.groovy.ast.ModuleNode;
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
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.Phases;

/**
 * Reads a Groovy condition back into rows when it is one the builder could have written: and/or of comparisons of a
 * field with a literal, one level of groups, in the forms {@link ConditionWriter} writes (and the obvious hand-written
 * equivalents, e.g. double quotes or {@code ?.contains}). The script is only parsed by Groovy's own parser, never
 * compiled to a class or run. Anything else — other variables, helpers, arithmetic, a comparison whose meaning the
 * builder would change (an unguarded {@code record.x < 3} is also true when x is empty) — is not representable and
 * stays with the Groovy editor.
 */
public final class ConditionReader {

    private ConditionReader() {
    }

    /** The rows of {@code script}, an empty group for no condition, or empty when the builder cannot show it. */
    public static Optional<Group> read(String script, FormDefinition form) {
        if (script == null || script.isBlank() || script.strip().equals("true")) { // "true": a new form rule
            return Optional.of(Group.empty());
        }
        Expression e = parse(script);
        if (e == null) {
            return Optional.empty();
        }
        try {
            if (isOp(e, "||")) {
                List<ConditionPart> parts = new ArrayList<>();
                for (Expression item : flatten(e, "||")) {
                    List<Comparison> rows = and(item, form);
                    parts.add(rows.size() == 1 ? rows.getFirst() : new Group(false, List.copyOf(rows)));
                }
                return Optional.of(new Group(true, parts));
            }
            List<ConditionPart> parts = new ArrayList<>();
            List<Expression> plain = new ArrayList<>();
            for (Expression item : flatten(e, "&&")) {
                if (isOp(item, "||")) {
                    parts.addAll(and(plain, form));
                    plain.clear();
                    List<ConditionPart> rows = new ArrayList<>();
                    for (Expression alternative : flatten(item, "||")) {
                        List<Comparison> one = and(alternative, form);
                        if (one.size() != 1) {
                            throw new NotRepresentable();
                        }
                        rows.add(one.getFirst());
                    }
                    parts.add(new Group(true, rows));
                } else {
                    plain.add(item);
                }
            }
            parts.addAll(and(plain, form));
            return Optional.of(new Group(false, parts));
        } catch (NotRepresentable tooComplex) {
            return Optional.empty();
        }
    }

    /** An and-chain as rows: a null check followed by the comparison it guards is one row. */
    private static List<Comparison> and(Expression e, FormDefinition form) {
        return and(flatten(e, "&&"), form);
    }

    private static List<Comparison> and(List<Expression> items, FormDefinition form) {
        List<Comparison> rows = new ArrayList<>();
        for (Expression item : items) {
            if (isOp(item, "||")) {
                throw new NotRepresentable();
            }
            Atom atom = atom(item, form);
            String written = ConditionWriter.comparison(atom.row(), form).orElseThrow(NotRepresentable::new);
            if (written.startsWith(ConditionWriter.guard(atom.row().field())) && !atom.selfGuarded()) {
                Comparison before = rows.isEmpty() ? null : rows.getLast();
                if (before == null || before.operator() != Operator.NOT_EMPTY
                        || !before.field().equals(atom.row().field())) {
                    throw new NotRepresentable();
                }
                rows.removeLast();
            }
            rows.add(atom.row());
        }
        return rows;
    }

    /** A comparison; {@code selfGuarded} when it is safe on an empty field by itself ({@code ?.contains}). */
    private record Atom(Comparison row, boolean selfGuarded) {
    }

    private static Atom atom(Expression e, FormDefinition form) {
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

    private static List<Expression> flatten(Expression e, String op) {
        List<Expression> out = new ArrayList<>();
        if (isOp(e, op)) {
            BinaryExpression b = (BinaryExpression) e;
            out.addAll(flatten(b.getLeftExpression(), op));
            out.addAll(flatten(b.getRightExpression(), op));
        } else {
            out.add(e);
        }
        return out;
    }

    /** The one expression of {@code script} as Groovy's parser sees it, or null (syntax error, several statements). */
    private static Expression parse(String script) {
        try {
            CompilationUnit unit = new CompilationUnit();
            unit.addSource("condition", script);
            unit.compile(Phases.CONVERSION);
            ModuleNode module = unit.getAST().getModules().getFirst();
            BlockStatement block = module.getStatementBlock();
            if (!module.getClasses().stream().allMatch(c -> c.isScript()) || block.getStatements().size() != 1
                    || !(block.getStatements().getFirst() instanceof ExpressionStatement statement)) {
                return null;
            }
            return statement.getExpression();
        } catch (RuntimeException unreadable) { // CompilationFailedException for syntax errors
            return null;
        }
    }

    /** Thrown inside the reader when the script has a shape the rows cannot show. */
    private static final class NotRepresentable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotRepresentable() {
            super(null, null, false, false);
        }
    }
}
