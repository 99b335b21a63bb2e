package io.kehu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every supported database must give: a migrated schema, the first accounts, a served login page and a guarded
 * home page. Each database runs the same contract through a subclass.
 */
abstract class StartupContract {

    static final int DEMO_CUSTOMERS = 12;

    @LocalServerPort
    int port;
    @Autowired
    DSLContext dsl;
    @Autowired
    UserAccounts accounts;
    @Autowired
    FormCatalog catalog;
    @Autowired
    Records records;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void schemaIsMigratedByFlyway() {
        assertThat(dsl.fetchCount(DSL.table(DSL.name("flyway_schema_history")),
                DSL.field(DSL.name("success"), Boolean.class).isTrue())).isPositive();
        assertThat(dsl.meta().getTables("kehu_user")).isNotEmpty();
    }

    @Test
    void firstStartCreatedTheAdministratorAndDemoUsers() {
        assertThat(accounts.findAll()).extracting(UserAccount::username).containsExactly("admin", "manager", "staff");
        assertThat(accounts.findByUsername("admin").orElseThrow().hasRole(Role.ADMIN)).isTrue();
    }

    @Test
    void firstStartPublishedTheShippedForms() {
        assertThat(catalog.allPublished()).extracting(FormDefinition::id)
                .contains("customer", "contact_person", "interaction", "purchase", "feedback");
        assertThat(dsl.meta().getTables(FormTables.table("customer"))).isNotEmpty();
    }

    @Test
    void firstStartWroteDemoCustomersThroughTheRecordStore() {
        Actor manager = Actor.of(accounts.findByUsername("manager").orElseThrow());
        List<Record> customers = records.query(manager, RecordQuery.of("customer").limit(100));
        assertThat(customers).hasSize(DEMO_CUSTOMERS).allSatisfy(c -> assertThat(c.get("name")).isNotNull());
        assertThat(records.query(manager, RecordQuery.of("purchase").limit(1))).isNotEmpty();
        assertThat(records.query(manager, RecordQuery.of("interaction").limit(1))).isNotEmpty();
        assertThat(records.subtableRows(manager, "customer", customers.get(0).id(), "contacts")).isNotEmpty();
        assertThat(records.history(manager, "customer", customers.get(0).id())).isNotEmpty();
    }

    @Test
    void servesTheLoginPage() throws Exception {
        HttpResponse<String> login = get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("window.Vaadin");
    }

    @Test
    void servesAServiceWorkerThatOnlyRemovesItself() throws Exception {
        // Vaadin's offline worker re-fetched pages in the background and could sign a user out (ui.NoOfflineWorker).
        HttpResponse<String> worker = get("/sw.js");
        assertThat(worker.statusCode()).isEqualTo(200);
        assertThat(worker.body()).contains("unregister()").doesNotContain("precache").doesNotContain("fetch");
    }

    @Test
    void sendsStrangersFromHomeToLogin() throws Exception {
        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).get().asString().endsWith("/login");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
