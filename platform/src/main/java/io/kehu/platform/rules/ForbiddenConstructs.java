package io.kehu.platform.rules;

import java.util.List;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.AnnotatedNode;
import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.GenericsType;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.ArrayExpression;
import org.codehaus.groovy.ast.expr.AttributeExpression;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.BitwiseNegationExpression;
import org.codehaus.groovy.ast.expr.CastExpression;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.ConstructorCallExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.GStringExpression;
import org.codehaus.groovy.ast.expr.LambdaExpression;
import org.codehaus.groovy.ast.expr.ListExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.MethodPointerExpression;
import org.codehaus.groovy.ast.expr.PostfixExpression;
import org.codehaus.groovy.ast.expr.PrefixExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.RangeExpression;
import org.codehaus.groovy.ast.expr.SpreadExpression;
import org.codehaus.groovy.ast.expr.SpreadMapExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.CaseStatement;
import org.codehaus.groovy.ast.stmt.DoWhileStatement;
import org.codehaus.groovy.ast.stmt.ForStatement;
import org.codehaus.groovy.ast.stmt.SynchronizedStatement;
import org.codehaus.groovy.ast.stmt.ThrowStatement;
import org.codehaus.groovy.ast.stmt.TryCatchStatement;
import org.codehaus.groovy.ast.stmt.WhileStatement;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.syntax.Types;

/**
 * Refuses, anywhere in a rule (closures included), the statements and expressions {@link ScriptShape} lists: loops,
 * {@code try}/{@code throw}, {@code new}, arrays, ranges, method pointers, lambdas, spreads, {@code .@}, templates,
 * increments, forbidden operators (regular expressions among them), assignments to anything but a local variable,
 * switch cases that are not constants, oversized number literals and annotations anywhere (declarations, closure
 * parameters, casts, type arguments).
 */
final class ForbiddenConstructs extends ClassCodeVisitorSupport {

    private static final List<Integer> FORBIDDEN_OPERATORS = List.of(Types.POWER, Types.POWER_EQUAL, Types.PLUS_EQUAL,
            Types.MINUS_EQUAL, Types.MULTIPLY_EQUAL, Types.DIVIDE_EQUAL, Types.MOD_EQUAL,
            Types.INTDIV_EQUAL, Types.LEFT_SHIFT, Types.RIGHT_SHIFT, Types.RIGHT_SHIFT_UNSIGNED, Types.LEFT_SHIFT_EQUAL,
            Types.RIGHT_SHIFT_EQUAL, Types.RIGHT_SHIFT_UNSIGNED_EQUAL, Types.BITWISE_AND_EQUAL,
            Types.BITWISE_OR_EQUAL, Types.BITWISE_XOR_EQUAL, Types.ELVIS_EQUAL, Types.FIND_REGEX, Types.MATCH_REGEX);

    private final SourceUnit source;

    ForbiddenConstructs(SourceUnit source) {
        this.source = source;
    }

    @Override
    protected SourceUnit getSourceUnit() {
        return source;
    }

    @Override
    public void visitAnnotations(AnnotatedNode node) {
        ScriptShape.refuseAnnotations(source, node);
    }

    @Override
    public void visitForLoop(ForStatement loop) {
        ScriptShape.refuse(source, loop, "loops are not allowed in rules; use any, every, find, findAll or count");
    }

    @Override
    public void visitWhileLoop(WhileStatement loop) {
        ScriptShape.refuse(source, loop, "loops are not allowed in rules; use any, every, find, findAll or count");
    }

    @Override
    public void visitDoWhileLoop(DoWhileStatement loop) {
        ScriptShape.refuse(source, loop, "loops are not allowed in rules; use any, every, find, findAll or count");
    }

    @Override
    public void visitTryCatchFinally(TryCatchStatement statement) {
        ScriptShape.refuse(source, statement, "try/catch is not allowed in rules");
    }

    @Override
    public void visitThrowStatement(ThrowStatement statement) {
        ScriptShape.refuse(source, statement, "throw is not allowed in rules");
    }

    @Override
    public void visitSynchronizedStatement(SynchronizedStatement statement) {
        ScriptShape.refuse(source, statement, "synchronized is not allowed in rules");
    }

    @Override
    public void visitConstructorCallExpression(ConstructorCallExpression call) {
        ScriptShape.refuse(source, call, "creating objects with new is not allowed in rules");
    }

    @Override
    public void visitArrayExpression(ArrayExpression array) {
        ScriptShape.refuse(source, array, "arrays are not allowed in rules");
    }

    @Override
    public void visitRangeExpression(RangeExpression range) {
        ScriptShape.refuse(source, range, "ranges are not allowed in rules");
    }

    @Override
    public void visitMethodPointerExpression(MethodPointerExpression pointer) {
        ScriptShape.refuse(source, pointer, "method pointers are not allowed in rules");
    }

    @Override
    public void visitLambdaExpression(LambdaExpression lambda) {
        ScriptShape.refuse(source, lambda, "lambdas are not allowed in rules; use a closure { x -> ... }");
    }

    @Override
    public void visitSpreadExpression(SpreadExpression spread) {
        ScriptShape.refuse(source, spread, "the spread operator is not allowed in rules");
    }

    @Override
    public void visitSpreadMapExpression(SpreadMapExpression spread) {
        ScriptShape.refuse(source, spread, "the spread operator is not allowed in rules");
    }

