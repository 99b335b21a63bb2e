package io.kehu.plugins.survey;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Links by SMS through the admin's HTTP gateway, against a real HTTP receiver (the JDK's HttpServer) standing in for
 * the gateway: the body template filled in and escaped, the Authorization header, a refusal or no gateway reported;
 * a campaign started on screen with "also by SMS" texts each customer with a phone their own link, which answers.
 */
@KehuPluginTest
class CampaignSmsTest {

    private static final Pattern LINK = Pattern.compile("/public/survey/answer\\?t=([A-Za-z0-9_-]{43})");

    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);

    @BeforeEach
    void gateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI address() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
    }

    @Test
    void theGatewayGetsTheTemplateFilledInAndARefusalIsReported() throws Exception {
        new HttpSmsGateway(address(), SmsGateway.DEFAULT_TEMPLATE, "Bearer k1").send("13800001111",
                "您好 \"引号\"\n第二行");
        assertThat(bodies).containsExactly("{\"to\": \"13800001111\", \"text\": \"您好 \\\"引号\\\"\\n第二行\"}");
        assertThat(authorizations).containsExactly("Bearer k1");
        new HttpSmsGateway(address(), "mobile={phone}&content={text}", "").send("+8613800001111", "a&b 链接");
        assertThat(bodies.getLast()).isEqualTo("mobile=%2B8613800001111&content=a%26b+%E9%93%BE%E6%8E%A5");
        status.set(500);
        assertThatThrownBy(() -> new HttpSmsGateway(address(), SmsGateway.DEFAULT_TEMPLATE, "").send("1380000", "x"))
                .isInstanceOf(SmsGateway.NotSent.class).hasMessageContaining("HTTP 500");
        URI down = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
        server.stop(0);
        assertThatThrownBy(() -> new HttpSmsGateway(down, SmsGateway.DEFAULT_TEMPLATE, "").send("1380000", "x"))
                .isInstanceOf(SmsGateway.NotSent.class).hasMessageContaining("cannot be reached");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCampaignTextsEachCustomerWithAPhoneTheirOwnLink(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        new SurveyCatalog(context).save(StandardSurvey.KEY, StandardSurvey.title(), StandardSurvey.greeting(),
                StandardSurvey.questions(), "admin");
        assertThat(SmsGateway.configured(context)).isEmpty();
        String tier = "POTENTIAL";
        String phone = "139" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
        Map<String, Object> withPhone = new HashMap<>(Map.of("name", "短信客户", "phone", phone, "level", tier));
        long texted = context.records().create("customer", withPhone).id();
        context.records().create("customer", Map.of("name", "只有邮箱的客户", "email",
                "m" + System.nanoTime() + "@example.com", "level", tier));
        context.settings().put(SmsGateway.URL, address().toString());
        context.settings().put(SmsGateway.AUTHORIZATION, "Bearer campaign");
        String name = "短信回访 " + UUID.randomUUID().toString().substring(0, 6);
        try (KehuUi ui = kehu.ui("manager", Locale.SIMPLIFIED_CHINESE)) {
            ui.navigate("apps/survey/" + CampaignsView.PATH);
            _get(TextField.class, spec -> spec.withId("campaign-name")).setValue(name);
            _get(Select.class, spec -> spec.withId("campaign-survey")).setValue(StandardSurvey.KEY);
            _get(Select.class, spec -> spec.withId("campaign-audience")).setValue(tier);
            _get(Checkbox.class, spec -> spec.withId("campaign-sms")).setValue(true);
            _click(_get(Button.class, spec -> spec.withId("campaign-send")));
            long sent = new Campaigns(context).progress(name).sent();
            long phones = bodies.size();
            assertThat(phones).isPositive().isLessThan(sent); // the customer with only an e-mail got none
            assertThat(_get(Component.class, spec -> spec.withId("campaign-texted")).getElement()
                    .getTextRecursively()).isEqualTo("已通过短信发送 " + phones + " 条链接；" + (sent - phones)
                            + " 位客户没有可用的手机号；0 条短信网关未接收。未收到短信的客户请用其他方式发送链接。");
        } finally {
            context.settings().put(SmsGateway.URL, null);
            context.settings().put(SmsGateway.AUTHORIZATION, null);
        }
        assertThat(authorizations).allMatch("Bearer campaign"::equals);
        String mine = bodies.stream().filter(b -> b.contains("\"" + phone + "\"")).findFirst().orElseThrow();
        assertThat(mine).contains("【客户满意度调查】您好，请通过专属链接填写问卷（14 天内有效，只能填写一次）：");
        Matcher link = LINK.matcher(mine);
        assertThat(link.find()).isTrue();
        SurveyService.Result answered = new Invitations(context).answer(link.group(1), Map.of("quality", 5,
                "service", 5, "speed", 5, "price", 5, "overall", 5, "recommend", 10));
        assertThat(answered.stored()).isTrue();
        assertThat(((Number) answered.response().get("customer")).longValue()).isEqualTo(texted);
    }
}
