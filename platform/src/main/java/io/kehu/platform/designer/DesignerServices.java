package io.kehu.platform.designer;

import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.DefinitionWriter;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.forms.FormVersion;
import io.kehu.platform.forms.SchemaChange;
import io.kehu.platform.plugins.PluginHost;
import io.kehu.platform.records.Records;
import io.kehu.platform.rules.RuleEngine;
import io.kehu.platform.rules.RuleRun;
import io.kehu.platform.security.AccessRefusedException;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.views.FormPreview;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the designer screens need from the rest of the platform, behind one object so the views stay small. Every
 * change (draft, publish, rollback) checks on the server that the signed-in user is an administrator, whatever the
 * screen showed, and is logged with the user's name; the published versions record who published them.
 */
@Component
class DesignerServices {

    private static final Logger log = LoggerFactory.getLogger(DesignerServices.class);

    final FormPublisher publisher;
    final FormCatalog catalog;
    final DefinitionReader reader;
    final DefinitionWriter writer;
    final RuleEngine engine;
    final FormPreview preview;
    final Records records;
    private final CurrentUser currentUser;
    private final UserAccounts accounts;
    final Authors authors;

    DesignerServices(FormPublisher publisher, FormCatalog catalog, DefinitionReader reader, DefinitionWriter writer,
                     RuleEngine engine, FormPreview preview, Records records, CurrentUser currentUser,
                     UserAccounts accounts, PluginHost plugins) {
        this.publisher = publisher;
        this.catalog = catalog;
        this.reader = reader;
        this.writer = writer;
        this.engine = engine;
        this.preview = preview;
        this.records = records;
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.authors = new Authors(accounts, plugins);
    }

    /** The signed-in administrator; anyone else is refused here, not just hidden from the menu. */
    Actor admin() {
        if (!currentUser.hasRole(Role.ADMIN)) {
            throw new AccessRefusedException("只有管理员可以设计表单。", "Only administrators may design forms.");
        }
        String name = currentUser.username().orElseThrow(() -> new AccessRefusedException("请先登录。", "Sign in first."));
        return Actor.of(accounts.findByUsername(name).orElseThrow(
                () -> new AccessRefusedException("账号不存在：" + name, "No account " + name)));
    }

    /** Forms that references of {@code form} may point at: every published form. */
    Set<String> knownForms() {
        return catalog.allPublished().stream().map(FormDefinition::id).collect(Collectors.toSet());
    }

    DesignerProblems check(FormDefinition form) {
        return DesignerProblems.check(form, reader, writer, knownForms());
    }

    void saveDraft(FormDefinition form) {
        String by = admin().username();
        publisher.saveDraft(form, by);
        log.info("Form '{}': draft saved by {}", form.id(), by);
    }

    SchemaChange preview(FormDefinition form) {
        admin();
        return publisher.previewPublish(form);
    }

    /** Publishes the designed definition; a draft it came from is superseded and removed. */
    FormVersion publish(FormDefinition form, String note) {
        String by = admin().username();
        FormVersion version = publisher.publish(form, by, note == null || note.isBlank() ? null : note);
        publisher.discardDraft(form.id());
        log.info("Form '{}': version {} published by {}", form.id(), version.number(), by);
        return version;
    }

    FormVersion rollback(String formId, int number) {
        String by = admin().username();
        FormVersion version = publisher.rollback(formId, number, by);
        log.info("Form '{}': rolled back to version {} as version {} by {}", formId, number, version.number(), by);
        return version;
    }

    RuleRun tryRule(FormDefinition form, String script, Map<String, ?> values, Long recordId) {
        return engine.tryRule(form, script, values, recordId, admin());
    }
}
