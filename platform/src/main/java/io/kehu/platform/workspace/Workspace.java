package io.kehu.platform.workspace;

import com.vaadin.flow.component.Component;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.i18n.Messages;
import io.kehu.platform.records.BulkRecords;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.workspace.ui.WorkspaceBoard;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/** The workspace home: reads a user's {@link WorkspaceData} with their permissions and lays out the boxes. */
@Service
public class Workspace {

    private final Records records;
    private final BulkRecords bulk;
    private final FormCatalog catalog;
    private final UserAccounts accounts;
    private final Messages messages;

    Workspace(Records records, BulkRecords bulk, FormCatalog catalog, UserAccounts accounts, Messages messages) {
        this.records = records;
        this.bulk = bulk;
        this.catalog = catalog;
        this.accounts = accounts;
        this.messages = messages;
    }

    /** What {@code actor}'s home shows on {@code today} (in {@code zone}). */
    public WorkspaceData read(Actor actor, Locale locale, ZoneId zone, LocalDate today) {
        return new WorkspaceQueries(records, bulk, catalog, actor, locale, zone,
                key -> messages.getTranslation(key, locale)).read(today);
    }

    /**
     * How many complaints {@code actor} may see are in a status that is not finished: the workspace's figure without
     * reading the rest of it (the administrators' start page shows it above the workspace).
     */
    public long openComplaints(Actor actor, Locale locale, ZoneId zone) {
        return new WorkspaceQueries(records, bulk, catalog, actor, locale, zone,
                key -> messages.getTranslation(key, locale)).openComplaints();
    }

    /**
     * The home page's boxes for the signed-in account {@code username}, followed by {@code pluginCards} in the same
     * responsive grid.
     */
    public Component board(String username, Locale locale, ZoneId zone, List<Component> pluginCards) {
        Actor actor = Actor.of(accounts.findByUsername(username)
                .orElseThrow(() -> new IllegalStateException("No account " + username)));
        return new WorkspaceBoard(read(actor, locale, zone, LocalDate.now(zone)), pluginCards, locale, zone);
    }
}
