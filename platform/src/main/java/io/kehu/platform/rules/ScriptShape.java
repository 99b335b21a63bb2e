package io.kehu.platform.rules;

import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.AnnotatedNode;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.syntax.SyntaxException;

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
        new ForbiddenConstructs(source).visitClass(classNode);
    }

    /**
     * Refuses any annotation written in the script. The compiler's own markers ({@code @BaseScript} for the rule
     * base class, {@code @Generated}) have no source position; everything a user writes has one.
     */
    static void refuseAnnotations(SourceUnit source, AnnotatedNode node) {
        node.getAnnotations().stream()
                .filter(a -> a.getLineNumber() > 0)
                .findFirst().ifPresent(a -> refuse(source, a, "annotations are not allowed in rules"));
    }

    static void refuse(SourceUnit source, ASTNode node, String message) {
        source.addError(new SyntaxException(message, node.getLineNumber(), node.getColumnNumber(),
                node.getLastLineNumber(), node.getLastColumnNumber()));
    }
}
