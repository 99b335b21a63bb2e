package io.kehu.platform.views;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.i18n.Languages;
import io.kehu.platform.i18n.Messages;
import io.kehu.platform.records.Record;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Karibu tests of names instead of codes: who changed a record (display names, the platform's writers in words), and
 * a refused duplicate phone number that leads to the record holding it, only when the user may see that record.
 */
class NamesAndDuplicatesTest extends ScreensTest {

    @Autowired
    Messages messages;

    @Test
    void changesArePutInPeoplesAndWritersNamesNotLoginNamesOrCodes() {
        UserDirectory users = new UserDirectory(accounts);
        java.util.function.Function<String, String> zh = key -> messages.getTranslation(key, Languages.CHINESE);
        java.util.function.Function<String, String> en = key -> messages.getTranslation(key, Locale.ENGLISH);

        assertThat(ActorName.of(staff.userId(), "staff", users, zh)).isEqualTo("李强 Li Qiang");
        assertThat(ActorName.of(null, "demo-data", users, zh)).isEqualTo("演示数据");
        assertThat(ActorName.of(null, "plugin:tiering", users, zh)).isEqualTo("分级插件");
        assertThat(ActorName.of(null, "plugin:tiering for staff", users, zh)).isEqualTo("分级插件（代 李强 Li Qiang）");
        assertThat(ActorName.of(null, "plugin:loyalty", users, zh)).isEqualTo("插件“loyalty”");
        assertThat(ActorName.of(null, "nightly-import", users, zh)).isEqualTo("系统");
        assertThat(ActorName.of(null, "plugin:tiering for staff", users, en))
                .isEqualTo("Tiering plugin (for 李强 Li Qiang)");
    }

    @Test
    void aDuplicatePhoneLinksToTheCustomerWhoHasItWhenTheUserMaySeeIt() {
        Record mine = ScreensFixture.customer(records, staff, ScreensFixture.token() + " 有号码", "east_china");
        Record theirs = ScreensFixture.customer(records, manager, ScreensFixture.token() + " 别人的", "east_china");

        signIn("staff");
        UI.getCurrent().setLocale(Languages.CHINESE);
        UI.getCurrent().navigate("forms/customer/new");
        _setValue(_get(TextField.class, spec -> spec.withId("field-name")), ScreensFixture.token() + " 新");
        _setValue(_get(TextField.class, spec -> spec.withId("field-phone")), (String) mine.get("phone"));
        _click(_get(Button.class, spec -> spec.withId("record-save")));

        Anchor link = _get(Anchor.class, spec -> spec.withId("duplicate-holder-phone"));
        assertThat(link.getText()).isEqualTo(mine.get("name"));
        assertThat(link.getHref()).isEqualTo("forms/customer/" + mine.id());
        assertThat(_get(DuplicateHolders.class).getElement().getTextRecursively()).startsWith("已有记录使用了这个电话：");

        _setValue(_get(TextField.class, spec -> spec.withId("field-phone")), (String) theirs.get("phone"));
        _click(_get(Button.class, spec -> spec.withId("record-save")));
        assertThat(_get(DuplicateHolders.class).getElement().getTextRecursively())
                .as("a colleague's customer is not named").isEqualTo("这个电话已被一位同事负责的记录使用，请联系经理。");
    }
}
