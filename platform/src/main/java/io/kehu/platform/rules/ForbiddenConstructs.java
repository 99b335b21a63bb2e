package io.kehu.platform.rules;

import java.util.List;
import org.codehaus.groovy.ast.AnnotatedNode;
import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.expr.ArrayExpression;
import org.codehaus.groovy.ast.expr.AttributeExpression;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.ConstructorCallExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.GStringExpression;
import org.codehaus.groovy.ast.expr.LambdaExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.MethodPointerExpression;
import org.codehaus.groovy.ast.expr.PostfixExpression;
import org.codehaus.groovy.ast.expr.PrefixExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.RangeExpression;
import org.codehaus.groovy.ast.expr.SpreadExpression;
import org.codehaus.groovy.ast.expr.SpreadMapExpression;
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
 * increments, forbidden operators, oversized number literals and annotations on declarations.
 */
final class ForbiddenConstructs extends ClassCodeVisitorSupport {

    private static final List<Integer> FORBIDDEN_OPERATORS = List.of(Types.POWER, Types.POWER_EQUAL, Types.PLUS_EQUAL,
            Types.MINUS_EQUAL, Types.MULTIPLY_EQUAL, Types.DIVIDE_EQUAL, Types.MOD_EQUAL,
            Types.INTDIV_EQUAL, Types.LEFT_SHIFT, Types.RIGHT_SHIFT, Types.RIGHT_SHIFT_UNSIGNED, Types.LEFT_SHIFT_EQUAL,
            Types.RIGHT_SHIFT_EQUAL, Types.RIGHT_SHIFT_UNSIGNED_EQUAL, Types.BITWISE_AND_EQUAL,
            Types.BITWISE_OR_EQUAL, Types.BITWISE_XOR_EQUAL, Types.ELVIS_EQUAL);

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
        super.visitDeclarationExpression(declaration);
    }

    @Override
    public void visitBinaryExpression(BinaryExpression expression) {
        if (FORBIDDEN_OPERATORS.contains(expression.getOperation().getType())) {
            ScriptShape.refuse(source, expression, "the operator " + expression.getOperation().getText()
                    + " is not allowed in rules");
        }
        super.visitBinaryExpression(expression);
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
