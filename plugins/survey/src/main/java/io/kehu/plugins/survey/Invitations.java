package io.kehu.plugins.survey;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Personal single-use links: one invitation per customer and survey, identified by a random token of 256 bits that
 * only the link holds; the database keeps its SHA-256, so a leaked table opens no survey. A link answers once (the
 * submission key is derived from the token, so a double tap or a retry stores one response), until it expires.
 * What a link shows is the survey and its greeting: nothing about the customer.
 */
public final class Invitations {

    /** Where a link stands. */
    public enum State {
        OPEN, USED, EXPIRED, UNKNOWN
    }

    /** A new link: the invitation record and the token to put in the link (never stored). */
    public record Issued(long invitationId, String token) {
    }

    /** What opening a link finds: its state, and for an open link the survey version to show. */
    public record Opened(State state, SurveyVersion survey, LocalText message) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    /** 32 random bytes in URL-safe Base64 without padding. */
    static final String TOKEN = "[A-Za-z0-9_-]{43}";

    private final PluginContext context;

    public Invitations(PluginContext context) {
        this.context = context;
    }

    public Issued issue(long customer, String surveyKey, String campaign, Duration validFor) {
        return issue(customer, surveyKey, campaign, validFor, null, null, null);
    }

    /**
     * A link about a matter (e.g. a complaint's revisit): the response it brings is linked to {@code contextForm} /
     * {@code contextId}, and {@code handler} (who handled the matter) gets no follow-up task for a low score.
     */
    public Issued issue(long customer, String surveyKey, String campaign, Duration validFor, String contextForm,
            Long contextId, String handler) {
        Survey survey = new SurveyCatalog(context).get(surveyKey)
                .orElseThrow(() -> new IllegalArgumentException("No survey " + surveyKey));
        String token = newToken();
        Map<String, Object> values = values(customer, survey, campaign,
                OffsetDateTime.now(ZoneOffset.UTC).plus(validFor), token);
        if (contextForm != null && contextId != null) {
            values.put("context_form", contextForm);
            values.put("context_id", contextId);
        }
        if (handler != null && !handler.isBlank()) {
            values.put("handler", handler);
        }
        return new Issued(context.records().create(SurveyForms.INVITATION, values).id(), token);
    }

    /** A fresh token of 256 random bits in URL-safe Base64 (43 characters), for a personal or a public link. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The invitation record of a link: only the token's hash is kept. */
    static Map<String, Object> values(long customer, Survey survey, String campaign, OffsetDateTime expiresAt,
            String token) {
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("customer", customer);
        values.put("survey", survey.key());
        values.put("survey_title", survey.current().title().in(java.util.Locale.CHINESE));
        if (campaign != null && !campaign.isBlank()) {
            values.put("campaign", campaign);
        }
        values.put("expires_at", expiresAt);
        values.put("token_hash", hash(token));
        values.put("reminders", 0L);
        return values;
    }

    /**
     * Opening a link on the answer page: like {@link #open}, and the first visit of an open link is noted
     * ({@code opened_at}) for the campaign's progress (sent / opened / answered).
     */
    public Opened visit(String token) {
        Opened opened = open(token);
        if (opened.state() == State.OPEN) {
            find(token).filter(i -> i.get("opened_at") == null).ifPresent(i -> context.records().update(
                    SurveyForms.INVITATION, i.id(), i.rowVersion(), Map.of("opened_at",
                            OffsetDateTime.now(ZoneOffset.UTC))));
        }
        return opened;
    }

    public Opened open(String token) {
        Optional<RecordData> invitation = find(token);
        if (invitation.isEmpty()) {
            return new Opened(State.UNKNOWN, null, LocalText.of("这个链接无效，请检查是否完整复制了链接。",
                    "This link is not valid. Please check that the whole link was copied."));
        }
        RecordData i = invitation.get();
        if (i.get("used_at") != null) {
            return new Opened(State.USED, null, LocalText.of("您已经填写过这份问卷，感谢您的反馈！",
                    "You have already answered this survey. Thank you for your feedback!"));
        }
        if (expired(i)) {
            return new Opened(State.EXPIRED, null, LocalText.of("这份问卷的填写时间已经结束，感谢您的关注。",
                    "This survey has closed. Thank you for your interest."));
        }
        Survey survey = new SurveyCatalog(context).get((String) i.get("survey")).orElse(null);
        if (survey == null) {
            return new Opened(State.EXPIRED, null, LocalText.of("这份问卷已停止收集答案，感谢您的关注。",
                    "This survey no longer takes answers. Thank you for your interest."));
        }
        return new Opened(State.OPEN, survey.current(), survey.current().greeting());
    }

    /**
     * Answers through a link. A used link returns its response again (the same submit twice is one response); an
     * unknown or expired one stores nothing.
     */
    public SurveyService.Result answer(String token, Map<String, ?> answers) {
        Optional<RecordData> invitation = find(token);
        Opened opened = open(token);
        if (opened.state() == State.USED) {
            RecordData i = invitation.orElseThrow();
            RecordData response = context.records().get(SurveyForms.RESPONSE, ((Number) i.get("response")).longValue())
                    .orElseThrow();
            return new SurveyService.Result(response, true, java.util.List.of(), null);
        }
        if (opened.state() != State.OPEN) {
            return new SurveyService.Result(null, false, java.util.List.of(opened.message()), null);
        }
        RecordData i = invitation.orElseThrow();
        SurveyService.Result r = new SurveyService(context).submit(new Submission((String) i.get("survey"),
                ((Number) i.get("customer")).longValue(), (String) i.get("campaign"), (String) i.get("context_form"),
                i.get("context_id") instanceof Number n ? n.longValue() : null, "link", (String) i.get("handler"),
                answers, "link:" + i.get("token_hash")), context.records());
        if (r.stored() && !r.repeated()) {
            context.records().update(SurveyForms.INVITATION, i.id(), i.rowVersion(), Map.of("used_at",
                    OffsetDateTime.now(ZoneOffset.UTC), "response", r.response().id()));
        }
        return r;
    }

    private Optional<RecordData> find(String token) {
        // a malformed token is refused without a look-up: nothing to learn from timing or errors
        if (token == null || !token.matches(TOKEN)) {
            return Optional.empty();
        }
        String hash = hash(token);
        Optional<RecordData> byLink = context.records().search(SurveyForms.INVITATION)
                .where("token_hash", FilterOperator.EQUALS, hash).limit(1).list().stream().findFirst();
        // a reminder mailed to the customer carries a second token for the same invitation (its link answers the
        // same single-use invitation: the submission key stays the first link's)
        return byLink.isPresent() ? byLink : context.records().search(SurveyForms.INVITATION)
                .where("reminder_token_hash", FilterOperator.EQUALS, hash).limit(1).list().stream().findFirst();
    }

    static boolean expired(RecordData invitation) {
        Object at = invitation.get("expires_at");
        return at instanceof OffsetDateTime t ? !t.isAfter(OffsetDateTime.now())
                : at != null && !OffsetDateTime.parse(at.toString()).isAfter(OffsetDateTime.now());
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
