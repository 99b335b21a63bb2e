package io.kehu.plugins.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Div;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import io.kehu.sdk.ui.RecordPanel;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Personal single-use links (token hashed, expiry, reuse, guessing) and answers shown to staff as text (XSS), on H2
 * ({@link InvitationsH2Test}) and PostgreSQL ({@link SurveyPostgresTest}).
 */
abstract class InvitationsContract {

    abstract KehuTestHost kehu();

    private static final Map<String, Object> GOOD = Map.of("quality", 5, "service", 5, "speed", 4, "price", 4,
            "overall", 5, "recommend", 10);

    private static void standard(KehuTestHost kehu) {
        new SurveyCatalog(kehu.context()).save(StandardSurvey.KEY, StandardSurvey.title(), StandardSurvey.greeting(),
                StandardSurvey.questions(), "admin");
    }

    @Test
    void aLinkAnswersOnceAndOnlyItsHashIsStored() {
        KehuTestHost kehu = kehu();
        standard(kehu);
        long c = SurveyStoreContract.customer(kehu.context(), "链接客户");
        Invitations links = new Invitations(kehu.context());
        Invitations.Issued issued = links.issue(c, StandardSurvey.KEY, "2026 秋季", Duration.ofDays(14));
        assertThat(issued.token()).matches("[A-Za-z0-9_-]{43}");
        RecordData stored = kehu.context().records().get(SurveyForms.INVITATION, issued.invitationId()).orElseThrow();
        assertThat(stored.values().values()).noneMatch(v -> String.valueOf(v).contains(issued.token()));
        assertThat(stored.get("token_hash")).isEqualTo(Invitations.hash(issued.token()));

        Invitations.Opened opened = links.open(issued.token());
        assertThat(opened.state()).isEqualTo(Invitations.State.OPEN);
        assertThat(opened.message().zh()).isEqualTo("感谢您抽出一分钟时间，帮助我们改进服务。");
        assertThat(opened.message().zh() + opened.message().en()).doesNotContain("链接客户");

        SurveyService.Result first = links.answer(issued.token(), GOOD);
        SurveyService.Result retry = links.answer(issued.token(), GOOD);
        assertThat(first.stored()).isTrue();
        assertThat(retry.repeated()).isTrue();
        assertThat(retry.response().id()).isEqualTo(first.response().id());
        assertThat(kehu.context().records().search(SurveyForms.RESPONSE).where("customer", FilterOperator.EQUALS, c)
                .list()).singleElement().satisfies(r -> {
                    assertThat(r.get("channel")).isEqualTo("link");
                    assertThat(r.get("campaign")).isEqualTo("2026 秋季");
                });
        Invitations.Opened used = links.open(issued.token());
        assertThat(used.state()).isEqualTo(Invitations.State.USED);
        assertThat(used.survey()).isNull();
        assertThat(used.message().en()).isEqualTo("You have already answered this survey. Thank you for your feedback!");
    }

    @Test
    void anExpiredLinkSaysSoKindlyAndStoresNothing() {
        KehuTestHost kehu = kehu();
        standard(kehu);
        long c = SurveyStoreContract.customer(kehu.context(), "过期客户");
        Invitations links = new Invitations(kehu.context());
        Invitations.Issued issued = links.issue(c, StandardSurvey.KEY, null, Duration.ofMinutes(-1));
        assertThat(links.open(issued.token()).state()).isEqualTo(Invitations.State.EXPIRED);
        SurveyService.Result r = links.answer(issued.token(), GOOD);
        assertThat(r.stored()).isFalse();
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.zh()).contains("已经结束"));
        assertThat(kehu.context().records().search(SurveyForms.RESPONSE).where("customer", FilterOperator.EQUALS, c)
                .list()).isEmpty();
    }

    @Test
    void guessedTamperedAndMalformedTokensOpenNothing() {
        KehuTestHost kehu = kehu();
        standard(kehu);
        long c = SurveyStoreContract.customer(kehu.context(), "猜测客户");
        Invitations links = new Invitations(kehu.context());
        String real = links.issue(c, StandardSurvey.KEY, null, Duration.ofDays(1)).token();
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 500; i++) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            assertThat(links.open(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)).state())
                    .isEqualTo(Invitations.State.UNKNOWN);
        }
        char last = real.charAt(42);
        String tampered = real.substring(0, 42) + (last == 'A' ? 'B' : 'A');
        for (String bad : new String[] {tampered, real.substring(1), real + "A", Invitations.hash(real), "",
                "' OR '1'='1", null}) {
            assertThat(links.open(bad).state()).isEqualTo(Invitations.State.UNKNOWN);
            assertThat(links.answer(bad, GOOD).stored()).isFalse();
        }
        assertThat(links.open(real).state()).isEqualTo(Invitations.State.OPEN);
    }

    @Test
    void answersAreShownToStaffAsTextNotHtml() {
        KehuTestHost kehu = kehu();
        standard(kehu);
        long c = SurveyStoreContract.customer(kehu.context(), "脚本客户");
        Invitations links = new Invitations(kehu.context());
        String token = links.issue(c, StandardSurvey.KEY, null, Duration.ofDays(1)).token();
        String attack = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        Map<String, Object> answers = new java.util.HashMap<>(GOOD);
        answers.put("comment", attack);
        assertThat(links.answer(token, answers).stored()).isTrue();
        RecordPanel panel = kehu.extension(RecordPanel.class, SatisfactionPanel.class);
        try (KehuUi ui = kehu.ui("manager", Locale.ENGLISH)) {
            Div div = (Div) panel.create(kehu.context(), c);
            assertThat(div.getElement().getTextRecursively()).contains(attack);
            String html = div.getElement().getOuterHTML();
            assertThat(html).doesNotContain("<script").doesNotContain("<img")
                    .contains("&lt;script&gt;");
        }
    }
}
