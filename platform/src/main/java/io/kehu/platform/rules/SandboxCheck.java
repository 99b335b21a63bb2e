package io.kehu.platform.rules;

import io.kehu.platform.rules.script.RuleLimits;
import java.util.Map;
import org.codehaus.groovy.ast.ClassCodeExpressionTransformer;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.CastExpression;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstructorCallExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.ListExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.IfStatement;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.ast.stmt.ThrowStatement;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.syntax.Types;
import org.codehaus.groovy.transform.stc.StaticTypesMarker;

/**
 * The sandbox's last layer, after static type checking has resolved every expression's type and every call's target
 * (it must be added after the {@code @CompileStatic} customizer, in the same phase). Each expression's type, each
 * named class and each call target must be on the {@link Allowlist}; a call without a resolved target (dynamic) is
 * refused. It also compiles {@code +} on texts and arithmetic on decimals into {@link RuleLimits}' bounded versions.
 */
final class SandboxCheck extends CompilationCustomizer {

    private static final ClassNode LIMITS = ClassHelper.make(RuleLimits.class);
    private static final Map<Integer, String> DECIMAL_OPERATIONS = Map.of(Types.PLUS, "plus", Types.MINUS, "minus",
            Types.MULTIPLY, "multiply", Types.DIVIDE, "divide", Types.MOD, "remainder");
    /**
     * Allowed calls whose cost grows with their input, compiled into {@link RuleLimits}' bounded versions, by
     * {@code name/arguments}: searches in linear time and metered, texts of values built with their length checked,
     * numeric texts parsed only when short. A safe call ({@code ?.}) uses the {@code ...OrNull} version.
     */
    private static final Map<String, String> BOUNDED_CALLS = Map.of("contains/1", "contains", "indexOf/1", "indexOf",
            "toString/0", "text", "toBigDecimal/0", "toDecimal", "isNumber/0", "isNumber",
            "isBigDecimal/0", "isNumber");
    private static final java.util.Set<String> FACADES = java.util.Set.of(
            io.kehu.platform.rules.script.RuleRecord.class.getName(),
            io.kehu.platform.rules.script.RelatedRecords.class.getName(), RuleLimits.class.getName());

    private final Allowlist allowlist;

    SandboxCheck(Allowlist allowlist) {
        super(CompilePhase.INSTRUCTION_SELECTION);
        this.allowlist = allowlist;
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        MethodNode run = classNode.getMethod("run", Parameter.EMPTY_ARRAY);
        if (run != null && run.getCode() != null) {
            new Checker(source, classNode).visitMethod(run);
        }
    }

    private final class Checker extends ClassCodeExpressionTransformer {

        private final SourceUnit source;
        private final ClassNode scriptClass;

        Checker(SourceUnit source, ClassNode scriptClass) {
            this.source = source;
            this.scriptClass = scriptClass;
        }

        @Override
        protected SourceUnit getSourceUnit() {
            return source;
        }

        /**
         * Skips the guards {@code @TimedInterrupt} and {@code @ThreadInterrupt} inserted: an {@code if} without a
         * source position that throws. Scripts cannot contain {@code throw} themselves ({@link ScriptShape}).
         */
        @Override
        public void visitIfElse(IfStatement statement) {
            Statement then = statement.getIfBlock();
            if (then instanceof BlockStatement block && block.getStatements().size() == 1) {
                then = block.getStatements().getFirst();
            }
            if (statement.getLineNumber() < 1 && then instanceof ThrowStatement) {
                return;
            }
            super.visitIfElse(statement);
        }

