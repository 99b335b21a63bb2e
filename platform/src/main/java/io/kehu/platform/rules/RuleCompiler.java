package io.kehu.platform.rules;

import groovy.lang.GroovyClassLoader;
import groovy.transform.CompileStatic;
import groovy.transform.ThreadInterrupt;
import groovy.transform.TimedInterrupt;
import io.kehu.platform.rules.script.RuleScript;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.control.customizers.ImportCustomizer;
import org.codehaus.groovy.control.customizers.SecureASTCustomizer;
import org.codehaus.groovy.control.messages.ExceptionMessage;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

/**
 * Compiles one rule into a class, through the sandbox's layers in phase order: {@link ScriptShape} (CONVERSION),
 * {@link FieldAccess} and a {@link SecureASTCustomizer} for imports and declarations (CANONICALIZATION),
 * {@code @TimedInterrupt} + {@code @ThreadInterrupt} + {@code @CompileStatic}, then {@link SandboxCheck} on the
 * resolved types (INSTRUCTION_SELECTION). Each rule gets its own {@link GroovyClassLoader}, so that a class evicted
 * from the cache can be unloaded together with its loader.
 */
final class RuleCompiler {

    private static final AtomicLong NAMES = new AtomicLong();

    private final long timeoutMillis;
    private final Map<String, Class<?>> functions;
    private final ClassLoader parent;

    RuleCompiler(long timeoutMillis, Map<String, Class<?>> functions, ClassLoader parent) {
        this.timeoutMillis = timeoutMillis;
        this.functions = Map.copyOf(functions);
        this.parent = parent;
    }

    /**
     * Longest rule source. Straight-line code runs between the time checks, so the number of calls a rule can make
     * without passing one is bounded by its length.
     */
    static final int MAX_SOURCE = 10_000;

    CompiledRule compile(String script, RecordTyping typing) {
        if (script.length() > MAX_SOURCE) {
            throw new RuleCompileException(1, 1, "a rule may be at most " + MAX_SOURCE + " characters long");
        }
        FieldAccess fieldAccess = new FieldAccess(typing, functions);
        CompilerConfiguration config = configuration(fieldAccess);
        try (GroovyClassLoader loader = new GroovyClassLoader(parent, config, false)) {
            Class<?> type = loader.parseClass(script, "Rule" + NAMES.incrementAndGet() + ".groovy");
            return new CompiledRule(type.asSubclass(RuleScript.class), fieldAccess.fieldsRead());
        } catch (MultipleCompilationErrorsException e) {
            throw firstError(e);
        } catch (CompilationFailedException e) {
            throw new RuleCompileException(0, 0, e.getMessage());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private CompilerConfiguration configuration(FieldAccess fieldAccess) {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(RuleScript.class.getName());
        config.setDisabledGlobalASTTransformations(java.util.Set.of(
                "groovy.grape.GrabAnnotationTransformation"));
        config.getOptimizationOptions().put(CompilerConfiguration.GROOVYDOC, false);
        SecureASTCustomizer secure = new SecureASTCustomizer();
        // LocalDate.of/parse are documented for rules (and the condition builder writes LocalDate.parse('...')), but
        // java.time is not one of Groovy's default imports: import that one class for every rule, and nothing else.
        secure.setAllowedImports(List.of("java.time.LocalDate"));
        secure.setAllowedStarImports(List.of());
        secure.setAllowedStaticImports(List.of());
        secure.setAllowedStaticStarImports(List.of());
        secure.setPackageAllowed(false);
        secure.setMethodDefinitionAllowed(false);
        secure.setClosuresAllowed(true);
        config.addCompilationCustomizers(
                new ScriptShape(), // refuses the rule's own imports, so the one below must come after it
                new ImportCustomizer().addImports("java.time.LocalDate"),
                fieldAccess,
                secure,
                new ASTTransformationCustomizer(Map.of("value", timeoutMillis, "unit", TimeUnit.MILLISECONDS,
                        "checkOnMethodStart", true), TimedInterrupt.class),
                new ASTTransformationCustomizer(ThreadInterrupt.class),
                new ASTTransformationCustomizer(CompileStatic.class),
                new SandboxCheck(new Allowlist(functions.values())));
        return config;
    }

    private static RuleCompileException firstError(MultipleCompilationErrorsException e) {
        Message first = e.getErrorCollector().getErrors().getFirst();
        if (first instanceof SyntaxErrorMessage syntax) {
            SyntaxException cause = syntax.getCause();
            return new RuleCompileException(cause.getLine(), cause.getStartColumn(), cause.getOriginalMessage());
        }
        if (first instanceof ExceptionMessage exception) {
            return new RuleCompileException(0, 0, exception.getCause().getMessage());
        }
        return new RuleCompileException(0, 0, e.getMessage());
    }
}
