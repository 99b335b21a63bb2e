package io.kehu.plugins.survey;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A campaign's public link ({@code public/survey/open?c=<token>}): one link many people answer (an event, a poster,
 * a QR code on the counter), anonymous (no customer), until the campaign closes. Like a personal link only the
 * token's SHA-256 is stored. Each visit of the page gets its own submission key, so a double tap or a retry stores
 * one response; the host limits how often one address opens public pages, and the plugin caps the answers per hour
 * of a campaign ({@link SurveySettings#PUBLIC_PER_HOUR}) so a script cannot flood the results.
 */
public final class PublicLinks {

    private final PluginContext context;

    public PublicLinks(PluginContext context) {
        this.context = context;
    }

    /** What the link opens: the campaign's survey, or why not (the same kind words as a personal link). */
    public Invitations.Opened open(String token) {
        Optional<RecordData> campaign = find(token);
        if (campaign.isEmpty()) {
            return new Invitations.Opened(Invitations.State.UNKNOWN, null, LocalText.of(
                    "这个链接无效，请检查是否完整复制了链接。", "This link is not valid. Please check that the whole link was copied."));
        }
        if (Invitations.expired(campaign.get())) {
            return new Invitations.Opened(Invitations.State.EXPIRED, null, LocalText.of(
                    "这份问卷的填写时间已经结束，感谢您的关注。", "This survey has closed. Thank you for your interest."));
        }
        return new SurveyCatalog(context).get((String) campaign.get().get("survey"))
                .map(s -> new Invitations.Opened(Invitations.State.OPEN, s.current(), s.current().greeting()))
                .orElseGet(() -> new Invitations.Opened(Invitations.State.EXPIRED, null, LocalText.of(
                        "这份问卷已停止收集答案，感谢您的关注。", "This survey no longer takes answers. Thank you for your interest.")));
    }

    /**
     * Stores one anonymous answer through the link.
     *
     * @param visitKey random per page visit: the same visit submitting twice stores one response
     */
    public SurveyService.Result answer(String token, String visitKey, Map<String, ?> answers) {
        Invitations.Opened opened = open(token);
        if (opened.state() != Invitations.State.OPEN) {
            return new SurveyService.Result(null, false, List.of(opened.message()), null);
        }
        RecordData campaign = find(token).orElseThrow();
        String name = (String) campaign.get("name");
        String key = "public:" + campaign.id() + ":" + visitKey;
        boolean repeat = !context.records().search(SurveyForms.RESPONSE)
                .where("submission_key", FilterOperator.EQUALS, key).limit(1).list().isEmpty();
        if (!repeat && answersInLastHour(name) >= SurveySettings.publicAnswersPerHour(context)) {
            return new SurveyService.Result(null, false, List.of(LocalText.of("现在提交的人很多，请过几分钟再试。",
                    "Many people are answering right now; please try again in a few minutes.")), null);
        }
        return new SurveyService(context).submit(new Submission((String) campaign.get("survey"), null, name, null,
                null, "public", null, answers, key), context.records());
    }

    private long answersInLastHour(String campaign) {
        return context.records().aggregate(SurveyForms.RESPONSE).where("campaign", FilterOperator.EQUALS, campaign)
                .where("channel", FilterOperator.EQUALS, "public")
                .where("answered_at", FilterOperator.GREATER, OffsetDateTime.now(ZoneOffset.UTC).minusHours(1))
                .count().list().getFirst().count();
    }

    private Optional<RecordData> find(String token) {
        if (token == null || !token.matches(Invitations.TOKEN)) {
            return Optional.empty();
        }
        return context.records().search(SurveyForms.CAMPAIGN)
                .where("public_token_hash", FilterOperator.EQUALS, Invitations.hash(token)).limit(1).list().stream()
                .findFirst();
    }
}
