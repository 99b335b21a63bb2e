package io.kehu.platform.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.kehu.platform.KehuApplication;
import io.kehu.platform.plugins.PluginJar;
import io.kehu.platform.support.Chromium;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Bench command for the plugin host (not a test), two parts:
 * <ol>
 * <li>start-up of the real application in its own JVM, launched as the README does (the extracted
 * {@code platform/target/kehu/kehu.jar} with the build's AOT cache), with bundled plugins (hello-kehu plus generated
 * plugins of realistic size: forms, a view, a listener, ~40 classes, ~100 messages) against the same launch without
 * plugins and against the single-file {@code kehu.jar} without a cache, first start (fresh database) and restart,
 * median of several runs;</li>
 * <li>upload to working view in Chromium: the admin uploads a plugin jar on the Plugins screen, clicks its new
 * navigation link and sees its page, against opening a built-in page the same way (reload + click).</li>
 * </ol>
 * Writes the figures to {@code docs/benchmarks.md}. Run after {@code mvn -DskipTests package}, from platform/:
 * {@code mvn test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.kehu.platform.bench.PluginsBench
 * -Dexec.args="--runs=5 --plugins=4"}.
 */
public final class PluginsBench {

    private static final Pattern STARTED = Pattern.compile("Started KehuApplication in ([0-9.]+) seconds");
    private static final Pattern HOST = Pattern.compile("(\\d+) plugin\\(s\\) started from .* in (\\d+) ms");

    private final int runs;
    private final int dummies;
    private final Path work;
    private final List<String> rows = new ArrayList<>();
    private final List<String> loads = new ArrayList<>();

    private PluginsBench(BenchArgs args) throws IOException {
        this.runs = args.intValue("runs", 5);
        this.dummies = args.intValue("plugins", 4);
        this.work = Files.createTempDirectory("plugins-bench");
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args = BenchArgs.parse(argv);
        PluginsBench bench = new PluginsBench(args);
        String parts = args.value("parts", "startup,upload");
        Path out = Path.of(args.value("out", "../docs/benchmarks.md"));
        if (parts.contains("startup")) {
            bench.startUp(Path.of(args.value("jar", "target/kehu.jar")).toAbsolutePath(),
                    Path.of(args.value("extracted", "target/kehu/kehu.jar")).toAbsolutePath(),
                    Path.of(args.value("hello", "target/plugins")).toAbsolutePath());
            bench.write(out);
        }
        if (parts.contains("upload")) {
            bench.uploadToView();
            bench.write(out);
        }
        System.exit(0);
    }

    // ---- start-up ------------------------------------------------------------------------------------------------

