package io.kehu.plugins.visits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.workflows.StepInfo;
import io.kehu.sdk.workflows.WorkflowRefusedException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Booking scenarios run on H2 ({@link BookingH2Test}) and PostgreSQL ({@link BookingPostgresTest}). */
final class BookingScenarios {

    private static final AtomicInteger DAYS = new AtomicInteger(0);

    private BookingScenarios() {
    }

    /** A working day of its own per scenario (tests share one database), far enough ahead. */
    static LocalDate freshDay() {
        LocalDate day = LocalDate.now().plusDays(40L + DAYS.getAndIncrement() * 3L + (System.nanoTime() % 300) * 3);
        while (day.getDayOfWeek().getValue() >= 6) {
            day = day.plusDays(1);
        }
        return day;
    }

    static OffsetDateTime at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(Texts.ZONE).toOffsetDateTime();
    }

    static long customer(PluginContext context, String name, String level) {
        return context.records().create("customer", level == null
                ? Map.of("name", name, "phone", "138" + (10000000 + (System.nanoTime() % 89999999)),
                        "address", "上海市浦东新区世纪大道 100 号")
                : Map.of("name", name, "level", level, "phone", "137" + (10000000 + (System.nanoTime() % 89999999)),
                        "address", "上海市浦东新区世纪大道 100 号")).id();
    }

    static long type(PluginContext context, String kind) {
        return VisitCatalog.of(context).typeOfKind(kind).orElseThrow().id();
    }

    static long user(PluginContext context, String username) {
        return context.users().byUsername(username).orElseThrow().id();
    }

    static RecordData book(PluginContext context, long customer, String kind, Long visitor, OffsetDateTime start) {
        return new VisitPlanner(context, context.records())
                .book(new Booking(customer, type(context, kind), visitor, start, PreferredWindow.ANY, "manual"));
    }

    /**
     * A visit of {@code visitor} at {@code hour}:{@code minute} on a fresh day on which that person is free: the
     * test classes share one database and fresh days can meet, so a day on which the hour is taken is skipped.
     */
    static RecordData bookFree(PluginContext context, long customer, String kind, Long visitor, int hour,
            int minute) {
        for (int attempt = 0; ; attempt++) {
            try {
                return book(context, customer, kind, visitor, at(freshDay(), hour, minute));
            } catch (io.kehu.sdk.records.RecordException e) {
                if (e.reason() != io.kehu.sdk.records.RecordException.Reason.VETOED || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** The second visit of one person that overlaps the first is refused; next to it is fine. */
    static void overlapIsRefused(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        long customer = customer(context, "冲突客户", null);
        long staff = user(context, "staff");
        LocalDate day = freshDay();
        book(context, customer, "repair", staff, at(day, 9, 0)); // 90 minutes: until 10:30
        assertThatThrownBy(() -> book(context, customer, "inspection", staff, at(day, 10, 0)))
                .isInstanceOfSatisfying(RecordException.class,
                        e -> assertThat(e.reason()).isEqualTo(RecordException.Reason.VETOED))
                .hasMessageContaining("overlaps");
        assertThat(book(context, customer, "inspection", staff, at(day, 10, 30)).get("status")).isEqualTo("booked");
        // another person at the same hour is fine
        assertThat(book(context, customer, "inspection", user(context, "manager"), at(day, 9, 0))).isNotNull();
    }

    /** Eight bookings of one person for the same hour, at the same moment: exactly one is stored. */
    static void racingBookingsStoreOne(KehuTestHost kehu) throws Exception {
        PluginContext context = kehu.context();
        long customer = customer(context, "并发客户", null);
        long staff = user(context, "staff");
        LocalDate day = freshDay();
        OffsetDateTime start = at(day, 14, 0);
        int writers = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        book(context, customer, "inspection", staff, start);
                        return true;
                    } catch (RuntimeException refused) {
                        return false;
                    }
                }));
            }
            go.countDown();
            int stored = 0;
            for (Future<Boolean> r : results) {
                stored += r.get() ? 1 : 0;
            }
            assertThat(stored).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        List<RecordData> visits = context.records().search(VisitForms.VISIT)
                .where("visitor", FilterOperator.EQUALS, staff)
                .where("planned_start", FilterOperator.EQUALS, start).list();
        assertThat(visits).hasSize(1);
        // and its checklist came with it, once
        assertThat(context.records().search(VisitForms.CHECK)
                .where("visit", FilterOperator.EQUALS, visits.getFirst().id()).limit(100).list())
                .hasSize(2 + ShippedCatalog.CODE_OF_CONDUCT.size());
    }

    /**
     * The visit's workflow on this database: the visitor confirms, reschedules, confirms again, checks in and — once
     * every line is answered — the customer signs off; each step is in the history with who took it. Cancelling
     * needs its reason and frees the visitor's time for another booking.
     */
    static void workflowStepsAndHistory(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        long customer = customer(context, "流程上门客户", null);
        long staff = user(context, "staff");
        LocalDate day = freshDay();
        RecordData visit = book(context, customer, "inspection", staff, at(day, 9, 0));
        for (String step : List.of(VisitSteps.CONFIRM, VisitSteps.RESCHEDULE, VisitSteps.CONFIRM,
                VisitSteps.CHECK_IN)) {
            kehu.callAsUser("staff", () -> {
                VisitService service = new VisitService(context);
                return service.move(service.visit(visit.id()), step);
            });
        }
        for (RecordData check : context.records().search(VisitForms.CHECK)
                .where("visit", FilterOperator.EQUALS, visit.id()).limit(100).list()) {
            context.records().update(VisitForms.CHECK, check.id(), check.rowVersion(), Map.of("result", "done"));
        }
        // a photo is kept in this database (bytea / binary) and counted on its line
        RecordData line = context.records().search(VisitForms.CHECK).where("visit", FilterOperator.EQUALS, visit.id())
                .limit(1).list().getFirst();
        RecordData counted = kehu.callAsUser("staff", () -> new VisitService(context).addPhoto(line, "meter.jpg",
                Photos.jpeg(800, 600)));
        assertThat(counted.get("photos")).isEqualTo(1L);
        long photo = context.files().list(VisitService.photoKey(line.id())).getFirst().id();
        assertThat(context.files().content(photo).orElseThrow()).startsWith((byte) 0xff, (byte) 0xd8);
        RecordData signed = kehu.callAsUser("staff", () -> {
            VisitService service = new VisitService(context);
            return service.signOff(service.visit(visit.id()), "李女士", "M5,5 L40,40");
        });
        assertThat(signed.get("status")).isEqualTo("signed_off");
        assertThat(signed.get("checked_out_at")).isNotNull();
        List<StepInfo> history = context.workflows().history(VisitForms.VISIT, visit.id());
        assertThat(history).extracting(StepInfo::transition).containsExactly(VisitSteps.CONFIRM,
                VisitSteps.RESCHEDULE, VisitSteps.CONFIRM, VisitSteps.CHECK_IN, VisitSteps.SIGN_OFF);
        assertThat(history).extracting(StepInfo::actedBy).containsOnly("staff");
        assertThat(history).extracting(StepInfo::to).containsExactly("confirmed", "booked", "confirmed", "on_site",
                "signed_off");

        RecordData other = book(context, customer, "repair", staff, at(day, 14, 0));
        assertThatThrownBy(() -> kehu.callAsUser("staff", () -> {
            VisitService service = new VisitService(context);
            return service.cancel(service.visit(other.id()), " ");
        })).isInstanceOfSatisfying(WorkflowRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo("FIELDS_MISSING"));
        // The reason and the step go together: the refused step saved nothing.
        assertThat(kehu.callAsUser("staff", () -> new VisitService(context).visit(other.id())).rowVersion())
                .isEqualTo(other.rowVersion());
        RecordData cancelled = kehu.callAsUser("staff", () -> {
            VisitService service = new VisitService(context);
            return service.cancel(service.visit(other.id()), "客户临时出差");
        });
        assertThat(cancelled.get("status")).isEqualTo("cancelled");
        assertThat(cancelled.get("cancel_reason")).isEqualTo("客户临时出差");
        assertThat(book(context, customer, "repair", staff, at(day, 14, 0)).get("status")).isEqualTo("booked");
    }

    /**
     * Rescheduling goes through the same overlap check under the visitor's lock: onto another visit it is refused;
     * two visits of one person moved to the same free hour at the same moment — exactly one moves. A confirmed visit
     * that moves goes back to booked through the workflow.
     */
    static void reschedulingRechecksOverlapUnderTheLock(KehuTestHost kehu) throws Exception {
        PluginContext context = kehu.context();
        long customer = customer(context, "改期客户", null);
        long staff = user(context, "staff");
        LocalDate day = freshDay();
        RecordData first = book(context, customer, "inspection", staff, at(day, 9, 0));
        RecordData second = book(context, customer, "inspection", staff, at(day, 14, 0));
        RecordData third = book(context, customer, "inspection", staff, at(day, 16, 0));
        assertThatThrownBy(() -> kehu.callAsUser("staff", () -> {
            VisitService service = new VisitService(context);
            return service.reschedule(service.visit(second.id()), at(day, 9, 30));
        })).isInstanceOfSatisfying(RecordException.class,
                e -> assertThat(e.reason()).isEqualTo(RecordException.Reason.VETOED)).hasMessageContaining("overlaps");
        RecordData confirmed = kehu.callAsUser("staff", () -> {
            VisitService service = new VisitService(context);
            return service.move(service.visit(first.id()), VisitSteps.CONFIRM);
        });
        RecordData moved = kehu.callAsUser("staff", () -> new VisitService(context).reschedule(confirmed,
                at(day, 10, 30)));
        assertThat(moved.get("status")).isEqualTo("booked");
        assertThat(((OffsetDateTime) moved.get("planned_start")).toInstant()).isEqualTo(at(day, 10, 30).toInstant());
        assertThat(context.workflows().history(VisitForms.VISIT, first.id())).extracting(StepInfo::transition)
                .containsExactly(VisitSteps.CONFIRM, VisitSteps.RESCHEDULE);

        OffsetDateTime target = at(day, 12, 0);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (RecordData visit : List.of(second, third)) {
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        kehu.callAsUser("staff", () -> new VisitService(context).reschedule(visit, target));
                        return true;
                    } catch (RuntimeException refused) {
                        return false;
                    }
                }));
            }
            go.countDown();
            int movedCount = 0;
            for (Future<Boolean> r : results) {
                movedCount += r.get() ? 1 : 0;
            }
            assertThat(movedCount).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(context.records().search(VisitForms.VISIT).where("visitor", FilterOperator.EQUALS, staff)
                .where("planned_start", FilterOperator.EQUALS, target).list()).hasSize(1);
    }
}
