package io.kehu.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.support.HttpBrowser;
import io.kehu.platform.support.KehuServerTest;
import io.kehu.platform.support.TestAccounts;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The real server (production-mode Vaadin, Spring Security filters) answers a signed-in browser's request for an
 * unknown address with 404 and for a page its roles do not open with 403 (not Vaadin's production default of
 * "not found"), each time with the localized in-app page: menu, heading, text and the way back home.
 */
@KehuServerTest
class ErrorStatusOverHttpTest {

    @LocalServerPort
    int port;

    private HttpBrowser chineseBrowser;

    @BeforeEach
    void signInAsStaff() throws Exception {
        chineseBrowser = new HttpBrowser(port, "zh-CN,zh;q=0.9");
        chineseBrowser.signIn("staff", TestAccounts.DEMO_PASSWORD);
    }

    @Test
    void anUnknownAddressIs404WithTheInAppPageNotFound() throws Exception {
        HttpResponse<String> page = chineseBrowser.get("/no-such-page");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).as("the app's page, which draws 页面不存在 in the browser (ErrorPagesTest)")
                .contains("VAADIN/");
    }

    @Test
    void staffOnAnAdminAddressIs403WithTheInAppNoAccessPage() throws Exception {
        HttpResponse<String> page = chineseBrowser.get("/admin/forms");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).as("the app's page, which draws 无权访问 in the browser (ErrorPagesTest)")
                .contains("VAADIN/");
    }

    @Test
    void aKnownAddressStays200() throws Exception {
        HttpResponse<String> home = chineseBrowser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("VAADIN/");
    }
}
