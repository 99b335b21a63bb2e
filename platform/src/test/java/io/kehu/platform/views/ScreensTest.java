package io.kehu.platform.views;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.KaribuSession;
import io.kehu.platform.support.KehuTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * What the Karibu view tests of the end-user screens share: the screens' Spring context, the shipped forms
 * published, a STAFF and a MANAGER actor for writing fixtures, and no signed-in Karibu session left behind.
 */
@KehuTest
@TestPropertySource(properties = "kehu.test.context=screens")
abstract class ScreensTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Records records;
    @Autowired
    FormCatalog catalog;
    @Autowired
    FormPublisher publisher;

    Actor staff;
    Actor manager;

    @BeforeEach
    void publishFormsAndFindActors() {
        ScreensFixture.publishForms(catalog, publisher);
        staff = ScreensFixture.actor(accounts, "staff");
        manager = ScreensFixture.actor(accounts, "manager");
    }

    @AfterEach
    void signOut() {
        KaribuSession.signOut();
    }

    /** A Karibu session signed in as {@code username} (a demo account). */
    void signIn(String username) {
        KaribuSession.signIn(context, accounts, username);
    }

    /** Types {@code text} into the list view's quick search. */
    static void search(String text) {
        _setValue(_get(TextField.class, spec -> spec.withId("quick-search")), text);
    }

    /** The list view's grid. */
    @SuppressWarnings("unchecked")
    static Grid<Record> grid() {
        return _get(Grid.class, spec -> spec.withId("record-grid"));
    }

    /** The {@code name} of every row the grid's data provider gives (first 100). */
    static List<Object> names(Grid<Record> grid) {
        return GridKt._fetch(grid, 0, 100).stream().map(r -> r.get("name")).toList();
    }
}
