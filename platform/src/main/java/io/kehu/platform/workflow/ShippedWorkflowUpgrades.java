package io.kehu.platform.workflow;

import io.kehu.platform.security.Actor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Brings a shipped process up to date in a database that already has it: when a release changes a file of
 * {@code form-definitions/workflows/} (e.g. the complaint process gains 等待客户回复), its content is published as the
 * next version of the workflow — through {@link WorkflowVersions#publish}, so the form's status options follow the
 * states in the same transaction, exactly as when an admin publishes — but only while every published version of it
 * came from the platform itself (author {@code system}). A workflow an admin has published is theirs: it is left
 * alone and the log says a newer shipped definition exists (publish its content in the editor to take it over). A
 * change that would strand records (a state removed with records in it) or does not read is logged and not published.
 * Runs at start-up after the catalog has seeded and read the stored versions.
 */
@Component
@Order(31)
class ShippedWorkflowUpgrades implements ApplicationRunner {

    static final String PLATFORM = "system";
    private static final Logger log = LoggerFactory.getLogger(ShippedWorkflowUpgrades.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WorkflowVersions versions;

    ShippedWorkflowUpgrades(WorkflowVersions versions) {
        this.versions = versions;
    }

    @Override
    public void run(ApplicationArguments args) {
        upgrade(WorkflowCatalog.shipped("workflows"));
    }

    /**
     * Publishes each of {@code files} (file name → JSON) whose stored workflow differs from it and was only ever
     * published by the platform; returns the ids published.
     */
    List<String> upgrade(Map<String, String> files) {
        List<String> upgraded = new ArrayList<>();
        files.forEach((file, json) -> {
            Optional<String> id = WorkflowCatalog.idOf(json);
            Optional<WorkflowVersion> published = id.flatMap(versions::published);
            if (published.isEmpty() || sameDefinition(published.get().json(), json)) {
                return;
            }
            if (versions.history(id.get()).stream().anyMatch(v -> !PLATFORM.equals(v.author()))) {
                log.info("Workflow {} was published by an administrator; the newer shipped {} is not applied "
                        + "(publish its content in the workflow editor to take it over)", id.get(), file);
                return;
            }
            try {
                WorkflowVersion version = versions.publish(Actor.system(PLATFORM), json, Map.of(),
                        "随附定义更新 " + file);
                upgraded.add(id.get());
                log.info("Workflow {} upgraded to version {} from the shipped {}", id.get(), version.number(), file);
            } catch (WorkflowException e) {
                log.warn("The shipped {} does not read against this database's forms and was not applied:\n{}", file,
                        e.describe(Locale.ENGLISH));
            } catch (PublishRefusedException e) {
                log.warn("The shipped {} was not applied: {}", file, e.text().en());
            }
        });
        return upgraded;
    }

    private static boolean sameDefinition(String stored, String shipped) {
        try {
            return JSON.readTree(stored).equals(JSON.readTree(shipped));
        } catch (JacksonException e) {
            return stored.equals(shipped);
        }
    }
}
