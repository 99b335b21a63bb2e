package io.kehu.platform.forms;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Brings shipped forms up to date in a database that already has them: forms are seeded only into an empty database
 * ({@link FirstStartForms}), so when a release adds fields to a shipped form (e.g. the complaint's 解决时间 and 回访时效,
 * which the shipped metrics and automations measure), an older installation would keep the old form and leave those
 * metrics out. At start-up each shipped definition that differs from the published form is published as its next
 * version — through {@link FormPublisher}, so the table gains its columns and every refusal that protects data applies —
 * but only when
 * <ul>
 *   <li>every published version of the form came from the platform itself ({@link FormSeeder#SEEDED_BY}: the seed, a
 *       shipped process keeping its status options): a form an administrator (designer) or a plugin has published is
 *       theirs, left alone, and the log says a newer shipped definition exists; and</li>
 *   <li>the change only adds: every field of the published form is still there with its type and options (a field or
 *       option the file no longer has could hold records' values).</li>
 * </ul>
 * Runs after the seed and before the shipped processes' upgrades ({@code ShippedWorkflowUpgrades}, which may then
 * use the new fields). Metrics and dashboards need no such step: they are read from the shipped files at every use,
 * and an administrator's dashboards are stored apart ({@code kehu_dashboard}), so a changed file reaches every
 * installation and never overwrites an edit.
 */
@Component
@Order(21)
class ShippedFormUpgrades implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ShippedFormUpgrades.class);

    /** Reads the files without compiling their rules (start-up time): shipped files are checked by the build. */
    private final DefinitionReader reader = new DefinitionReader();
    private final FormPublisher publisher;
    private final FormCatalog catalog;
    private final Environment env;
    private final DefinitionWriter writer = new DefinitionWriter();

    ShippedFormUpgrades(FormPublisher publisher, FormCatalog catalog, Environment env) {
        this.publisher = publisher;
        this.catalog = catalog;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!env.getProperty("kehu.forms.seed", Boolean.class, true)
                || !env.getProperty("kehu.forms.upgrade-shipped", Boolean.class, true)) {
            return;
        }
        String dir = env.getProperty("kehu.forms.seed-dir", "");
        try {
            upgrade(dir.isBlank() ? reader.readAll(FirstStartForms.shipped()) : reader.readFolder(Path.of(dir)));
        } catch (RuntimeException e) {
            log.warn("The shipped form definitions were not compared with the published forms", e);
        }
    }

    /** Publishes each of {@code shipped} that may be upgraded (see the class); returns the ids published. */
    List<String> upgrade(List<FormDefinition> shipped) {
        List<String> upgraded = new ArrayList<>();
        for (FormDefinition file : shipped) {
            Optional<FormDefinition> published = catalog.published(file.id());
            if (published.isEmpty() || writer.write(published.get()).equals(writer.write(file))) {
                continue;
            }
            List<FormVersion> history = publisher.versions(file.id());
            Optional<FormVersion> byOthers = history.stream()
                    .filter(v -> !FormSeeder.SEEDED_BY.equals(v.publishedBy())).findFirst();
            if (byOthers.isPresent()) {
                log.info("Form {} was published by {}; the newer shipped definition is not applied (add its new "
                        + "fields in the form designer to take them over)", file.id(), byOthers.get().publishedBy());
                continue;
            }
            Optional<String> lost = lostBy(published.get(), file);
            if (lost.isPresent()) {
                log.warn("The shipped definition of form {} is not applied: it would drop {}", file.id(), lost.get());
                continue;
            }
            try {
                FormVersion version = publisher.publish(file, FormSeeder.SEEDED_BY, "随附定义更新 Shipped definition "
                        + "update");
                upgraded.add(file.id());
                log.info("Form {} upgraded to version {} from the shipped definition", file.id(), version.number());
            } catch (RuntimeException e) {
                log.warn("The shipped definition of form {} could not be published: {}", file.id(), e.getMessage());
            }
        }
        return upgraded;
    }

    /** What publishing {@code next} over {@code now} would take away (a field, its type, an option), if anything. */
    static Optional<String> lostBy(FormDefinition now, FormDefinition next) {
        Map<String, FieldDefinition> kept = next.fields().stream()
                .collect(Collectors.toMap(FieldDefinition::id, Function.identity()));
        for (FieldDefinition f : now.fields()) {
            FieldDefinition after = kept.get(f.id());
            if (after == null) {
                return Optional.of("field " + f.id());
            }
            if (after.type() != f.type()) {
                return Optional.of("the type " + f.type() + " of field " + f.id());
            }
            List<String> options = after.options().stream().map(FieldOption::value).toList();
            Optional<String> option = f.options().stream().map(FieldOption::value)
                    .filter(o -> !options.contains(o)).findFirst();
            if (option.isPresent()) {
                return Optional.of("option " + option.get() + " of field " + f.id());
            }
        }
        return Optional.empty();
    }
}
