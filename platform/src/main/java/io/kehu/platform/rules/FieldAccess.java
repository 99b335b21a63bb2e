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

    private static final java.util.Set<String> RECORD_VARIABLES = java.util.Set.of("record", "old");

    private final RecordTyping typing;
    private final Map<String, Class<?>> functions;

    FieldAccess(RecordTyping typing, Map<String, Class<?>> functions) {
        super(CompilePhase.CANONICALIZATION);
        this.typing = typing;
        this.functions = functions;
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
            if (expression instanceof VariableExpression variable && functions.containsKey(variable.getName())

                    && variable.getAccessedVariable() instanceof DynamicVariable) {
                MethodCallExpression lookup = new MethodCallExpression(VariableExpression.THIS_EXPRESSION,
                        "functions", new ArgumentListExpression(new ConstantExpression(variable.getName())));
                lookup.setImplicitThis(true);
                lookup.setSourcePosition(variable);
                CastExpression typed = new CastExpression(ClassHelper.make(functions.get(variable.getName())), lookup);
                typed.setSourcePosition(variable);
                return typed;
            }
            return super.transform(expression);
        }

        private Expression fieldRead(PropertyExpression property, VariableExpression variable, String fieldId) {
            if ("id".equals(fieldId)) {
                return property;
            }
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
