package io.kehu.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Attempts to get out of the sandbox. Each must be refused when compiling or stopped while running, and the host must
 * keep working afterwards (a normal rule still runs, nothing was exited, changed or started).
 */
class SandboxEscapeTest {

    private final Sandbox sandbox = new Sandbox(200, 100, Map.of());

    static Stream<Arguments> refusedAtCompileTime() {
        return Stream.of(
                escape("process via String.execute", "'id'.execute()"),
                escape("Runtime.exec", "Runtime.getRuntime().exec('id')"),
                escape("ProcessBuilder", "new ProcessBuilder('id').start()"),
                escape("new File", "new File('/etc/passwd').text"),
                escape("Files.readString", "java.nio.file.Files.readString(java.nio.file.Path.of('/etc/passwd'))"),
                escape("URL", "new URL('http://example.com').text"),
                escape("Socket", "new Socket('localhost', 80)"),
                escape("getClass().forName", "''.getClass().forName('java.lang.Runtime')"),
                escape("this.class.classLoader", "this.class.classLoader"),
                escape("System.exit", "System.exit(1)"),
                escape("System.getenv", "System.getenv('HOME')"),
                escape("System.getProperty", "System.getProperty('user.home')"),
                escape("String.metaClass change", "String.metaClass.shout = { -> 'x' }; 'a'.shout()"),
                escape("ExpandoMetaClass", "def emc = new ExpandoMetaClass(String); emc.initialize()"),
                escape("metaClass of a value", "'a'.metaClass.toString = { -> 'hacked' }"),
                escape("Eval.me", "Eval.me('1 + 1')"),
                escape("new GroovyShell().evaluate", "new GroovyShell().evaluate('1')"),
                escape("evaluate(...)", "evaluate('System.exit(0)')"),
                escape("@Grab", "@Grab('org.example:evil:1.0') import java.lang.Object\n1"),
                escape("@ASTTest", "@groovy.transform.ASTTest(value = { System.exit(3) }) def x = 1\nx"),
                escape("@groovy.transform.Field", "@groovy.transform.Field int x = 1\nx"),
                escape("@CompileDynamic", "@groovy.transform.CompileDynamic def x = ''.execute()\nx"),
                escape("@Delegate", "@Delegate String s = 'a'\ns"),
                escape("Thread.start", "Thread.start { System.exit(0) }"),
                escape("new Thread", "new Thread({ -> }).start()"),
                escape("Thread.currentThread", "Thread.currentThread().stop()"),
                escape("while(true)", "while (true) { }"),
                escape("for loop", "for (int i = 0; i < 10; i++) { }"),
                escape("recursive method", "int f(int n) { f(n + 1) }\nf(1)"),
                escape("recursive closure via call", "def f\nf = { n -> f.call(n) }\nf.call(1)"),
                escape("String multiply", "'x' * 1000000000"),
                escape("String.repeat", "'x'.repeat(1000000000)"),
                escape("huge array", "new int[1000000000]"),
                escape("huge list via multiply", "[0] * 1000000000"),
                escape("range sum", "(1..1000000000).sum()"),
                escape("BigInteger.pow", "BigInteger.TEN.pow(100000000)"),
                escape("power operator", "2 ** 100000000"),
                escape("JNDI InitialContext", "new javax.naming.InitialContext().lookup('ldap://x')"),
                escape("ObjectInputStream", "new ObjectInputStream(null).readObject()"),
                escape("binding", "binding.variables"),
                escape("this.properties", "this.properties"),
                escape("this.binding.variables", "this.binding.variables.size()"),
                escape("Class.forName", "Class.forName('java.lang.Runtime')"),
                escape("getDeclaredMethods", "record.getClass().getDeclaredMethods()"),
                escape("GString with forbidden value", "\"${Runtime.getRuntime()}\""),
                escape("GString lazy closure", "\"${-> System.exit(0)}\".toString()"),
                escape("closure escaping with .call", "def c = { System.exit(0) }\nc.call()"),
                escape("method pointer System.&exit", "def m = System.&exit\nm(0)"),
                escape("method reference", "def m = System::exit\nm(0)"),
                escape("spread on forbidden target", "['id']*.execute()"),
                escape("with on forbidden receiver", "Runtime.getRuntime().with { exec('id') }"),
                escape("with on allowed receiver", "'id'.with { execute() }"),
                escape("invokeMethod", "record.invokeMethod('getClass', null)"),
                escape("println to the server log", "println 'hello'"),
                escape("sleep", "sleep(10000)"),
                escape("try/catch swallowing the timeout", "try { 1 } catch (Throwable t) { 2 }"),
                escape("import", "import java.io.File\n1"),
                escape("class declaration", "class X { }\n1"),
                escape("huge decimal literal", "1e999999999 + 1"),
                escape("field read via .@", "record.@values"),
                escape("script run() recursion", "run()"),
                escape("rebinding the script", "bind(null)"),
                escape("closure owner", "def c = { -> 1 }\nc.owner"),
                escape("closure delegate", "def c = { -> 1 }\nc.getDelegate()"),
                escape("class of a map", "[a: 1].getClass().classLoader"),
                escape("plugin functions by name", "functions('tiering').getClass()"),
                escape("as-coercion to a forbidden type", "(record.name as Runnable).run()"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void refusedAtCompileTime(String script) {
        assertThatThrownBy(() -> sandbox.compile(script)).isInstanceOf(RuleCompileException.class);
    }

    static Stream<Arguments> stoppedAtRunTime() {
        return Stream.of(
                escape("busy closure over a list", "def l = [1, 2, 3]\nl.any { it2 -> l.any { l.any { l.any { "
                        + "l.any { l.any { l.any { l.any { l.any { l.any { l.any { l.any { l.any { l.any { l.any { "
                        + "l.any { false } } } } } } } } } } } } } } } }"),
                escape("text doubling", "def s = 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'\n"
                        + "def t = s + s\n".repeat(1) + "def u = t + t\ndef v = u + u\ndef w = v + v\ndef a = w + w\n"
                        + "def b = a + a\ndef c = b + b\ndef d = c + c\ndef e = d + d\ndef f = e + e\ndef g = f + f\n"
                        + "def h = g + g\ndef i = h + h\ndef j = i + i\ndef k = j + j\nk.length()"),
                escape("decimal squaring", "def a = 123456789.123\ndef b = a * a\ndef c = b * b\ndef d = c * c\n"
                        + "def e = d * d\ndef f = e * e\ndef g = f * f\ng"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void stoppedAtRunTime(String script) {
        CompiledRule rule = sandbox.compile(script);
        long start = System.nanoTime();
        assertThatThrownBy(() -> rule.evaluate(Sandbox.context(Map.of()))).isNotNull();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    }

    @AfterEach
    void hostStillWorks() {
        assertThat(sandbox.eval("record.amount > 100", Map.of("amount", 150))).isEqualTo(true);
        assertThat(String.class.getMethods()).isNotEmpty();
        assertThat("a".toString()).isEqualTo("a");
    }

    private static Arguments escape(String name, String script) {
        return Arguments.of(Named.of(name, script));
    }
}
