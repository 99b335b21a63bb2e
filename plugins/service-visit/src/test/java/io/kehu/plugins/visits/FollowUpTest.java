package io.kehu.plugins.visits;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.kehu.plugins.visits.BookingScenarios.at;
import static io.kehu.plugins.visits.BookingScenarios.bookFree;
import static io.kehu.plugins.visits.BookingScenarios.customer;
import static io.kehu.plugins.visits.BookingScenarios.freshDay;
import static io.kehu.plugins.visits.BookingScenarios.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A partially completed visit carries its open items into a follow-up visit (testkit, H2; the phone's button). */
@KehuPluginTest
class FollowUpTest {

    /** Signed off with the first work line a problem (with its note) and the optional work lines left open. */
    private static RecordData partlyDone(KehuTestHost kehu, String name) {
        PluginContext context = kehu.context();
        RecordData visit = bookFree(context, customer(context, name, null), "repair", user(context, "staff"), 9, 0);
        VisitService service = new VisitService(context);
        return kehu.callAsUser("staff", () -> {
            service.move(service.visit(visit.id()), VisitSteps.CONFIRM);
            service.move(service.visit(visit.id()), VisitSteps.CHECK_IN);
            List<RecordData> checks = service.checks(visit.id());
            for (RecordData check : checks) {
                boolean first = check.equals(checks.getFirst());
                if (first) {
                    service.answer(check, "problem", "配件缺货，需再次上门");
                } else if (Boolean.TRUE.equals(check.get("required"))) {
                    service.answer(check, "not_needed", null);
                }
            }
            return service.signOff(service.visit(visit.id()), "郑先生", "M3,3 L40,40");
        });
    }

    @Test
    void theOpenItemsAndLastTimesNoteGoIntoTheFollowUpOnce(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        RecordData done = partlyDone(kehu, "后续客户");
        List<RecordData> open = VisitPlanner.openItems(context, done.id());
        assertThat(open).isNotEmpty().allMatch(c -> c.get("result") == null || "problem".equals(c.get("result")));
        VisitPlanner planner = new VisitPlanner(context, context.records());
        RecordData next = planner.followUp(done.id(), user(context, "staff"), at(freshDay(), 14, 0));
        assertThat(next.get("origin")).isEqualTo("follow_up");
        assertThat(next.get("follow_up_of")).isEqualTo(done.id());
        assertThat(next.get("customer")).isEqualTo(done.get("customer"));
        assertThat((String) next.get("subject")).startsWith("后续上门 · ");
        List<RecordData> carried = new VisitService(context).checks(next.id());
        assertThat(carried.stream().filter(c -> "work".equals(c.get("list_kind"))).toList()).hasSize(open.size())
                .allMatch(c -> c.get("result") == null)
                .anyMatch(c -> c.get("item").toString().endsWith("（上次：配件缺货，需再次上门）"));
        assertThat(carried.stream().filter(c -> "closing".equals(c.get("list_kind"))).count())
                .isEqualTo(ShippedCatalog.CODE_OF_CONDUCT.size());
        // once only, and only for a signed-off visit
        assertThatThrownBy(() -> planner.followUp(done.id(), user(context, "staff"), at(freshDay(), 14, 0)))
                .isInstanceOfSatisfying(RecordException.class, e -> assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                        .isEqualTo("这次上门已有后续上门"));
        assertThatThrownBy(() -> planner.followUp(next.id(), user(context, "staff"), at(freshDay(), 14, 0)))
                .isInstanceOfSatisfying(RecordException.class, e -> assertThat(e.message(Locale.ENGLISH))
                        .isEqualTo("A follow-up is booked once the visit is signed off"));
    }

    @Test
    void thePhoneBooksTheFollowUpFromTheSignedVisit(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        RecordData done = partlyDone(kehu, "手机后续客户");
        try (KehuUi ui = kehu.ui("staff", Locale.SIMPLIFIED_CHINESE)) {
            Div screen = new Div();
            UI.getCurrent().add(screen);
            VisitScreen.show(context, screen, done.id());
            Button book = _get(Button.class, spec -> spec.withId("follow-up-book"));
            assertThat(book.getText()).startsWith("预约后续上门（带入 ").endsWith(" 项未完成事项）");
            _click(book);
            assertThat(_get(Component.class, spec -> spec.withId("follow-up-outcome")).getElement()
                    .getTextRecursively()).startsWith("已预约后续上门：");
        }
        assertThat(VisitPlanner.existingFollowUp(context, done.id())).isPresent();
    }
}
