package io.kehu.platform.demo;

import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.workflow.WorkflowClock;
import io.kehu.platform.workflow.Workflows;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Demo records that have been through the shipped processes, taken step by step by the demo people through the
 * workflow runtime — so their histories, tasks, timers and archived revisits are real: complaints just logged, taken
 * and overdue (a manager gets the 处理超时 task when the timers next run), waiting for the customer (the clock paused),
 * resolved with the revisit task open for someone other than the handler, and revisited and closed; customer events
 * pending approval, approved and held. Past steps are taken on the workflow clock set back in time ({@link
 * WorkflowClock}); the records' own created times are the generation time.
 */
@Service
public class DemoProcesses {

    /** What was walked through, for the log. */
    public record Walked(int complaints, int events) {
    }

    private final Records records;
    private final Workflows workflows;
    private final UserAccounts accounts;
    private final WorkflowClock clock;
    private final FormCatalog forms;

    DemoProcesses(Records records, Workflows workflows, UserAccounts accounts, WorkflowClock clock,
            FormCatalog forms) {
        this.records = records;
        this.workflows = workflows;
        this.accounts = accounts;
        this.clock = clock;
        this.forms = forms;
    }

    /**
     * Walks complaints about the first customers of a staff member and customer events they organize; nothing when
     * there is no staff member and manager, or the processes are not in force.
     */
    public Walked walk() {
        Optional<Actor> staff = first(Role.STAFF);
        Optional<Actor> manager = first(Role.MANAGER);
        if (staff.isEmpty() || manager.isEmpty()) {
            return new Walked(0, 0);
        }
        Instant now = Instant.now();
        try {
            int complaints = workflows.workflow("feedback").isPresent() ? complaints(staff.get(), manager.get(), now)
                    : 0;
            int events = workflows.workflow("customer_event").isPresent()
                    && forms.published("customer_event").isPresent() ? events(staff.get(), manager.get(), now) : 0;
            return new Walked(complaints, events);
        } finally {
            clock.reset();
        }
    }

    private int complaints(Actor staff, Actor manager, Instant now) {
        List<Record> customers = records.query(staff, RecordQuery.of("customer").limit(12));
        String[] texts = {"冰柜运行噪音大，客户要求上门检修", "送货时外包装破损，客户要求换货", "安装师傅迟到两个小时，客户不满",
            "发票金额与报价单不一致，客户要求更正", "净水器滤芯更换后仍有异味", "售后电话长时间无人接听",
            "门锁指纹识别失灵，客户无法进门", "订单延迟一周未发货", "办公椅扶手断裂，客户要求退款",
            "扫描枪与收银系统不兼容", "LED 灯安装后频繁闪烁", "茶叶礼盒缺少发票"};
        int n = 0;
        for (Record customer : customers) {
            String text = texts[n % texts.length];
            switch (n) {
                // Just logged: the 4-hour first-response clock runs.
                case 0, 1 -> logged(staff, customer, text, now.minus(Duration.ofMinutes(40L + n * 30)));
                // Taken twelve days ago and never resolved: past the 48 working hours.
                case 2, 3, 4 -> {
                    Instant taken = now.minus(Duration.ofDays(12L + n));
                    Record c = logged(staff, customer, text, taken.minus(Duration.ofHours(2)));
                    step(staff, c, "take", null, taken);
                }
                // Waiting for the customer: the clock stopped after a day of work.
                case 5, 6 -> {
                    Instant taken = now.minus(Duration.ofDays(3));
                    Record c = logged(staff, customer, text, taken.minus(Duration.ofHours(1)));
                    c = step(staff, c, "take", null, taken);
                    step(staff, c, "wait_customer", "已请客户提供购买凭证和故障视频", taken.plus(Duration.ofDays(1)));
                }
                // Resolved yesterday: the revisit task waits with someone other than the handler.
                case 7, 8 -> {
                    Instant taken = now.minus(Duration.ofDays(3));
                    Record c = logged(staff, customer, text, taken.minus(Duration.ofHours(3)));
                    c = step(staff, c, "take", null, taken);
                    step(staff, c, "resolve", "已上门处理，问题解决", now.minus(Duration.ofDays(1)));
                }
                // Revisited by the manager and closed; the revisit is archived on the customer.
                default -> {
                    Instant taken = now.minus(Duration.ofDays(8));
                    Record c = logged(staff, customer, text, taken.minus(Duration.ofHours(4)));
                    c = step(staff, c, "take", null, taken);
                    c = step(staff, c, "resolve", "已为客户更换新机", taken.plus(Duration.ofDays(2)));
                    step(manager, c, "revisit_ok", "电话回访，客户确认问题已解决，对处理结果满意",
                            taken.plus(Duration.ofDays(4)));
                }
            }
            n++;
        }
        return n;
    }