        @Override
        public Expression transform(Expression expression) {
            if (expression == null) {
                return null;
            }
            if (expression instanceof ClosureExpression closure) {
                closure.getCode().visit(this);
                return closure;
            }
            if (expression instanceof ClassExpression named) {
                if (!allowlist.namedClass(named.getType())) {
                    refuse(expression, "the class " + named.getType().getName() + " is not available to rules");
                }
                return expression;
            }
            if (expression instanceof ConstructorCallExpression) {
                refuse(expression, "creating objects with new is not allowed in rules");
                return expression;
            }
            ClassNode type = typeOf(expression);
            if (!(expression instanceof TupleExpression) && !allowlist.type(type, scriptClass)) {
                refuse(expression, "values of type " + type.getName() + " are not available to rules");
                return expression;
            }
            if (expression instanceof MethodCallExpression call) {
                return checkCall(call, target(call));
            }
            if (expression instanceof StaticMethodCallExpression call) {
                MethodNode target = call.getNodeMetaData(StaticTypesMarker.DIRECT_METHOD_CALL_TARGET);
                if (target == null || !allowlist.method(target)) {
                    refuse(expression, "calling " + call.getMethod() + " is not allowed in rules");
                }
                return super.transform(expression);
            }
            if (expression instanceof PropertyExpression property) {
                checkProperty(property);
                return super.transform(expression);
            }
            if (expression instanceof ListExpression || expression instanceof MapExpression) {
                Expression literal = super.transform(expression);
                return limit(expression instanceof ListExpression ? "list" : "map", literal, type);
            }
            if (expression instanceof CastExpression cast) {
                return checkCast(cast, type);
            }
            if (expression instanceof BinaryExpression binary && !(expression instanceof DeclarationExpression)
                    && DECIMAL_OPERATIONS.containsKey(binary.getOperation().getType())
                    && ClassHelper.BigDecimal_TYPE.equals(type)) {
                return bounded(DECIMAL_OPERATIONS.get(binary.getOperation().getType()), binary,
                        transform(binary.getLeftExpression()), transform(binary.getRightExpression()), type);
            }
            return super.transform(expression);
        }

        private Expression checkCall(MethodCallExpression call, MethodNode target) {
            if (target == null) {
                refuse(call, "the call " + call.getMethodAsString() + "(...) cannot be checked and is not allowed");
                return call;
            }
            boolean textPlus = "plus".equals(target.getName()) && call.getArguments() instanceof TupleExpression args
                    && args.getExpressions().size() == 1
                    && ClassHelper.STRING_TYPE.equals(typeOf(call.getObjectExpression()));
            if (textPlus) {
                Expression right = ((TupleExpression) call.getArguments()).getExpression(0);
                return bounded("concat", call, transform(call.getObjectExpression()), transform(right),
                        ClassHelper.STRING_TYPE);
            }
            if (target.getName().equals("toString") && call.getArguments() instanceof TupleExpression none
                    && none.getExpressions().isEmpty()) {
                return boundedCall(call, target); // any value a rule holds may be printed, within bounds
            }
            if (!allowlist.method(target)) {
                refuse(call, "calling " + call.getMethodAsString() + " on " + target.getDeclaringClass().getName()
                        + " is not allowed in rules");
                return call;
            }
            Expression checked;
            if (call.getObjectExpression() instanceof ClassExpression && target.isStatic()) {
                call.setArguments(transform(call.getArguments())); // an allowed static method: the class is fine
                checked = call;
            } else {
                checked = boundedCall(call, target);
                if (checked != null) {
                    return checked;
                }
                checked = super.transform(call);
            }
            boolean decimal = ClassHelper.BigDecimal_TYPE.equals(typeOf(call).redirect())
                    && !FACADES.contains(target.getDeclaringClass().redirect().getName());
            return decimal ? limit("decimal", checked, ClassHelper.BigDecimal_TYPE) : checked;
        }

        /** The {@link #BOUNDED_CALLS} version of {@code call}, or null when it has none. */
        private Expression boundedCall(MethodCallExpression call, MethodNode target) {
            if (!(call.getArguments() instanceof TupleExpression args)) {
                return null;
            }
            String operation = BOUNDED_CALLS.get(target.getName() + "/" + args.getExpressions().size());
            if (operation == null || operation.equals("indexOf")
                    && ClassHelper.isPrimitiveType(typeOf(args.getExpression(0)))) {
                return null; // indexOf(char) is linear already
            }
            if (call.isSafe()) {
                operation += "OrNull";
            }
            ArgumentListExpression bounded = new ArgumentListExpression(transform(call.getObjectExpression()));
            args.getExpressions().forEach(a -> bounded.addExpression(transform(a)));
            MethodNode method = LIMITS.getMethods(operation).getFirst();
            StaticMethodCallExpression replacement = new StaticMethodCallExpression(LIMITS, operation, bounded);
            replacement.setSourcePosition(call);
            replacement.putNodeMetaData(StaticTypesMarker.DIRECT_METHOD_CALL_TARGET, method);
            replacement.putNodeMetaData(StaticTypesMarker.INFERRED_TYPE, method.getReturnType());
            return replacement;
        }