    private void startUp(Path jar, Path extracted, Path helloFolder) throws Exception {
        Path bundled = Files.createDirectories(work.resolve("bundled"));
        try (var hello = Files.list(helloFolder)) {
            for (Path file : hello.filter(p -> p.getFileName().toString().startsWith("hello-kehu")).toList()) {
                Files.copy(file, bundled.resolve(file.getFileName()));
            }
        }
        long bytes = 0;
        for (int i = 1; i <= dummies; i++) {
            bytes += Files.size(realistic("bench-domain-" + i).writeTo(bundled, "bench-domain-" + i + "-1.0.0.jar"));
        }
        long perPlugin = dummies == 0 ? 0 : bytes / dummies / 1024;
        String plugins = "hello-kehu + " + dummies + " generated (~" + perPlugin + " KB, 40 classes, 2 forms each)";

        // The README's launch (extracted jar + the build's AOT cache) against the single-file jar, same plugins.
        Launch readme = new Launch(extracted, extracted.resolveSibling("kehu.aot"));
        Launch fatJar = new Launch(jar, null);
        List<Start> firstWith = new ArrayList<>();
        List<Start> restartWith = new ArrayList<>();
        List<Start> firstWithout = new ArrayList<>();
        List<Start> restartWithout = new ArrayList<>();
        List<Start> firstFat = new ArrayList<>();
        List<Start> restartFat = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Path with = work.resolve("data-with-" + run);
            Path without = work.resolve("data-without-" + run);
            Path fat = work.resolve("data-fat-" + run);
            firstWith.add(start(readme, with, bundled.toString()));
            restartWith.add(start(readme, with, bundled.toString()));
            firstWithout.add(start(readme, without, "none"));
            restartWithout.add(start(readme, without, "none"));
            firstFat.add(start(fatJar, fat, bundled.toString()));
            restartFat.add(start(fatJar, fat, bundled.toString()));
        }
        rows.add(row("first start (new database), " + plugins + " — README launch", firstWith));
        rows.add(row("first start (new database), no plugins — baseline, README launch", firstWithout));
        rows.add(row("restart, " + plugins + " — README launch", restartWith));
        rows.add(row("restart, no plugins — baseline, README launch", restartWithout));
        rows.add(row("first start (new database), " + plugins + " — `java -jar kehu.jar`, no AOT cache", firstFat));
        rows.add(row("restart, " + plugins + " — `java -jar kehu.jar`, no AOT cache", restartFat));
    }

    /**
     * How the JVM is started: the README's way is the extracted {@code target/kehu/kehu.jar} with the AOT cache the
     * build wrote ({@code aotCache}); {@code null} = without a cache.
     */
    record Launch(Path jar, Path aotCache) {
        List<String> command(String java) {
            List<String> command = new ArrayList<>(List.of(java));
            if (aotCache != null) {
                if (!Files.exists(aotCache)) {
                    throw new IllegalStateException("No AOT cache at " + aotCache
                            + ": build with a JDK 24+ (mvn -DskipTests package) first");
                }
                command.add("-XX:AOTCache=" + aotCache);
            }
            command.addAll(List.of("-jar", jar.toString()));
            return command;
        }
    }

    /** One start of the jar in its own JVM: until the plugin host reports, which happens once the app is ready. */
    private Start start(Launch launch, Path data, String bundled) throws Exception {
        loads.add(loadAverage());
        List<String> command = new ArrayList<>(launch.command(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(List.of("--server.port=0", "--kehu.db.data-dir=" + data, "--kehu.demo.customers=0",
                "--kehu.plugins.bundled-dir=" + bundled, "--kehu.accounts.admin-password=Bench-Admin-1",
                "--kehu.accounts.demo-password=Bench-Demo-1"));
        long began = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        double spring = -1;
        int plugins = -1;
        long hostMillis = -1;
        long cpuMillis = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher m = STARTED.matcher(line);
                if (m.find()) {
                    spring = Double.parseDouble(m.group(1));
                }
                Matcher h = HOST.matcher(line);
                if (h.find()) {
                    plugins = Integer.parseInt(h.group(1));
                    hostMillis = Long.parseLong(h.group(2));
                    cpuMillis = cpuMillis(process.pid());
                    break;
                }
            }
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        long wall = (System.nanoTime() - began) / 1_000_000;
        Start start = new Start(wall, (long) (spring * 1000), hostMillis, plugins, cpuMillis);
        System.out.printf("start %s %s bundled=%s: %s%n", launch.aotCache() == null ? "fat-jar" : "readme",
                data.getFileName(), bundled, start);
        return start;
    }

    /** A plugin the size of a domain plugin: two forms, a view, a listener, filler logic, zh/en messages. */
    private static PluginJar realistic(String id) {
        String pkg = "io.kehu.bench." + id.replace("-", "");
        PluginJar jar = PluginJar.Sources.greeter(id, pkg).version("1.0.0")
                .source(pkg + ".Forms", """
                        package %s;
                        import io.kehu.sdk.forms.*;
                        @org.pf4j.Extension
                        public class Forms implements FormDefinitionProvider {
                            public java.util.List<DefinitionText> definitions() {
                                return java.util.List.of(DefinitionText.fromResource(Forms.class, "forms/a.json"),
                                        DefinitionText.fromResource(Forms.class, "forms/b.json"));
                            }
                        }
                        """.formatted(pkg))
                .source(pkg + ".Guard", """
                        package %s;
                        import io.kehu.sdk.records.*;
                        @org.pf4j.Extension
                        public class Guard implements RecordListener {
                            public boolean handles(String formId) { return formId.startsWith("%s"); }
                        }
                        """.formatted(pkg, form(id, "")));
        jar.resource("forms/a.json", formJson(form(id, "a"))).resource("forms/b.json", formJson(form(id, "b")));
        StringBuilder en = new StringBuilder("hello=Hello\nnav=Greeter " + id + "\n");
        StringBuilder zh = new StringBuilder("hello=你好\nnav=问候 " + id + "\n");
        for (int i = 0; i < 100; i++) {
            en.append("text.").append(i).append("=Some explanatory text number ").append(i).append(" for the screen\n");
            zh.append("text.").append(i).append("=屏幕上的第 ").append(i).append(" 条说明文字\n");
        }
        jar.resource("plugin-messages_en.properties", en.toString())
                .resource("plugin-messages_zh_CN.properties", zh.toString());
        for (int c = 0; c < 36; c++) {
            StringBuilder body = new StringBuilder("package " + pkg + ".logic;\npublic class Rule" + c + " {\n");
            for (int m = 0; m < 12; m++) {
                body.append("    public static long score").append(m).append("(long points, int visits) {\n")
                        .append("        long s = points * ").append(m + 1).append(" + visits;\n")
                        .append("        for (int i = 0; i < ").append(c + 2).append("; i++) { s = (s * 31 + i) % 1000003; }\n")
                        .append("        return s > 500000 ? s / 2 : s + ").append(m).append(";\n    }\n");
            }
            jar.source(pkg + ".logic.Rule" + c, body.append("}\n").toString());
        }
        return jar;
    }

    private static String form(String id, String suffix) {
        return "bench_" + id.replace("-", "_").replace("bench_domain_", "d") + (suffix.isEmpty() ? "" : "_" + suffix);
    }

    private static String formJson(String formId) {
        StringBuilder fields = new StringBuilder();
        String[] types = {"text", "integer", "decimal", "date", "textarea"};
        for (int f = 0; f < 20; f++) {
            fields.append(f == 0 ? "" : ",\n").append("{\"id\": \"f").append(f).append("\", \"type\": \"")
                    .append(types[f % types.length]).append("\", \"label\": {\"zh\": \"字段").append(f)
                    .append("\", \"en\": \"Field ").append(f).append("\"}}");
        }
        return "{\"id\": \"" + formId + "\", \"label\": {\"zh\": \"表单\", \"en\": \"Form\"}, \"titleField\": \"f0\",\n"
                + "\"fields\": [" + fields + "]}\n";
    }

    // ---- upload to working view ----------------------------------------------------------------------------------

    private void uploadToView() throws Exception {
        Path jars = Files.createDirectories(work.resolve("uploads"));
        ConfigurableApplicationContext kehu = new SpringApplicationBuilder(KehuApplication.class).run(
                "--server.port=0", "--kehu.db.data-dir=" + work.resolve("data-upload"), "--kehu.demo.customers=0",
                "--kehu.plugins.bundled-dir=none", "--kehu.accounts.admin-password=Bench-Admin-1",
                "--kehu.accounts.demo-password=Bench-Demo-1");
        String base = "http://localhost:" + kehu.getBean(Environment.class).getProperty("local.server.port");
        List<Long> upload = new ArrayList<>();
        List<Long> builtIn = new ArrayList<>();
        try (Chromium chromium = Chromium.launch();
             BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                     .setLocale("en-US").setViewportSize(1400, 900))) {
            context.setDefaultTimeout(30_000);
            Page page = context.newPage();
            page.navigate(base + "/login");
            page.locator("#vaadinLoginUsername input").fill("admin");
            page.locator("#vaadinLoginPassword input").fill("Bench-Admin-1");
            page.locator("#vaadinLoginPassword input").press("Enter");
            PlaywrightAssertions.assertThat(page.locator("#welcome")).isVisible();
            for (int run = 0; run <= runs; run++) {
                String id = "bench-upload-" + run;
                Path jar = realistic(id).writeTo(jars, id + "-1.0.0.jar");
                loads.add(loadAverage());
                page.navigate(base + "/admin/plugins");
                PlaywrightAssertions.assertThat(page.locator("#plugins-grid")).isVisible();
                long began = System.nanoTime();
                page.locator("#plugin-upload input[type=file]").setInputFiles(jar);
                Page.LocatorOptions link = new Page.LocatorOptions().setHasText("Greeter " + id);
                page.locator("vaadin-side-nav-item", link).click();
                PlaywrightAssertions.assertThat(page.locator("#test-plugin-greeting")).hasText("Hi / Hello");
                long uploadMillis = (System.nanoTime() - began) / 1_000_000;

                page.navigate(base + "/admin/plugins");
                PlaywrightAssertions.assertThat(page.locator("#plugins-grid")).isVisible();
                began = System.nanoTime();
                page.reload();
                page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Customer")).first()
                        .click();
                PlaywrightAssertions.assertThat(page).hasURL(Pattern.compile(".*customer.*"));
                PlaywrightAssertions.assertThat(page.locator("vaadin-grid").first()).isVisible();
                long builtInMillis = (System.nanoTime() - began) / 1_000_000;
                System.out.printf("upload→view %d ms, built-in page (reload + click) %d ms%n", uploadMillis,
                        builtInMillis);
                if (run > 0) { // run 0 warms the JIT, the browser and the server's caches
                    upload.add(uploadMillis);
                    builtIn.add(builtInMillis);
                }
            }
        } finally {
            kehu.close();
        }
        rows.add(millisRow("upload → working view (Chromium: choose file, click its new link, its page shows)",
                upload));
        rows.add(millisRow("built-in page the same way (reload + click + grid shows) — baseline", builtIn));
    }

    // ---- report --------------------------------------------------------------------------------------------------

    record Start(long wallMillis, long springMillis, long hostMillis, int plugins, long cpuMillis) {
    }

    /**
     * CPU time (user + system, all threads) the process used so far: on a shared, overloaded machine this says more
     * about the start-up's own cost than wall time, which mostly measures waiting for a core.
     */
    private static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
            return ticks * 10; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String row(String what, List<Start> starts) {
        return "| " + what + " | " + starts.size() + " | "
                + seconds(median(starts.stream().map(Start::wallMillis).toList())) + " | "
                + seconds(median(starts.stream().map(Start::springMillis).toList())) + " | "
                + median(starts.stream().map(Start::hostMillis).toList()) + " ms ("
                + starts.get(0).plugins() + " started) | "
                + seconds(median(starts.stream().map(Start::cpuMillis).toList())) + " | "
                + starts.stream().map(s -> seconds(s.wallMillis())).toList() + " |";
    }

    private static String millisRow(String what, List<Long> millis) {
        return "| " + what + " | " + millis.size() + " | " + seconds(median(millis)) + " | | | | "
                + millis.stream().map(PluginsBench::seconds).toList() + " |";
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
    }

    private static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.2f s", millis / 1000.0);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private void write(Path file) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("Measured ").append(LocalDate.now()).append(" by `PluginsBench` on ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores (shared), Java ")
                .append(Runtime.version().feature()).append(", H2 file database, no demo customers. Load average "
                        + "(1 min) when each run began: ").append(loads).append(".\n\n");
        md.append("| what | runs | median wall time | median \"Started KehuApplication\" | plugin host (median) "
                + "| median CPU time of the JVM | each run (wall) |\n|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> md.append(r).append('\n'));
        BenchReport.writeSection(file, "plugins", md.toString());
        System.out.println(md);
    }
}
