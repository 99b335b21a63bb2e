package io.kehu.platform.forms;

import java.util.List;

/**
 * Spring event sent after a publish (or rollback) committed: the forms' tables and the catalog now hold the new
 * versions. Listeners that keep something derived from the definitions (e.g. search indexes) refresh on it.
 *
 * @param formIds the forms that got a new version
 */
public record FormsPublished(List<String> formIds) {

    public FormsPublished {
        formIds = List.copyOf(formIds);
    }
}
