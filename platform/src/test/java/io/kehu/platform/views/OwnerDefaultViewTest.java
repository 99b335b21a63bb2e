package io.kehu.platform.views;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.i18n.Languages;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.security.UserAccount;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Karibu tests of the owner of a new record: it starts as its creator, and saving one without an owner (which hides it
 * from every STAFF user) is asked about first.
 */
class OwnerDefaultViewTest extends ScreensTest {

    @Test
    void aNewCustomerStartsOwnedByItsCreator() {
        signIn("manager");
        UI.getCurrent().navigate("forms/customer/new");
        assertThat(owner().getValue().username()).isEqualTo("manager");

        String name = ScreensFixture.token() + " 自有";
        fill(name);
        _click(_get(Button.class, spec -> spec.withId("record-save")));
        assertThat(_find(ConfirmDialog.class)).as("an owned record needs no question").isEmpty();
        assertThat(saved(name).get("account_manager")).isEqualTo(manager.userId());
    }

    @Test
    void savingWithoutAnOwnerAsksFirstInChineseAndSavesOnlyWhenConfirmed() {
        signIn("manager");
        UI.getCurrent().setLocale(Languages.CHINESE);
        UI.getCurrent().navigate("forms/customer/new");
        String name = ScreensFixture.token() + " 无主";
        fill(name);
        owner().clear();
        _click(_get(Button.class, spec -> spec.withId("record-save")));

        ConfirmDialog question = _get(ConfirmDialog.class, spec -> spec.withId("owner-empty-dialog"));
        assertThat(ConfirmDialogKt.getText(question)).contains("保存后只有管理员和经理能看到它");
        assertThat(ConfirmDialogKt.getHeader(question)).isEqualTo("未指定客户经理");
        assertThat(records.query(manager, RecordQuery.of("customer").search(name))).as("not saved yet").isEmpty();

        ConfirmDialogKt._fireConfirm(question);
        assertThat(saved(name).get("account_manager")).isNull();
    }

    @Test
    void staffAreNeverAskedSinceTheyAlwaysOwnWhatTheyCreate() {
        signIn("staff");
        UI.getCurrent().navigate("forms/customer/new");
        String name = ScreensFixture.token() + " 业务员";
        fill(name);
        _click(_get(Button.class, spec -> spec.withId("record-save")));
        assertThat(_find(ConfirmDialog.class)).isEmpty();
        assertThat(saved(name).get("account_manager")).isEqualTo(staff.userId());
    }

    private Record saved(String name) {
        List<Record> found = records.query(manager, RecordQuery.of("customer").search(name));
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    private static void fill(String name) {
        _setValue(_get(TextField.class, spec -> spec.withId("field-name")), name);
        _setValue(_get(TextField.class, spec -> spec.withId("field-phone")), ScreensFixture.phone());
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<UserAccount> owner() {
        return _get(ComboBox.class, spec -> spec.withId("field-account_manager"));
    }
}
