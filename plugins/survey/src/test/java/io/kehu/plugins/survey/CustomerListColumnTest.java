package io.kehu.plugins.survey;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The plugin's columns on the platform's customer list (the real plugin jar, answers submitted through the
 * plugin; Karibu, H2, zh-CN): 最近推荐意愿 and 最近总体满意度 of the most recent response, not the first one's;
 * 满意率 CSAT and 净推荐值 NPS as stored in {@code survey_customer} with each response; a filter "推荐意愿 ≤ 6" that
 * finds the detractor.
 */
@KehuPluginTest
class CustomerListColumnTest {

    @Test
    void theCustomerListShowsAndFiltersTheLatestAnswer(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        SurveyStoreContract.survey(context, "listcol");
        String token = "满意度列" + System.nanoTime() % 1_000_000;
        long promoter = SurveyStoreContract.customer(context, token + "推荐者");
        long detractor = SurveyStoreContract.customer(context, token + "贬损者");
        answer(kehu, promoter, Map.of("quality", 2, "service", 3, "recommend", 3));
        answer(kehu, promoter, Map.of("quality", 5, "service", 10, "recommend", 9)); // the latest counts
        answer(kehu, detractor, Map.of("quality", 1, "service", 2, "recommend", 4));
        BigDecimal overall = overallOf(kehu, promoter);
        // the customer's current figures are stored with each response, equal to what rules compute
        ScoreSummary current = new SurveyFunctions.Satisfaction(context).current(promoter);
        RecordData stored = context.records().search(SurveyForms.CUSTOMER_FIGURES)
                .where("customer", FilterOperator.EQUALS, promoter).list().getFirst();
        assertThat(stored.get("responses")).isEqualTo(2L);
        assertThat((BigDecimal) stored.get("csat")).isEqualByComparingTo(current.csat());
        assertThat((BigDecimal) stored.get("nps")).isEqualByComparingTo(current.nps());

        try (KehuUi ui = kehu.ui("manager", Locale.SIMPLIFIED_CHINESE)) {
            ui.navigate("forms/customer");
            _setValue(_get(TextField.class, spec -> spec.withId("quick-search")), token);
            Grid<Object> grid = grid();
            assertThat(grid.getColumnByKey("survey_nps")).isNotNull();
            assertThat(rows(grid)).contains(token + "推荐者 9").contains(token + "贬损者 4");
            int row = IntStream.range(0, GridKt._size(grid))
                    .filter(i -> GridKt._getFormatted(grid, i, "name").equals(token + "推荐者")).findFirst()
                    .orElseThrow();
            String shown = GridKt._getFormatted(grid, row, "survey_overall");
            if (overall == null) {
                assertThat(shown).isEmpty();
            } else { // shown with one decimal at most
                assertThat(new BigDecimal(shown.replace(",", ""))).isEqualByComparingTo(overall.setScale(1,
                        java.math.RoundingMode.HALF_UP));
            }

            String csat = GridKt._getFormatted(grid, row, "survey_csat");
            assertThat(new BigDecimal(csat.replace("%", "").replace(",", "").strip()))
                    .isEqualByComparingTo(current.csat().setScale(0, java.math.RoundingMode.HALF_UP));
            assertThat(new BigDecimal(GridKt._getFormatted(grid, row, "survey_nps_score").replace(",", "")
                    .replace("−", "-"))).isEqualByComparingTo(current.nps().setScale(1,
                    java.math.RoundingMode.HALF_UP));

            ComboBox<Object> add = filterPicker();
            Object byNps = add.getListDataView().getItems()
                    .filter(f -> "最近推荐意愿".equals(add.getItemLabelGenerator().apply(f))).findFirst()
                    .orElseThrow();
            _setValue(add, byNps);
            _setValue(_get(BigDecimalField.class, spec -> spec.withId("filter-survey_nps-to")), new BigDecimal("6"));
            assertThat(rows(grid)).containsExactly(token + "贬损者 4");
        }
    }

    private static void answer(KehuTestHost kehu, long customer, Map<String, ?> answers) {
        new SurveyService(kehu.context()).submit(new Submission("listcol", customer, "2026 年度回访", null, null,
                "phone", "staff", answers, null), kehu.context().records());
    }

    /** The latest response's overall rating, or null. */
    private static BigDecimal overallOf(KehuTestHost kehu, long customer) {
        List<RecordData> responses = kehu.context().records().search(SurveyForms.RESPONSE)
                .where("customer", FilterOperator.EQUALS, customer).list();
        RecordData latest = responses.stream().max(java.util.Comparator.comparing(r -> r.id())).orElseThrow();
        Object value = latest.get("score_overall");
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static List<String> rows(Grid<Object> grid) {
        return IntStream.range(0, Math.min(GridKt._size(grid), 100)).mapToObj(i -> GridKt._getFormatted(grid, i,
                "name") + " " + GridKt._getFormatted(grid, i, "survey_nps")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Grid<Object> grid() {
        return _get(Grid.class, spec -> spec.withId("record-grid"));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<Object> filterPicker() {
        return _get(ComboBox.class, spec -> spec.withId("filter-add"));
    }
}