    @Override
    public void visitAttributeExpression(AttributeExpression attribute) {
        ScriptShape.refuse(source, attribute, "field access with .@ is not allowed in rules");
    }

    @Override
    public void visitGStringExpression(GStringExpression template) {
        ScriptShape.refuse(source, template, "text templates (\"${...}\") are not allowed in rules; join texts with +");
    }

    @Override
    public void visitPostfixExpression(PostfixExpression expression) {
        ScriptShape.refuse(source, expression, "++ and -- are not allowed in rules");
    }

    @Override
    public void visitPrefixExpression(PrefixExpression expression) {
        ScriptShape.refuse(source, expression, "++ and -- are not allowed in rules");
    }

    @Override
    public void visitPropertyExpression(PropertyExpression property) {
        if (property.isSpreadSafe()) {
            ScriptShape.refuse(source, property, "the spread operator is not allowed in rules");
        }
        super.visitPropertyExpression(property);
    }

    @Override
    public void visitMethodCallExpression(MethodCallExpression call) {
        if (call.isSpreadSafe()) {
            ScriptShape.refuse(source, call, "the spread operator is not allowed in rules");
        }
        super.visitMethodCallExpression(call);
    }

    @Override
    public void visitDeclarationExpression(DeclarationExpression declaration) {
        visitAnnotations(declaration);
        if (declaration.isMultipleAssignmentDeclaration()) {
            declaration.getTupleExpression().getExpressions().forEach(v -> refuseTypeAnnotations(v, v.getType()));
        } else {
            refuseTypeAnnotations(declaration, declaration.getVariableExpression().getOriginType());
        }
        super.visitDeclarationExpression(declaration);
    }

    /** Closure parameters are annotated nodes the class visitor does not look at by itself. */
    @Override
    public void visitClosureExpression(ClosureExpression closure) {
        if (closure.getParameters() != null) {
            for (Parameter parameter : closure.getParameters()) {
                visitAnnotations(parameter);
                refuseTypeAnnotations(parameter, parameter.getType());
            }
        }
        super.visitClosureExpression(closure);
    }

    /** {@code (@A String) x} and {@code x as @A String}: the annotation sits on the type. */
    @Override
    public void visitCastExpression(CastExpression cast) {
        refuseTypeAnnotations(cast, cast.getType());
        super.visitCastExpression(cast);
    }

    @Override
    public void visitClassExpression(ClassExpression named) {
        refuseTypeAnnotations(named, named.getType());
        super.visitClassExpression(named);
    }

    /** Annotations on a type use (Groovy 3+ syntax), and on its generic arguments. */
    private void refuseTypeAnnotations(ASTNode at, ClassNode type) {
        if (type == null) {
            return;
        }
        if (!type.getTypeAnnotations().isEmpty() || type.getAnnotations().stream().anyMatch(a -> a.getLineNumber() > 0)) {
            ScriptShape.refuse(source, at, "annotations are not allowed in rules");
            return;
        }
        if (type.getGenericsTypes() != null) {
            for (GenericsType generic : type.getGenericsTypes()) {
                refuseTypeAnnotations(at, generic.getType());
            }
        }
    }

    /**
     * A {@code case} runs its value's {@code isCase}: a closure there is called (a way round the ban on calling
     * closures, so recursion), and any other expression could be costly. Only constants and lists of constants.
     */
    @Override
    public void visitCaseStatement(CaseStatement statement) {
        Expression value = statement.getExpression();
        boolean constant = value instanceof ConstantExpression
                || value instanceof ListExpression list
                && list.getExpressions().stream().allMatch(e -> e instanceof ConstantExpression);
        if (!constant) {
            ScriptShape.refuse(source, value, "a case in a switch must be a constant (a text, a number, true/false, "
                    + "null or a list of those)");
        }
        super.visitCaseStatement(statement);
    }

    @Override
    public void visitBinaryExpression(BinaryExpression expression) {
        int operation = expression.getOperation().getType();
        if (FORBIDDEN_OPERATORS.contains(operation)) {
            String why = operation == Types.FIND_REGEX || operation == Types.MATCH_REGEX
                    ? " (regular expressions can take exponential time)" : "";
            ScriptShape.refuse(source, expression, "the operator " + expression.getOperation().getText()
                    + " is not allowed in rules" + why);
        }
        if (operation == Types.ASSIGN && !(expression instanceof DeclarationExpression)
                && !(expression.getLeftExpression() instanceof VariableExpression)) {
            ScriptShape.refuse(source, expression, "only local variables can be assigned in rules; lists and maps "
                    + "cannot be changed");
        }
        super.visitBinaryExpression(expression);
    }

    /** {@code ~'a+'} makes a regular expression; on numbers {@code ~} is a bitwise not, which rules do not need. */
    @Override
    public void visitBitwiseNegationExpression(BitwiseNegationExpression expression) {
        ScriptShape.refuse(source, expression,
                "the operator ~ is not allowed in rules (regular expressions can take exponential time)");
    }

    @Override
    public void visitConstantExpression(ConstantExpression constant) {
        if (constant.getValue() instanceof java.math.BigDecimal d
                && (d.precision() - d.scale() > 30 || d.scale() > 30)
                || constant.getValue() instanceof java.math.BigInteger) {
            ScriptShape.refuse(source, constant, "number literal too large for a rule");
        }
    }
}
