package io.kehu.plugins.visits;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.kehu.plugins.visits.BookingScenarios.at;
import static io.kehu.plugins.visits.BookingScenarios.book;
import static io.kehu.plugins.visits.BookingScenarios.customer;
import static io.kehu.plugins.visits.BookingScenarios.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.select.Select;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import io.kehu.sdk.users.UserInfo;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The booking form's exact time: the person's free half hours in the customer's window, shown with it (Karibu). */
@KehuPluginTest
class BookingTimeTest {

    private static String text(String id) {
        return _get(Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFormOffersTheVisitorsFreeHalfHoursInTheWindowAndBooksThePickedOne(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        long manager = user(context, "manager");
        long customer = customer(context, "定时预约客户", null);
        LocalDate day = BookingScenarios.freshDay();
        book(context, customer, "inspection", manager, at(day, 14, 0)); // 45 minutes: 14:00–14:45
        try (KehuUi ui = kehu.ui("manager", Locale.SIMPLIFIED_CHINESE)) {
            ui.navigate("apps/service-visit/" + ReviewView.PATH);
            Select<OffsetDateTime> time = _get(Select.class, spec -> spec.withId("book-time"));
            assertThat(time.getHelperText()).isEqualTo("先选择类型和日期");
            _get(ComboBox.class, spec -> spec.withId("book-customer"))
                    .setValue(context.records().get("customer", customer).orElseThrow());
            Select<RecordData> type = _get(Select.class, spec -> spec.withId("book-type"));
            type.setValue(type.getListDataView().getItems().filter(t -> "repair".equals(t.get("kind"))).findFirst()
                    .orElseThrow()); // 90 minutes
            Select<UserInfo> visitor = _get(Select.class, spec -> spec.withId("book-visitor"));
            visitor.setValue(visitor.getListDataView().getItems().filter(u -> u.id() == manager).findFirst()
                    .orElseThrow());
            _get(DatePicker.class, spec -> spec.withId("book-day")).setValue(day);
            // the plugin's own enum (its class loader), found by name
            Select<Object> window = _get(Select.class, spec -> spec.withId("book-window"));
            window.setValue(window.getListDataView().getItems().filter(w -> w.toString().equals("AFTERNOON"))
                    .findFirst().orElseThrow());

            // 13:30–17:30 with 14:00–14:45 taken: 90 minutes fit from 15:00, 15:30 and 16:00
            assertThat(time.getListDataView().getItems().map(s -> time.getItemLabelGenerator().apply(s)))
                    .containsExactly("15:00–16:30", "15:30–17:00", "16:00–17:30");
            assertThat(time.getHelperText()).isEqualTo("客户希望时段：下午（13:30–17:30）；共 3 个空闲时间（每半小时）");
            time.setValue(time.getListDataView().getItems().toList().get(1));
            _click(_get(Button.class, spec -> spec.withId("book-submit")));
            assertThat(text("book-outcome")).startsWith("已预约：维修 · 定时预约客户").contains(day + " 15:30–17:00");
            // taken now: the afternoon has no room left for 90 minutes
            assertThat(time.getListDataView().getItems()).isEmpty();
            assertThat(time.getHelperText()).isEqualTo("客户希望时段：下午（13:30–17:30）；该人员这一天在此时段没有空闲时间");
        }
    }
}
