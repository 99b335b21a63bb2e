package io.kehu.platform.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.dedupe.match.Comparison;
import io.kehu.platform.dedupe.match.MatchKeys;
import io.kehu.platform.dedupe.match.NameSimilarity;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Phone and e-mail keys, masked values and name similarity, without a database. */
class MatchKeysTest {

    private static final DuplicateRules CUSTOMER = new DuplicateRules("customer", "phone", "email", "name", 0.85);

    @Test
    void phonesAreComparedByTheirDigitsWithoutTheMainlandPrefix() {
        for (String typed : new String[] {"13800138000", "138 0013 8000", "138-0013-8000", "+86 138 0013 8000",
                "+8613800138000", "0086 13800138000", "86-138-0013-8000", "１３８００１３８０００", "（138）0013 8000",
                "＋８６ １３８－００１３－８０００"}) {
            MatchKeys.Phone p = MatchKeys.phone(typed);
            assertThat(p.key()).as(typed).isEqualTo("13800138000");
            assertThat(p.mobile()).as(typed).isTrue();
            assertThat(p.masked()).isFalse();
        }
        assertThat(MatchKeys.phone("010-12345678").key()).isEqualTo("01012345678");
        assertThat(MatchKeys.phone("010-12345678").mobile()).isFalse();
        assertThat(MatchKeys.phone("12800138000").mobile()).as("12x is not a mainland mobile").isFalse();
        assertThat(MatchKeys.phone("+44 20 7946 0958").key()).isEqualTo("+442079460958");
        assertThat(MatchKeys.phone("   ").key()).isNull();
        assertThat(MatchKeys.phone("请联系前台").key()).isNull();
    }

    @Test
    void maskedValuesAreFlaggedAndNeverKeys() {
        for (String masked : new String[] {"135******41", "***", "138****8000", "135xxxx1234", "１３５＊＊＊＊１２３４"}) {
            MatchKeys.Phone p = MatchKeys.phone(masked);
            assertThat(p.masked()).as(masked).isTrue();
            assertThat(p.key()).as(masked).isNull();
        }
        assertThat(MatchKeys.email("z***@qq.com")).isNull();
        assertThat(Comparison.reason(CUSTOMER, Map.of("phone", "135******41", "name", "甲"),
                Map.of("phone", "135******41", "name", "乙"))).as("two masked phones are no match").isNull();
        assertThat(NameSimilarity.normalise("***")).isEmpty();
    }

    @Test
    void emailsAreTrimmedAndCaseFolded() {
        assertThat(MatchKeys.email("  Li.Qiang@Example.COM ")).isEqualTo("li.qiang@example.com");
        assertThat(MatchKeys.email("")).isNull();
    }

    @Test
    void namesIgnoreCompanySuffixesCaseAndWidth() {
        assertThat(NameSimilarity.of("宁波甬江贸易有限公司", "宁波甬江贸易")).isEqualTo(1.0);
        assertThat(NameSimilarity.of("宁波甬江贸易集团", "宁波甬江贸易公司")).isEqualTo(1.0);
        assertThat(NameSimilarity.of("ACME Co., Ltd.", "acme")).isEqualTo(1.0);
        assertThat(NameSimilarity.of("Ｎｉｎｇｂｏ Trading", "ningbo trading")).isEqualTo(1.0);
        assertThat(NameSimilarity.of("宁波甬江贸易", "宁波市甬江贸易")).as("one of seven characters more")
                .isCloseTo(6.0 / 7, org.assertj.core.data.Offset.offset(0.001));
        assertThat(NameSimilarity.of("北辰科技", "南风物流")).isZero();
        assertThat(NameSimilarity.of(null, "南风物流")).isZero();
    }

    @Test
    void reasonsNameEveryMatchInBothLanguages() {
        var reason = Comparison.reason(CUSTOMER, Map.of("phone", "+86 138-0013-8000", "name", "甬江贸易有限公司一部"),
                Map.of("phone", "13800138000", "name", "甬江贸易有限公司二部"));
        assertThat(reason.zh()).isEqualTo("同一手机号；名称相似度 90%");
        assertThat(reason.en()).isEqualTo("same phone, name 90% similar");
        var byMail = Comparison.reason(CUSTOMER, Map.of("email", "A@B.cn", "name", "甲"),
                Map.of("email", "a@b.cn", "name", "乙"));
        assertThat(byMail.en()).isEqualTo("same e-mail, name 0% similar");
        assertThat(Comparison.reason(CUSTOMER, Map.of("name", "海曙文具有限公司"), Map.of("name", "海曙文具")).zh())
                .isEqualTo("名称相似度 100%");
    }
}
