package io.kehu.platform.demo;

import io.kehu.platform.records.Money;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;
import net.datafaker.Faker;
import org.springframework.stereotype.Service;

/**
 * Believable demo customers for a new installation: Chinese companies and persons with mainland phone numbers,
 * 省/市/区 addresses and the e-mail domains people in China use, with contact persons, interactions, purchases and
 * feedback, owned by the demo staff. Everything is written through
 * {@link Records}, so demo data obeys the same validation, audit and events as real data.
 */
@Service
public class DemoData {

    /** The forms demo data is written to: the shipped customer archive. */
    public static final List<String> FORMS = List.of("customer", "contact_person", "interaction", "purchase",
            "feedback");
    private static final Actor GENERATOR = Actor.system("demo-data");
    private static final String[] REGIONS = {"east_china", "south_china", "north_china", "central_china", "southwest",
            "northwest", "northeast"};
    private static final String[] INDUSTRIES = {"manufacturing", "retail", "finance", "internet", "healthcare",
            "education", "real_estate", "logistics", "catering", "other"};
    private static final String[] CHANNELS = {"referral", "exhibition", "website", "wechat", "cold_call", "other"};
    private static final String[] STAGES = {"potential", "new", "active", "active", "loyal", "at_risk", "lost"};
    private static final String[] INTERACTION_CHANNELS = {"phone", "email", "wechat", "social", "visit", "meeting"};
    private static final String[] OUTCOMES = {"interested", "follow_up", "deal_closed", "not_interested", "unreachable"};
    private static final String[] SUMMARIES = {"电话沟通新一季度采购计划，客户希望下周收到报价。",
            "上门拜访，演示新产品功能，客户对售后服务条款有疑问。", "微信跟进上次报价，客户正在内部审批。",
            "季度回顾会议：讨论了批量折扣和交货计划。", "客户反馈交货延迟，已协调物流并承诺本周内送达。",
            "已通过邮件发送最新产品目录和价格表。", "节日问候并确认明年框架合同的续签时间。"};
    private static final String[] PRODUCTS = {"智能门锁 S3", "商用净水器 Pro", "办公椅 E200", "工业传感器套件",
            "云存储年度套餐", "LED 面板灯 600×600", "条码扫描枪 X1", "茶叶礼盒（龙井）"};
    private static final String[] PREFERENCES = {"偏好微信沟通，工作日上午联系。", "习惯电话联系，午休时间勿扰。",
            "重要事项请邮件确认，抄送采购部。", "喜欢上门面谈，需提前两天预约。"};
    private static final String[] FEEDBACK_TYPES = {"complaint", "suggestion", "praise"};
    private static final String[] SEVERITIES = {"low", "medium", "high", "critical"};
    private static final String[] FEEDBACK_STATUS = {"new", "in_progress", "resolved", "closed"};
    private static final String[] FEEDBACK_TEXTS = {"安装师傅迟到两个小时，希望改进预约流程。", "建议增加电子发票的开具方式。",
            "客服响应很快，问题当天解决，非常满意。", "发票金额与报价单不一致，请尽快核对。",
            "产品质量稳定，希望能提供更长的保修期。"};

    private final Records records;
    private final UserAccounts accounts;

    DemoData(Records records, UserAccounts accounts) {
        this.records = records;
        this.accounts = accounts;
    }

    /**
     * Creates {@code customers} customers with their related records; the same seed gives the same data.
     *
     * @param progress told the number of customers written so far
     */
    public void generate(int customers, long seed, IntConsumer progress) {
        Random random = new Random(seed);
        Faker zh = new Faker(Locale.SIMPLIFIED_CHINESE, random);
        List<Long> owners = accounts.findAll().stream()
                .filter(a -> a.hasRole(Role.STAFF) || a.hasRole(Role.MANAGER))
                .map(UserAccount::id)
                .toList();
        for (int i = 0; i < customers; i++) {
            Long owner = owners.isEmpty() ? null : owners.get(random.nextInt(owners.size()));
            Record customer = records.create(GENERATOR, "customer", customer(random, zh, owner));
            for (int c = random.nextInt(3); c >= 0; c--) {
                records.createChild(GENERATOR, "customer", customer.id(), "contacts", contact(random, zh, c == 0));
            }
            for (int n = random.nextInt(7); n > 0; n--) {
                records.create(GENERATOR, "interaction", interaction(random, customer.id(), owner));
            }
            for (int n = random.nextInt(9); n > 0; n--) {
                records.create(GENERATOR, "purchase", purchase(random, customer.id()));
            }
            for (int n = random.nextInt(3); n > 0; n--) {
                records.create(GENERATOR, "feedback", feedback(random, customer.id(), owner));
            }
            progress.accept(i + 1);
        }
    }

