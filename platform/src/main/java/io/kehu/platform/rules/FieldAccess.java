package io.kehu.platform.rules;

import java.util.Map;
import org.codehaus.groovy.ast.ClassCodeExpressionTransformer;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.DynamicVariable;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.CastExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

/**
 * Gives {@code record.<field>} and {@code old.<field>} the field's Java type, before static type checking runs:
 * {@code record.amount} becomes {@code record.decimal('amount')}, so {@code record.amount > 100} and
 * {@code record.level == 'KEY'} type-check, and a misspelt field is a compile error at its line and column. A plugin
 * function set's name becomes a typed reference to its object, so calls on it are checked like any other.
 */
final class FieldAccess extends CompilationCustomizer {

    /** Node metadata key marking the cast this class puts around a plugin's script functions object. */
    static final Object PLUGIN_FUNCTIONS_CAST = "kehu.pluginFunctionsCast";

    private static final java.util.Set<String> RECORD_VARIABLES = java.util.Set.of("record", "old");

    /** The script's own ways to the records besides {@code record.x}: any use of them may read any field. */
    private static final java.util.Set<String> RECORD_GETTERS = java.util.Set.of("getRecord", "getOld");
    /** What {@code record} and {@code old} offer that is not a field's value. */
    private static final java.util.Set<String> NOT_FIELDS = java.util.Set.of("id", "empty", "getId", "isEmpty");

    private final RecordTyping typing;
    private final Map<String, Class<?>> functions;
    /** The fields read by name, for the publish-time check that nothing a role may not read leaks through a script. */
    private final java.util.Set<String> fieldsRead = new java.util.TreeSet<>();
    private boolean readsUnknownFields;

    FieldAccess(RecordTyping typing, Map<String, Class<?>> functions) {
        super(CompilePhase.CANONICALIZATION);
        this.typing = typing;
        this.functions = functions;
    }

    /**
     * The fields the compiled script reads, or null when it uses {@code record}/{@code old} other than by reading a
     * named field (passing it on, a field name computed at run time): then it may read any field.
     */
    java.util.Set<String> fieldsRead() {
        return readsUnknownFields ? null : java.util.Set.copyOf(fieldsRead);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        new Rewriter(source).visitClass(classNode);
    }

    private final class Rewriter extends ClassCodeExpressionTransformer {

        private final SourceUnit source;

        Rewriter(SourceUnit source) {
            this.source = source;
        }

        @Override
        protected SourceUnit getSourceUnit() {
            return source;
        }

        @Override
        public Expression transform(Expression expression) {
            if (expression instanceof ClosureExpression closure) {
                closure.getCode().visit(this);
                return closure;
            }
            if (expression instanceof PropertyExpression property && !property.isSpreadSafe()
                    && property.getObjectExpression() instanceof VariableExpression variable
                    && RECORD_VARIABLES.contains(variable.getName())
                    && variable.getAccessedVariable() instanceof DynamicVariable
                    && property.getProperty() instanceof ConstantExpression name) {
                return fieldRead(property, variable, name.getText());
            }
            if (expression instanceof MethodCallExpression call && isRecordVariable(call.getObjectExpression())) {
                return recordCall(call);
            }
            if (isRecordVariable(expression)
                    || expression instanceof MethodCallExpression call && named(RECORD_GETTERS, call.getMethodAsString())
                    || expression instanceof PropertyExpression p && named(RECORD_VARIABLES, p.getPropertyAsString())
                    || expression instanceof ConstantExpression c && c.getValue() instanceof String text
                    && named(RECORD_GETTERS, text)) {
                readsUnknownFields = true;
            }
            if (expression instanceof VariableExpression variable && functions.containsKey(variable.getName())
                    && variable.getAccessedVariable() instanceof DynamicVariable) {
                MethodCallExpression lookup = new MethodCallExpression(VariableExpression.THIS_EXPRESSION,
                        "functions", new ArgumentListExpression(new ConstantExpression(variable.getName())));
                lookup.setImplicitThis(true);
                lookup.setSourcePosition(variable);
                CastExpression typed = new CastExpression(ClassHelper.make(functions.get(variable.getName())), lookup);
                typed.setSourcePosition(variable);
                // Our own cast to the functions object's class, not the rule author's: SandboxCheck lets it through.
                typed.putNodeMetaData(PLUGIN_FUNCTIONS_CAST, Boolean.TRUE);
                return typed;
            }
            return super.transform(expression);
        }

        private static boolean named(java.util.Set<String> names, String name) {
            return name != null && names.contains(name);
        }

        private boolean isRecordVariable(Expression expression) {
            return expression instanceof VariableExpression variable
                    && RECORD_VARIABLES.contains(variable.getName())
                    && variable.getAccessedVariable() instanceof DynamicVariable;
        }

        /** {@code record.decimal('amount')} written out reads that field; other calls on the record, any field. */
        private Expression recordCall(MethodCallExpression call) {
            String method = call.getMethodAsString();
            if (call.getArguments() instanceof ArgumentListExpression args) {
                if (named(NOT_FIELDS, method) && args.getExpressions().isEmpty()) {
                    return call;
                }
                if (method != null && typing.accessors().containsValue(method) && args.getExpressions().size() == 1
                        && args.getExpression(0) instanceof ConstantExpression name
                        && name.getValue() instanceof String fieldId) {
                    fieldsRead.add(fieldId);
                    return call;
                }
            }
            readsUnknownFields = true;
            return super.transform(call);
        }

        private Expression fieldRead(PropertyExpression property, VariableExpression variable, String fieldId) {
            if (NOT_FIELDS.contains(fieldId)) {
                return property;
            }
            fieldsRead.add(fieldId);
            String accessor = typing.accessors().get(fieldId);
            if (accessor == null) {
                ScriptShape.refuse(source, property.getProperty(), "the form has no field '" + fieldId
                        + "' that rules can read");
                return property;
            }
            MethodCallExpression read = new MethodCallExpression(variable, accessor,
                    new ArgumentListExpression(new ConstantExpression(fieldId)));
            read.setImplicitThis(false);
            read.setSafe(property.isSafe());
            read.setSourcePosition(property);
            return read;
        }
    }
}