        /**
         * Casts and {@code as}: a list or map turned into text could print to gigabytes, so only texts become texts
         * that way ({@code toString()} is bounded); a decimal made from anything is checked for size.
         */
        private Expression checkCast(CastExpression cast, ClassNode type) {
            ClassNode from = typeOf(cast.getExpression());
            boolean toText = ClassHelper.STRING_TYPE.equals(type) || ClassHelper.GSTRING_TYPE.equals(type)
                    || type.redirect().getName().equals(CharSequence.class.getName());
            boolean ours = Boolean.TRUE.equals(cast.getNodeMetaData(FieldAccess.PLUGIN_FUNCTIONS_CAST));
            if (toText && !ours && !ClassHelper.STRING_TYPE.equals(from) && !from.isDerivedFrom(ClassHelper.STRING_TYPE)
                    && !ClassHelper.isPrimitiveType(from) && !ClassHelper.isNumberType(from)
                    && !ClassHelper.isWrapperBoolean(from)) {
                refuse(cast, "turning a " + from.getNameWithoutPackage()
                        + " into text with a cast or 'as' is not allowed in rules; use toString()");
                return cast;
            }
            Expression checked = super.transform(cast);
            return ClassHelper.BigDecimal_TYPE.equals(type.redirect())
                    ? limit("decimal", checked, ClassHelper.BigDecimal_TYPE) : checked;
        }

        /** {@code RuleLimits.operation(value)}, keeping the value's inferred type. */
        private Expression limit(String operation, Expression value, ClassNode type) {
            StaticMethodCallExpression call = new StaticMethodCallExpression(LIMITS, operation,
                    new ArgumentListExpression(value));
            call.setSourcePosition(value);
            call.putNodeMetaData(StaticTypesMarker.DIRECT_METHOD_CALL_TARGET, LIMITS.getMethods(operation).getFirst());
            call.putNodeMetaData(StaticTypesMarker.INFERRED_TYPE, type);
            return call;
        }

        private void checkProperty(PropertyExpression property) {
            boolean staticConstant = property.getObjectExpression() instanceof ClassExpression named
                    && allowlist.namedClass(named.getType());
            boolean mapKey = typeOf(property.getObjectExpression()).implementsInterface(ClassHelper.MAP_TYPE)
                    || ClassHelper.MAP_TYPE.equals(typeOf(property.getObjectExpression()));
            if (!staticConstant && !mapKey) {
                refuse(property, "the property " + property.getPropertyAsString() + " is not available to rules");
            }
        }

        private Expression bounded(String operation, Expression original, Expression left, Expression right,
                                   ClassNode type) {
            StaticMethodCallExpression call = new StaticMethodCallExpression(LIMITS, operation,
                    new ArgumentListExpression(left, right));
            call.setSourcePosition(original);
            call.putNodeMetaData(StaticTypesMarker.DIRECT_METHOD_CALL_TARGET, LIMITS.getMethods(operation).getFirst());
            call.putNodeMetaData(StaticTypesMarker.INFERRED_TYPE, type);
            return call;
        }

        private MethodNode target(MethodCallExpression call) {
            MethodNode target = call.getMethodTarget();
            return target != null ? target : call.getNodeMetaData(StaticTypesMarker.DIRECT_METHOD_CALL_TARGET);
        }

        private ClassNode typeOf(Expression expression) {
            ClassNode inferred = expression.getNodeMetaData(StaticTypesMarker.INFERRED_TYPE);
            if (inferred != null) {
                return inferred;
            }
            if (expression instanceof MethodCallExpression call && target(call) != null) {
                return target(call).getReturnType();
            }
            return expression.getType();
        }

        private void refuse(Expression expression, String message) {
            ScriptShape.refuse(source, expression, message);
        }
    }
}
