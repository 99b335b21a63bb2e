package io.kehu.platform.dedupe;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.KaribuSession;
import io.kehu.platform.support.KehuTest;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The duplicate finder in Chinese (Karibu): the list's 查找重复 button for a manager only, a group with its reason,
 * the merge dialog choosing the e-mail, the merge moving an interaction, and its undo.
 */
@KehuTest
class DuplicatesViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Records records;
    @Autowired
    FormCatalog forms;
    @Autowired
    FormPublisher publisher;

    @BeforeEach
    void forms() {
        if (forms.published("customer").isEmpty()) {
            publisher.publishAll(new DefinitionReader().readFolder(Path.of("../form-definitions")), "test",
                    "duplicates view test");
        }
    }

    @AfterEach
    void signOut() {
        KaribuSession.signOut();
    }

    @Test
    void managerFindsMergesAndUndoesInChinese() {
        Actor admin = Actor.of(accounts.findByUsername("admin").orElseThrow());
        String tag = "界面" + System.nanoTime() % 100_000_000;
        String phone = "136" + String.format("%08d", System.nanoTime() % 100_000_000);
        long a = records.create(admin, "customer", Map.of("name", tag + "海曙文具有限公司", "customer_type", "company",
                "phone", phone)).id();
        long b = records.create(admin, "customer", Map.of("name", tag + "海曙文具", "customer_type", "company",
                "phone", "+86 " + phone, "email", "x" + phone + "@haishu.cn")).id();
        long interaction = records.create(admin, "interaction", Map.of("customer", b, "channel", "phone",
                "occurred_at", OffsetDateTime.now(), "summary", "询价")).id();

        KaribuSession.signIn(context, accounts, "staff");
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("forms/customer");
        assertThat(_find(Button.class, spec -> spec.withId("find-duplicates"))).as("not for staff").isEmpty();
        KaribuSession.signOut();

        KaribuSession.signIn(context, accounts, "manager");
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("forms/customer");
        Button find = _get(Button.class, spec -> spec.withId("find-duplicates"));
        assertThat(find.getText()).isEqualTo("查找重复");
        _click(find);
        assertThat(_get(H2.class, spec -> spec.withId("duplicates-title")).getText()).isEqualTo("重复的客户");
        Div card = _find(Div.class, spec -> spec.withClasses("duplicate-group")).stream()
                .filter(d -> d.getElement().getTextRecursively().contains(tag)).findFirst().orElseThrow();
        assertThat(card.getElement().getTextRecursively()).contains("同一手机号；名称相似度 100%")
                .contains(tag + "海曙文具有限公司 · " + phone);
        _click(_get(card, Button.class, spec -> spec.withClasses("duplicate-merge")));

        @SuppressWarnings("unchecked")
        RadioButtonGroup<io.kehu.platform.records.Record> email = _get(RadioButtonGroup.class,
                spec -> spec.withId("merge-field-email"));
        assertThat(email.getValue().id()).as("the survivor has none: the other's e-mail").isEqualTo(b);
        _click(_get(Button.class, spec -> spec.withId("merge-confirm")));

        assertThat(records.get(admin, "customer", b)).isEmpty();
        assertThat(records.get(admin, "customer", a).orElseThrow().get("email")).isEqualTo("x" + phone
                + "@haishu.cn");
        assertThat(records.get(admin, "interaction", interaction).orElseThrow().get("customer")).isEqualTo(a);
        assertThat(_find(Anchor.class).stream().map(Anchor::getText)).noneMatch(t -> t.startsWith(tag + "海曙文具 "));

        _click(_get(Button.class, spec -> spec.withId("merge-undo")));
        assertThat(records.get(admin, "customer", b)).isPresent();
        assertThat(records.get(admin, "interaction", interaction).orElseThrow().get("customer")).isEqualTo(b);
        assertThat(records.get(admin, "customer", a).orElseThrow().get("email")).isNull();
    }
}