    private Record logged(Actor staff, Record customer, String text, Instant received) {
        Map<String, Object> v = new HashMap<>();
        v.put("customer", customer.id());
        v.put("feedback_type", "complaint");
        v.put("severity", "high");
        v.put("description", text);
        v.put("received_at", received.atOffset(ZoneOffset.ofHours(8)).withNano(0));
        return records.create(staff, "feedback", v);
    }

    /** Takes {@code transition} as {@code actor} at {@code at}, on the workflow clock. */
    private Record step(Actor actor, Record record, String transition, String comment, Instant at) {
        clock.set(Clock.fixed(at, ZoneOffset.UTC));
        try {
            return workflows.transition(actor, record.formId(), record.id(), transition, comment,
                    record.rowVersion());
        } finally {
            clock.reset();
        }
    }

    private int events(Actor staff, Actor manager, Instant now) {
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
        Record pending = event(staff, "春季会员联谊会", "member_gathering", today.plusDays(45), "金卡及以上会员约 120 人",
                "茶话会与新品试用，现场办理会员升级", 18_000);
        step(staff, pending, "submit", null, now.minus(Duration.ofHours(5)));

        Record approved = event(staff, "重点客户新品体验会", "prospect_experience", today.plusDays(20),
                "华东区意向客户 30 家", "展厅参观、产品演示与一对一洽谈", 9_600);
        approved = step(staff, approved, "submit", null, now.minus(Duration.ofDays(4)));
        step(manager, approved, "approve", "同意，控制在预算内", now.minus(Duration.ofDays(3)));

        Record held = event(staff, "大客户年度联谊会", "key_customer_gathering", today.minusDays(2),
                "年采购额前 20 的客户，约 40 人", "晚宴、年度合作回顾与明年规划", 16_000);
        held = step(staff, held, "submit", null, now.minus(Duration.ofDays(30)));
        held = step(manager, held, "approve", null, now.minus(Duration.ofDays(28)));
        clock.set(Clock.fixed(now.minus(Duration.ofDays(1)), ZoneOffset.UTC));
        try {
            workflows.transition(staff, "customer_event", held.id(), "hold", null,
                    Map.of("actual_cost", new BigDecimal("15230.00"), "review",
                            "到场 36 位客户，现场签约意向 5 家，预计带来年度新增采购约 80 万元"), held.rowVersion());
        } finally {
            clock.reset();
        }
        return 3;
    }

    private Record event(Actor organizer, String name, String kind, LocalDate on, String invitees, String plan,
            int budget) {
        Map<String, Object> v = new HashMap<>();
        v.put("name", name);
        v.put("kind", kind);
        v.put("planned_on", on);
        v.put("invitees", invitees);
        v.put("plan", plan);
        v.put("budget", new BigDecimal(budget));
        v.put("organizer", organizer.userId());
        return records.create(organizer, "customer_event", v);
    }

    /** The first enabled account holding exactly this role (the demo users), by sign-in name. */
    private Optional<Actor> first(Role role) {
        List<UserAccount> all = accounts.findAll();
        return all.stream().filter(UserAccount::enabled).filter(a -> a.roles().equals(java.util.Set.of(role)))
                .filter(a -> a.username().equals(role == Role.STAFF ? "staff" : "manager")).findFirst()
                .or(() -> all.stream().filter(UserAccount::enabled).filter(a -> a.roles().equals(java.util.Set.of(role)))
                        .findFirst())
                .map(Actor::of);
    }
}
