package io.kehu.plugins.visits;

import static io.kehu.plugins.visits.BookingScenarios.at;
import static io.kehu.plugins.visits.BookingScenarios.book;
import static io.kehu.plugins.visits.BookingScenarios.customer;
import static io.kehu.plugins.visits.BookingScenarios.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.testkit.KehuBrowser;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * Rescheduling by drag in real Chromium (zh-CN): the visitor's week in the agenda, a visit card dragged with the
 * pointer onto the next day's column (Flow's free DragSource/DropTarget, HTML5 drag and drop) moves the visit to
 * that day at the same time, checked on the server under the visitor's lock.
 */
@KehuPluginTest
class AgendaDragJourneyTest {

    @Test
    void theVisitorDragsAVisitOntoAnotherDay(KehuTestHost kehu) throws Exception {
        PluginContext context = kehu.context();
        // next week (Monday first), so that the day it moves to is never in the past
        LocalDate day = LocalDate.now(Texts.ZONE).with(DayOfWeek.MONDAY).plusWeeks(1);
        LocalDate target = day.plusDays(2);
        RecordData visit = book(context, customer(context, "拖动改期客户", null), "inspection", user(context, "staff"),
                at(day, 19, 30));
        try (KehuBrowser browser = KehuBrowser.open(kehu, 1400, 900)) {
            Page page = browser.signIn("staff");
            page.navigate(kehu.baseUrl() + "/apps/service-visit/" + AgendaView.PATH);
            page.locator("#agenda-next").waitFor();
            page.locator("#agenda-next").click();
            page.locator("#agenda-day-" + day + " #agenda-visit-" + visit.id()).waitFor();
            page.locator("#agenda-visit-" + visit.id()).dragTo(page.locator("#agenda-day-" + target));
            page.locator("#agenda-day-" + target + " #agenda-visit-" + visit.id()).waitFor();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/visit-agenda-dragged.png")));
        }
        OffsetDateTime moved = (OffsetDateTime) context.records().get(VisitForms.VISIT, visit.id()).orElseThrow()
                .get("planned_start");
        assertThat(moved.toInstant()).isEqualTo(at(target, 19, 30).toInstant());
    }
}
