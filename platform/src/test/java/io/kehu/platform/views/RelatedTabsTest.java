package io.kehu.platform.views;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.records.Record;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A form that points at the customer twice (a referral: who recommended, who was recommended) gives the customer
 * record one tab per reference, each named after its field and with its own ids, and each lists only the records
 * where the customer is on that side (UX walk: the record showed two identical 客户推荐 tabs).
 */
class RelatedTabsTest extends ScreensTest {

    @Autowired
    DefinitionReader reader;

    @Test
    void aFormReferencingTheCustomerTwiceGetsOneNamedTabPerReference() {
        String formId = "referral" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        publisher.publishAll(List.of(reader.read(formId + ".json", """
            {"id": "%s", "label": {"zh": "客户推荐", "en": "Referral"}, "titleField": "note",
             "fields": [
               {"id": "referrer", "type": "reference", "form": "customer", "showInList": true,
                "label": {"zh": "推荐人", "en": "Referred by"}},
               {"id": "referred", "type": "reference", "form": "customer", "showInList": true,
                "label": {"zh": "被推荐客户", "en": "Referred customer"}},
               {"id": "note", "type": "text", "showInList": true, "label": {"zh": "备注", "en": "Note"}}
             ]}
            """.formatted(formId), java.util.Set.of("customer"))), "admin", null);
        String token = ScreensFixture.token();
        Record ann = ScreensFixture.customer(records, staff, "推荐人" + token, "east_china");
        Record bob = ScreensFixture.customer(records, staff, "新客户" + token, "east_china");
        records.create(staff, formId, Map.of("referrer", ann.id(), "referred", bob.id(), "note", "朋友介绍"));

        signIn("staff");
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("forms/customer/" + ann.id());

        List<Tab> tabs = _find(Tab.class);
        List<String> ids = tabs.stream().map(t -> t.getId().orElse("")).toList();
        assertThat(ids).doesNotHaveDuplicates();
        Tab asReferrer = _get(Tab.class, spec -> spec.withId("related-" + formId + "-referrer"));
        Tab asReferred = _get(Tab.class, spec -> spec.withId("related-" + formId + "-referred"));
        assertThat(asReferrer.getLabel()).isEqualTo("客户推荐（推荐人）");
        assertThat(asReferred.getLabel()).isEqualTo("客户推荐（被推荐客户）");
        assertThat(tabs.stream().map(Tab::getLabel).filter(l -> l.startsWith("客户推荐")).toList()).hasSize(2);

        // Ann recommended Bob: the 推荐人 tab lists the referral (with Bob as the other side), the other is empty
        _get(TabSheet.class).setSelectedTab(asReferrer);
        Grid<?> referrals = _get(Grid.class, spec -> spec.withId("related-grid-" + formId + "-referrer"));
        assertThat(GridKt._size(referrals)).isEqualTo(1);
        assertThat(String.join(" | ", GridKt._getFormattedRow(referrals, 0))).contains("新客户" + token)
                .contains("朋友介绍");
        _get(TabSheet.class).setSelectedTab(asReferred);
        Grid<?> referredBy = _get(Grid.class, spec -> spec.withId("related-grid-" + formId + "-referred"));
        assertThat(GridKt._size(referredBy)).isZero();
    }
}
