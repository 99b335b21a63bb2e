package io.kehu.plugins.survey;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Campaigns: a survey sent to a group of customers (every customer, or one tier), each getting a personal
 * single-use link, all or nothing in one batch; optionally one public link many people may answer (events, posters).
 * Tokens are shown once, when the campaign starts (only their hashes are stored), so the screen offers them as a
 * spreadsheet and QR codes right then.
 */
public final class Campaigns {

    /**
     * Who gets a personal link: every customer, those of one tier (the customer's {@code level}, which tiering
     * sets), or nobody (a campaign of only a public link, e.g. for an event).
     */
    public record Segment(Kind kind, String tier, Long view, String viewName) {

        public enum Kind {
            ALL, TIER, VIEW, NONE
        }

        public static Segment everyone() {
            return new Segment(Kind.ALL, null, null, null);
        }

        public static Segment ofTier(String tier) {
            return new Segment(Kind.TIER, tier, null, null);
        }

        /** The customers a saved list view lists (its filters and quick search), as the person starting sees them. */
        public static Segment ofView(long view, String name) {
            return new Segment(Kind.VIEW, null, view, name);
        }

        public static Segment nobody() {
            return new Segment(Kind.NONE, null, null, null);
        }

        LocalText describe(PluginContext context) {
            return switch (kind) {
                case ALL -> LocalText.of("全部客户", "All customers");
                case VIEW -> LocalText.of("保存的视图：" + viewName, "Saved view: " + viewName);
                case NONE -> LocalText.of("仅公开链接（不发专属链接）", "Public link only (no personal links)");
                case TIER -> {
                    LocalText label = tierLabel(context, tier).orElse(LocalText.of(tier, tier));
                    yield LocalText.of("客户等级：" + label.in(Locale.CHINESE),
                            "Customer tier: " + label.in(Locale.ENGLISH));
                }
            };
        }
    }

    /** A tier's label, if the customer form has that tier. */
    static Optional<LocalText> tierLabel(PluginContext context, String tier) {
        return context.definitions().form("customer").flatMap(f -> f.field(TIER_FIELD))
                .filter(f -> f.options().contains(tier)).map(f -> f.optionLabel(tier));
    }

    /** One personal link made by a campaign, with what staff need to send it. */
    public record Link(long customer, String customerName, String phone, String email, String token) {
    }

    /** A started campaign: its record, the personal links and the public link's token (or null). */
    public record Started(RecordData campaign, List<Link> links, String publicToken) {
    }

    /** Sent, opened, answered through personal links; answers through the public link; the response rate. */
    public record Progress(long sent, long opened, long answered, long publicAnswers) {

        /** Answered ÷ sent in percent, one decimal; null before anything was sent. */
        public java.math.BigDecimal rate() {
            return sent == 0 ? null : java.math.BigDecimal.valueOf(answered * 1000 / sent, 1);
        }
    }

    static final String TIER_FIELD = "level";
    /** At most this many customers in one campaign: the links travel in one transaction and one spreadsheet. */
    static final int MAX_CUSTOMERS = 20_000;

    private final PluginContext context;

    public Campaigns(PluginContext context) {
        this.context = context;
    }

