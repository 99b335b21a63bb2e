package io.kehu.platform.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.RecordRefusedException;
import io.kehu.platform.records.Records;
import io.kehu.platform.rules.RuleEngine;
import io.kehu.platform.rules.RuleRun;
import io.kehu.platform.security.AccessRefusedException;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.support.KehuTest;
import io.kehu.sdk.jobs.JobStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Install, use, disable, enable, upgrade and uninstall a real plugin jar at run time, on a running platform: its
 * forms, record listener, job, view route, navigation link, widget, rule functions and settings come and go.
 */
@KehuTest
class PluginLifecycleTest {

    static final Actor ADMIN = new Actor(1L, "admin", Set.of(Role.ADMIN));
    static final String ID = "lifecycle-test";

    @Autowired
    PluginHost host;
    @Autowired
    PluginRoutes routes;
    @Autowired
    PluginRegistry registry;
    @Autowired
    PluginScriptFunctions functions;
    @Autowired
    RuleEngine rules;
    @Autowired
    PluginRecordPanels panels;
    @Autowired
    Records records;
    @Autowired
    FormCatalog catalog;

    @AfterEach
    void removePlugin() {
        if (host.plugin(ID).isPresent()) {
            host.uninstall(ADMIN, ID);
        }
    }

    static PluginJar full(String version) {
        String pkg = "io.kehu.plugins.lifecycle";
        return PluginJar.Sources.greeter(ID, pkg).version(version)
                .source(pkg + ".Forms", """
                        package %s;
                        import io.kehu.sdk.forms.*;
                        @org.pf4j.Extension
                        public class Forms implements FormDefinitionProvider {
                            public java.util.List<DefinitionText> definitions() {
                                return java.util.List.of(DefinitionText.fromResource(Forms.class, "forms/lc_note.json"));
                            }
                        }
                        """.formatted(pkg))
                .resource("forms/lc_note.json", """
                        {"id": "lc_note", "label": {"zh": "备注", "en": "Note"}, "titleField": "text",
                         "fields": [{"id": "text", "type": "text", "label": {"zh": "内容", "en": "Text"}}]}
                        """)
                .source(pkg + ".NoRudeNotes", """
                        package %s;
                        import io.kehu.sdk.records.*;
                        import java.util.Optional;
                        @org.pf4j.Extension
                        public class NoRudeNotes implements RecordListener {
                            public boolean handles(String formId) { return formId.equals("lc_note"); }
                            public Optional<Veto> beforeSave(RecordChange change) {
                                if ("shouting".equals(change.values().get("text"))) {
                                    // a plugin's own refusal, raised rather than returned
                                    throw new RecordException(RecordException.Reason.VETOED,
                                            io.kehu.sdk.LocalText.of("请勿大声喧哗", "No shouting"));
                                }
                                return "rude".equals(change.values().get("text"))
                                        ? Optional.of(Veto.because("不礼貌", "Not polite")) : Optional.empty();
                            }
                        }
                        """.formatted(pkg))
                .source(pkg + ".CountNotes", """
                        package %s;
                        import io.kehu.sdk.PluginContext;
                        import io.kehu.sdk.jobs.*;
                        @org.pf4j.Extension
                        public class CountNotes implements ScheduledJob {
                            private final PluginContext c;
                            public CountNotes(PluginContext c) { this.c = c; }
                            public String id() { return "count-notes"; }
                            public Schedule schedule() { return Schedule.every(java.time.Duration.ofHours(1)); }
                            public void run(JobRun run) {
                                int n = c.records().search("lc_note").list().size();
                                run.progress(n, n, "counted");
                            }
                        }
                        """.formatted(pkg))
                .source(pkg + ".Functions", """
                        package %s;
                        @org.pf4j.Extension
                        public class Functions implements io.kehu.sdk.scripts.ScriptFunctions {
                            public String name() { return "lifecycle"; }
                            public Object functions() { return "v%s"; }
                        }
                        """.formatted(pkg, version))
                .source(pkg + ".Tab", """
                        package %s;
                        import com.vaadin.flow.component.html.Span;
                        @org.pf4j.Extension
                        public class Tab implements io.kehu.sdk.ui.RecordPanel {
                            public String formId() { return "lc_note"; }
                            public io.kehu.sdk.LocalText title() { return io.kehu.sdk.LocalText.of("标签", "Tab"); }
                            public com.vaadin.flow.component.Component create(io.kehu.sdk.PluginContext c, long id) {
                                return new Span("note " + id);
                            }
                        }
                        """.formatted(pkg));
    }

    private PluginInfo install(PluginJar jar, String fileName) throws IOException {
        return host.install(ADMIN, fileName, new ByteArrayInputStream(jar.bytes()));
    }