    private static Map<String, Object> customer(Random random, Faker zh, Long owner) {
        ChinaSamples sample = new ChinaSamples(random);
        boolean company = random.nextInt(10) < 7;
        Map<String, Object> v = new HashMap<>();
        if (company) {
            v.put("name", sample.companyName());
            v.put("email", sample.companyEmail());
        } else {
            v.put("name", zh.name().fullName());
            v.put("birthday", LocalDate.of(1960 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28)));
            v.put("email", sample.personalEmail());
        }
        v.put("customer_type", company ? "company" : "person");
        // Companies are mostly reached on their switchboard, persons on their mobile.
        v.put("phone", company && random.nextInt(3) > 0 ? sample.landline() : sample.mobile());
        v.put("address", sample.address());
        v.put("region", pick(random, REGIONS));
        v.put("industry", pick(random, INDUSTRIES));
        v.put("source_channel", pick(random, CHANNELS));
        v.put("lifecycle_stage", pick(random, STAGES));
        v.put("account_manager", owner);
        v.put("preferences", pick(random, PREFERENCES));
        return v;
    }

    private static Map<String, Object> contact(Random random, Faker zh, boolean primary) {
        ChinaSamples sample = new ChinaSamples(random);
        Map<String, Object> v = new HashMap<>();
        v.put("name", zh.name().fullName());
        v.put("title", pick(random, new String[] {"采购经理", "总经理", "财务主管", "信息部经理", "行政专员"}));
        v.put("phone", sample.mobile());
        v.put("email", sample.personalEmail());
        v.put("wechat", "wxid_" + Long.toString(Math.abs(random.nextLong()), 36).substring(0, 8));
        v.put("is_primary", primary);
        return v;
    }

    private static Map<String, Object> interaction(Random random, long customerId, Long owner) {
        OffsetDateTime when = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(random.nextInt(365))
                .withHour(9 + random.nextInt(9)).withMinute(0).withSecond(0).withNano(0);
        Map<String, Object> v = new HashMap<>();
        v.put("customer", customerId);
        v.put("channel", pick(random, INTERACTION_CHANNELS));
        v.put("occurred_at", when);
        v.put("summary", pick(random, SUMMARIES));
        String outcome = pick(random, OUTCOMES);
        v.put("outcome", outcome);
        // The seed's rule: a follow-up outcome needs its date (and any date lies after the interaction).
        if (outcome.equals("follow_up") || random.nextBoolean()) {
            v.put("next_follow_up", when.toLocalDate().plusDays(3 + random.nextInt(30)));
        }
        v.put("staff", owner);
        return v;
    }

    private static Map<String, Object> purchase(Random random, long customerId) {
        int quantity = 1 + random.nextInt(20);
        BigDecimal unit = BigDecimal.valueOf(50 + random.nextInt(5000));
        Map<String, Object> v = new HashMap<>();
        v.put("customer", customerId);
        v.put("purchased_on", LocalDate.now().minusDays(random.nextInt(730)));
        v.put("product", pick(random, PRODUCTS));
        v.put("quantity", (long) quantity);
        v.put("amount", new Money(unit.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP), "CNY"));
        return v;
    }

    private static Map<String, Object> feedback(Random random, long customerId, Long owner) {
        OffsetDateTime received = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(random.nextInt(180))
                .withSecond(0).withNano(0);
        Map<String, Object> v = new HashMap<>();
        v.put("customer", customerId);
        v.put("feedback_type", pick(random, FEEDBACK_TYPES));
        v.put("severity", pick(random, SEVERITIES));
        v.put("description", pick(random, FEEDBACK_TEXTS));
        String status = pick(random, FEEDBACK_STATUS);
        v.put("status", status);
        v.put("handler", owner);
        v.put("received_at", received);
        // The seed's rule: resolved or closed feedback has had a first response, after it was received.
        if (!status.equals("new") || random.nextBoolean()) {
            v.put("first_response_at", received.plusHours(1 + random.nextInt(48)));
        }
        return v;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
