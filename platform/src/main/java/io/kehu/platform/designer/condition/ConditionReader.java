package io.kehu.platform.designer.condition;

import io.kehu.platform.designer.condition.ConditionPart.Comparison;
import io.kehu.platform.designer.condition.ConditionPart.Group;
import io.kehu.platform.forms.FormDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.Expression;
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
                            throw new RowReader.NotRepresentable();
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
        } catch (RowReader.NotRepresentable tooComplex) {
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
                throw new RowReader.NotRepresentable();
            }
            RowReader.Atom atom = RowReader.atom(item, form);
            String written = ConditionWriter.comparison(atom.row(), form).orElseThrow(RowReader.NotRepresentable::new);
            if (written.startsWith(ConditionWriter.guard(atom.row().field())) && !atom.selfGuarded()) {
                Comparison before = rows.isEmpty() ? null : rows.getLast();
                if (before == null || before.operator() != Operator.NOT_EMPTY
                        || !before.field().equals(atom.row().field())) {
                    throw new RowReader.NotRepresentable();
                }
                rows.removeLast();
            }
            rows.add(atom.row());
        }
        return rows;
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
}
