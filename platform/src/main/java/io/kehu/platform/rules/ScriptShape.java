package io.kehu.platform.rules;

import java.util.List;
import org.codehaus.groovy.ast.AnnotatedNode;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.ModuleNode;
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
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.syntax.SyntaxException;
import org.codehaus.groovy.syntax.Types;

/**
 * The first sandbox layer, right after parsing (CONVERSION, before any AST transform could run): a rule is one
 * expression-like script. It refuses every annotation (so {@code @Grab}, {@code @ASTTest} and all
 * {@code @groovy.transform} transforms never run), imports, class and method declarations, and the constructs that
 * let a script run long, recurse or allocate without bound: loops, ranges, {@code new}, arrays, method pointers,
 * lambdas, spreads, {@code **}, compound assignment and {@code ++}/{@code --}, {@code try}/{@code throw} (which
 * could swallow the timeout), {@code synchronized}, field access with {@code .@}, and text templates ({@code "${}"}:
 * use {@code +}). Decimal literals are limited to 30 digits.
 */
final class ScriptShape extends CompilationCustomizer {

    private static final List<Integer> FORBIDDEN_OPERATORS = List.of(Types.POWER, Types.POWER_EQUAL, Types.PLUS_EQUAL,
            Types.MINUS_EQUAL, Types.MULTIPLY_EQUAL, Types.DIVIDE_EQUAL, Types.MOD_EQUAL,
            Types.INTDIV_EQUAL, Types.LEFT_SHIFT, Types.RIGHT_SHIFT, Types.RIGHT_SHIFT_UNSIGNED, Types.LEFT_SHIFT_EQUAL,
            Types.RIGHT_SHIFT_EQUAL, Types.RIGHT_SHIFT_UNSIGNED_EQUAL, Types.BITWISE_AND_EQUAL,
            Types.BITWISE_OR_EQUAL, Types.BITWISE_XOR_EQUAL, Types.ELVIS_EQUAL, Types.POWER_EQUAL);