    /**
     * Starts a campaign: one personal link per customer of the segment (all or none), and a public link if asked.
     *
     * @throws IllegalArgumentException with a message in both languages when the name is taken or empty, the survey
     *         is unknown, the segment has no customer or too many
     */
    public Started start(String name, String surveyKey, Segment segment, Duration validFor, boolean publicLink) {
        String campaign = name == null ? "" : name.trim();
        if (campaign.isEmpty() || campaign.length() > 120) {
            throw refusal("请填写活动名称（最多 120 个字）。", "Give the campaign a name (at most 120 characters).");
        }
        if (find(campaign).isPresent()) {
            throw refusal("已有名为“" + campaign + "”的调查活动，请换一个名称。",
                    "There is already a campaign named \"" + campaign + "\"; choose another name.");
        }
        Survey survey = (surveyKey == null ? Optional.<Survey>empty() : new SurveyCatalog(context).get(surveyKey))
                .orElseThrow(() -> refusal("请选择问卷。", "Choose a survey."));
        if (segment.kind() == Segment.Kind.TIER && tierLabel(context, segment.tier()).isEmpty()) {
            throw refusal("没有“" + segment.tier() + "”这个客户等级。", "There is no customer tier \"" + segment.tier()
                    + "\".");
        }
        if (segment.kind() == Segment.Kind.VIEW && context.recordsOfCurrentUser().savedViews("customer").stream()
                .noneMatch(v -> v.id() == segment.view())) {
            throw refusal("找不到保存的视图“" + segment.viewName() + "”（可能已被删除或不再共享给您）。",
                    "The saved view \"" + segment.viewName() + "\" is not there (deleted, or no longer shared with you).");
        }
        if (segment.kind() == Segment.Kind.NONE && !publicLink) {
            throw refusal("不发专属链接时，请勾选“同时生成公开链接”。", "Without personal links, tick \"Also make a public link\".");
        }
        List<RecordData> customers = customers(segment);
        if (customers.isEmpty() && !publicLink) {
            throw refusal("所选范围内没有客户，未创建活动。", "No customer in the chosen audience; nothing was started.");
        }
        if (customers.size() > MAX_CUSTOMERS) {
            throw refusal("所选范围有 " + customers.size() + " 位客户，一次最多 " + MAX_CUSTOMERS + " 位。",
                    "The audience has " + customers.size() + " customers; at most " + MAX_CUSTOMERS + " at once.");
        }
        OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.UTC).plus(validFor);
        String publicToken = publicLink ? Invitations.newToken() : null;
        List<Link> links = new ArrayList<>();
        Map<String, Object> values = new HashMap<>();
        values.put("name", campaign);
        values.put("survey", survey.key());
        values.put("survey_title", survey.current().title().in(Locale.CHINESE));
        values.put("segment", segment.describe(context).in(Locale.CHINESE));
        values.put("invited", (long) customers.size());
        values.put("expires_at", expires);
        values.put("started_at", OffsetDateTime.now(ZoneOffset.UTC));
        context.currentUsername().ifPresent(u -> values.put("started_by", u));
        if (publicToken != null) {
            values.put("public_token_hash", Invitations.hash(publicToken));
        }
        var write = context.records().batch();
        context.currentUsername().ifPresent(write::onBehalfOf);
        write.run(batch -> {
            batch.create(SurveyForms.CAMPAIGN, values);
            for (RecordData c : customers) {
                String token = Invitations.newToken();
                batch.create(SurveyForms.INVITATION, Invitations.values(c.id(), survey, campaign, expires, token));
                links.add(new Link(c.id(), text(c.get("name")), text(c.get("phone")), text(c.get("email")), token));
            }
        });
        return new Started(find(campaign).orElseThrow(), links, publicToken);
    }

    /** The campaigns, newest first (at most 200). */
    public List<RecordData> all() {
        return context.recordsOfCurrentUser().search(SurveyForms.CAMPAIGN).sortBy("created_at", true).limit(200)
                .list();
    }

    public Optional<RecordData> find(String name) {
        return context.records().search(SurveyForms.CAMPAIGN).where("name", FilterOperator.EQUALS, name).limit(1)
                .list().stream().findFirst();
    }

    /** The campaign's figures, counted in the database. */
    public Progress progress(String name) {
        return progress(List.of(name)).get(name);
    }

    /**
     * The progress of several campaigns in two grouped queries, whatever their number: the links per campaign with
     * their opened and answered counts (conditional counts of one {@code GROUP BY}), and the public answers per
     * campaign. A campaign without links or answers gets zeros.
     */
    public Map<String, Progress> progress(java.util.Collection<String> names) {
        Map<String, Progress> out = new java.util.LinkedHashMap<>();
        if (names.isEmpty()) {
            return out;
        }
        Object[] campaigns = names.toArray();
        Map<Object, io.kehu.sdk.records.AggregateRow> links = new java.util.HashMap<>();
        context.records().aggregate(SurveyForms.INVITATION).where("campaign", FilterOperator.IN, campaigns)
                .groupBy("campaign").count()
                .countWhere("opened", "opened_at", FilterOperator.IS_NOT_EMPTY)
                .countWhere("answered", "used_at", FilterOperator.IS_NOT_EMPTY)
                .forEach(row -> links.put(row.group("campaign"), row));
        Map<Object, Long> publicAnswers = new java.util.HashMap<>();
        context.records().aggregate(SurveyForms.RESPONSE).where("campaign", FilterOperator.IN, campaigns)
                .where("channel", FilterOperator.EQUALS, "public").groupBy("campaign").count()
                .forEach(row -> publicAnswers.put(row.group("campaign"), row.count()));
        for (String name : names) {
            var row = links.get(name);
            out.put(name, new Progress(row == null ? 0 : row.count(), row == null ? 0 : row.count("opened"),
                    row == null ? 0 : row.count("answered"), publicAnswers.getOrDefault(name, 0L)));
        }
        return out;
    }

    private List<RecordData> customers(Segment segment) {
        if (segment.kind() == Segment.Kind.NONE) {
            return List.of();
        }
        // the starter's own permissions: a manager gets links (names, phones, e-mails) only of customers they may see
        var search = context.recordsOfCurrentUser().search("customer").fields("name", "phone", "email");
        if (segment.kind() == Segment.Kind.TIER) {
            search.where(TIER_FIELD, FilterOperator.EQUALS, segment.tier());
        } else if (segment.kind() == Segment.Kind.VIEW) {
            search.savedView(segment.view());
        }
        List<RecordData> out = new ArrayList<>();
        search.forEach(c -> {
            if (out.size() <= MAX_CUSTOMERS) {
                out.add(c);
            }
        });
        return out;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** A refusal the screen shows as it is, in the user's language. */
    static final class Refusal extends IllegalArgumentException {

        private final transient LocalText text;

        Refusal(LocalText text) {
            super(text.in(Locale.ENGLISH));
            this.text = text;
        }

        LocalText text() {
            return text;
        }
    }

    private static Refusal refusal(String zh, String en) {
        return new Refusal(LocalText.of(zh, en));
    }
}