    @Test
    void aPluginInstalledAtRunTimePlugsInEveryExtensionAndUnplugsThemAgain() throws Exception {
        PluginInfo installed = install(full("1.0.0"), "lifecycle.jar");

        assertThat(installed.status()).isEqualTo(PluginStatus.STARTED);
        assertThat(installed.error()).isNull();
        assertThat(installed.extensions()).contains("ViewContribution ×1", "RecordListener ×1", "ScheduledJob ×1");
        assertThat(routes.view("apps/" + ID + "/greeting")).isPresent();
        assertThat(catalog.published("lc_note")).isPresent();
        assertThat(functions.functions()).containsEntry("lifecycle", "v1.0.0");
        FormDefinition note = catalog.published("lc_note").orElseThrow();
        RuleRun usesPlugin = rules.tryRule(note, "lifecycle.startsWith('v1')", Map.of(), null, Actor.system("test"));
        assertThat(usesPlugin.error()).isNull();
        assertThat(usesPlugin.result()).as("a rule calls the plugin's script functions").isEqualTo(true);
        assertThat(panels.panels("lc_note", java.util.Locale.ENGLISH)).extracting(PluginRecordPanels.Panel::title)
                .containsExactly("Tab");

        Actor staff = Actor.system("test");
        records.create(staff, "lc_note", Map.of("text", "kind"));
        assertThatThrownBy(() -> records.create(staff, "lc_note", Map.of("text", "rude")))
                .isInstanceOf(RecordRefusedException.class).hasMessageContaining("Not polite");
        // a RecordException thrown by beforeSave is a refusal in both languages, not a broken plugin
        assertThatThrownBy(() -> records.create(staff, "lc_note", Map.of("text", "shouting")))
                .isInstanceOfSatisfying(RecordRefusedException.class, e -> assertThat(e.text())
                        .isEqualTo(io.kehu.platform.forms.LocalizedText.of("请勿大声喧哗", "No shouting")));
        assertThat(host.plugin(ID).orElseThrow().error()).isNull();

        var context = registry.get(ID).orElseThrow().context();
        context.jobs().runNow("count-notes");
        JobStatus status = awaitJob(context);
        assertThat(status.done()).isEqualTo(1);
        assertThat(status.lastResult()).isEqualTo("ok");

        host.saveSettings(ADMIN, ID, Map.of("greeting", "Servus"));
        assertThat(context.settings().get("greeting")).contains("Servus");

        host.disable(ADMIN, ID);
        assertThat(host.plugin(ID).orElseThrow().status()).isEqualTo(PluginStatus.DISABLED);
        assertThat(routes.view("apps/" + ID + "/greeting")).isEmpty();
        assertThat(functions.functions()).doesNotContainKey("lifecycle");
        assertThat(rules.tryRule(note, "lifecycle.startsWith('v1')", Map.of(), null, Actor.system("test")).error())
                .as("gone with its plugin").isNotNull();
        records.create(staff, "lc_note", Map.of("text", "rude")); // the listener is gone
        assertThat(catalog.published("lc_note")).as("forms outlive their plugin").isPresent();

        host.enable(ADMIN, ID);
        assertThat(host.plugin(ID).orElseThrow().status()).isEqualTo(PluginStatus.STARTED);
        assertThat(routes.view("apps/" + ID + "/greeting")).isPresent();

        PluginInfo upgraded = install(full("1.1.0"), "lifecycle-1.1.0.jar");
        assertThat(upgraded.version()).isEqualTo("1.1.0");
        assertThat(upgraded.status()).isEqualTo(PluginStatus.STARTED);
        assertThat(functions.functions()).containsEntry("lifecycle", "v1.1.0");
        assertThat(registry.get(ID).orElseThrow().context().settings().get("greeting")).contains("Servus");

        host.uninstall(ADMIN, ID);
        assertThat(host.plugin(ID)).isEmpty();
        assertThat(routes.view("apps/" + ID + "/greeting")).isEmpty();
        assertThat(catalog.published("lc_note")).isPresent();
        try (var files = java.nio.file.Files.list(host.directory())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(ID));
        }
    }

    @Test
    void onlyAdminsInstallAndTheSameVersionTwiceIsRefused() throws Exception {
        Actor manager = new Actor(2L, "manager", Set.of(Role.MANAGER));
        byte[] jar = full("1.0.0").bytes();
        assertThatThrownBy(() -> host.install(manager, "x.jar", new ByteArrayInputStream(jar)))
                .isInstanceOf(AccessRefusedException.class);
        host.install(ADMIN, "x.jar", new ByteArrayInputStream(jar));
        assertThatThrownBy(() -> host.install(ADMIN, "again.jar", new ByteArrayInputStream(jar)))
                .isInstanceOf(PluginRefusedException.class)
                .hasMessageContaining("already installed in version 1.0.0");
        assertThatThrownBy(() -> host.disable(manager, ID)).isInstanceOf(AccessRefusedException.class);
    }

    private static JobStatus awaitJob(io.kehu.sdk.PluginContext context) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until) {
            var status = context.jobs().status("count-notes");
            if (status.isPresent() && status.get().lastFinished() != null) {
                return status.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The job did not run");
    }
}
