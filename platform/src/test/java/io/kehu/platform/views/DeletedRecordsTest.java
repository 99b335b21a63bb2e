package io.kehu.platform.views;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.RouterLinkKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import io.kehu.platform.records.AuditAction;
import io.kehu.platform.records.Record;
import io.kehu.platform.security.Actor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Karibu tests of the deleted records of a form (the recycle bin the delete confirmation promises): administrators
 * see who deleted what and when and restore it; nobody else reaches the list, not even by its URL.
 */
class DeletedRecordsTest extends ScreensTest {

    @Test
    void anAdministratorFindsADeletedCustomerWithWhoDeletedItAndRestoresIt() {
        Actor admin = ScreensFixture.actor(accounts, "admin");
        String token = ScreensFixture.token();
        Record gone = ScreensFixture.customer(records, manager, token + " Gone", "east_china");
        ScreensFixture.customer(records, manager, token + " Kept", "east_china");
        records.delete(manager, "customer", gone.id(), gone.rowVersion());

        signIn("admin");
        UI.getCurrent().navigate("forms/customer");
        search(token);
        assertThat(names(grid())).as("the live list").containsExactly(token + " Kept");

        RouterLinkKt._click(_get(RouterLink.class, spec -> spec.withId("deleted-records")));
        assertThat(_get(H2.class, spec -> spec.withId("list-title")).getText()).endsWith("Deleted records");
        assertThat(_get(TextField.class, spec -> spec.withId("quick-search")).getValue())
                .as("a new list starts without the old search").isEmpty();
        search(token);
        Grid<Record> bin = grid();
        List<Record> rows = GridKt._fetch(bin, 0, 100);
        assertThat(rows).extracting(r -> r.get("name")).containsExactly(token + " Gone");
        assertThat(GridKt._getFormattedRow(bin, 0)).contains(new UserDirectory(accounts).name(manager.userId()));
        assertThat(bin.getColumns().getFirst().getKey()).as("when it was deleted comes first").isEqualTo("deleted_at");
        assertThat(_find(Button.class, spec -> spec.withId("new-record"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("bulk-delete"))).isEmpty();
        String csv = new String(DownloadKt._download(_get(Anchor.class, spec -> spec.withId("export-csv"))),
                StandardCharsets.UTF_8);
        assertThat(csv).as("the export is of the deleted records").contains(token + " Gone")
                .doesNotContain(token + " Kept");

        rows.forEach(bin::select);
        _click(_get(Button.class, spec -> spec.withId("bulk-restore")));
        NotificationsKt.expectNotifications("1 of 1 records changed");
        assertThat(names(bin)).as("restored records leave the bin").isEmpty();
        assertThat(records.get(manager, "customer", gone.id())).as("back for its owner").isPresent();
        assertThat(records.history(admin, "customer", gone.id())).extracting(e -> e.action())
                .contains(AuditAction.DELETE, AuditAction.RESTORE);

        RouterLinkKt._click(_get(RouterLink.class, spec -> spec.withId("deleted-records")));
        search(token);
        assertThat(names(grid())).as("back in the live list").containsExactlyInAnyOrder(token + " Gone",
                token + " Kept");
    }

    @Test
    void aManagerHasNoDeletedRecordsLinkAndTheUrlShowsOnlyLiveRecords() {
        String token = ScreensFixture.token();
        Record gone = ScreensFixture.customer(records, manager, token + " Gone", "east_china");
        ScreensFixture.customer(records, manager, token + " Kept", "east_china");
        records.delete(manager, "customer", gone.id(), gone.rowVersion());

        signIn("manager");
        UI.getCurrent().navigate("forms/customer", QueryParameters.of(RecordListView.DELETED, ""));
        assertThat(_find(RouterLink.class, spec -> spec.withId("deleted-records"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("bulk-restore"))).isEmpty();
        search(token);
        assertThat(names(grid())).containsExactly(token + " Kept");
    }
}