    ScriptShape() {
        super(CompilePhase.CONVERSION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        ModuleNode module = source.getAST();
        if (!module.getImports().isEmpty() || !module.getStarImports().isEmpty()
                || !module.getStaticImports().isEmpty() || !module.getStaticStarImports().isEmpty()) {
            refuse(source, module.getImports().isEmpty() ? module : module.getImports().getFirst(),
                    "imports are not allowed in rules");
        }
        if (module.getPackage() != null) {
            refuse(source, module.getPackage(), "package declarations are not allowed in rules");
        }
        if (!classNode.isScript()) {
            refuse(source, classNode, "rules cannot declare classes");
            return;
        }
        refuseAnnotations(source, classNode);
        classNode.getMethods().stream().filter(m -> !m.getName().equals("run") && !m.getName().equals("main"))
                .findFirst().ifPresent(m -> refuse(source, m, "rules cannot declare methods"));
        classNode.getFields().stream().findFirst().ifPresent(f -> refuse(source, f, "rules cannot declare fields"));
        new Walker(source).visitClass(classNode);
    }

    /**
     * Refuses any annotation written in the script. The compiler's own markers ({@code @BaseScript} for the rule
     * base class, {@code @Generated}) have no source position; everything a user writes has one.
     */
    private static void refuseAnnotations(SourceUnit source, AnnotatedNode node) {
        node.getAnnotations().stream()
                .filter(a -> a.getLineNumber() > 0)
                .findFirst().ifPresent(a -> refuse(source, a, "annotations are not allowed in rules"));
    }

    static void refuse(SourceUnit source, ASTNode node, String message) {
        source.addError(new SyntaxException(message, node.getLineNumber(), node.getColumnNumber(),
                node.getLastLineNumber(), node.getLastColumnNumber()));
    }

    /** Refuses forbidden statements and expressions anywhere in the script, closures included. */
    private static final class Walker extends ClassCodeVisitorSupport {

        private final SourceUnit source;

        Walker(SourceUnit source) {
            this.source = source;
        }

        @Override
        protected SourceUnit getSourceUnit() {
            return source;
        }

        @Override
        public void visitAnnotations(AnnotatedNode node) {
            refuseAnnotations(source, node);
        }

        @Override
        public void visitForLoop(ForStatement loop) {
            refuse(source, loop, "loops are not allowed in rules; use any, every, find, findAll or count");
        }

        @Override
        public void visitWhileLoop(WhileStatement loop) {
            refuse(source, loop, "loops are not allowed in rules; use any, every, find, findAll or count");
        }

        @Override
        public void visitDoWhileLoop(DoWhileStatement loop) {
            refuse(source, loop, "loops are not allowed in rules; use any, every, find, findAll or count");
        }

        @Override
        public void visitTryCatchFinally(TryCatchStatement statement) {
            refuse(source, statement, "try/catch is not allowed in rules");
        }

        @Override
        public void visitThrowStatement(ThrowStatement statement) {
            refuse(source, statement, "throw is not allowed in rules");
        }

        @Override
        public void visitSynchronizedStatement(SynchronizedStatement statement) {
            refuse(source, statement, "synchronized is not allowed in rules");
        }

        @Override
        public void visitConstructorCallExpression(ConstructorCallExpression call) {
            refuse(source, call, "creating objects with new is not allowed in rules");
        }

        @Override
        public void visitArrayExpression(ArrayExpression array) {
            refuse(source, array, "arrays are not allowed in rules");
        }

        @Override
        public void visitRangeExpression(RangeExpression range) {
            refuse(source, range, "ranges are not allowed in rules");
        }

        @Override
        public void visitMethodPointerExpression(MethodPointerExpression pointer) {
            refuse(source, pointer, "method pointers are not allowed in rules");
        }

        @Override
        public void visitLambdaExpression(LambdaExpression lambda) {
            refuse(source, lambda, "lambdas are not allowed in rules; use a closure { x -> ... }");
        }

        @Override
        public void visitSpreadExpression(SpreadExpression spread) {
            refuse(source, spread, "the spread operator is not allowed in rules");
        }

        @Override
        public void visitSpreadMapExpression(SpreadMapExpression spread) {
            refuse(source, spread, "the spread operator is not allowed in rules");
        }

        @Override
        public void visitAttributeExpression(AttributeExpression attribute) {
            refuse(source, attribute, "field access with .@ is not allowed in rules");
        }

        @Override
        public void visitGStringExpression(GStringExpression template) {
            refuse(source, template, "text templates (\"${...}\") are not allowed in rules; join texts with +");
        }

        @Override
        public void visitPostfixExpression(PostfixExpression expression) {
            refuse(source, expression, "++ and -- are not allowed in rules");
        }

        @Override
        public void visitPrefixExpression(PrefixExpression expression) {
            refuse(source, expression, "++ and -- are not allowed in rules");
        }

        @Override
        public void visitPropertyExpression(PropertyExpression property) {
            if (property.isSpreadSafe()) {
                refuse(source, property, "the spread operator is not allowed in rules");
            }
            super.visitPropertyExpression(property);
        }

        @Override
        public void visitMethodCallExpression(MethodCallExpression call) {
            if (call.isSpreadSafe()) {
                refuse(source, call, "the spread operator is not allowed in rules");
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
                refuse(source, expression, "the operator " + expression.getOperation().getText()
                        + " is not allowed in rules");
            }
            super.visitBinaryExpression(expression);
        }

        @Override
        public void visitConstantExpression(ConstantExpression constant) {
            if (constant.getValue() instanceof java.math.BigDecimal d && (d.precision() - d.scale() > 30 || d.scale() > 30)
                    || constant.getValue() instanceof java.math.BigInteger) {
                refuse(source, constant, "number literal too large for a rule");
            }
        }
    }
}
