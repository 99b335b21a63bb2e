package io.kehu.platform.views;

import io.kehu.platform.support.KaribuSession;
import io.kehu.platform.support.KehuTest;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccounts;
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
}
