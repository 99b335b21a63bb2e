package io.kehu.plugins.churn;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.workflows.TaskRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Scoring and training, shared by the nightly job and the screens ({@code services()}: one per plugin run).
 *
 * <p>Scoring reads the features in bulk ({@link FeatureExtractor}), scores every customer who has not left, and
 * writes in one batch a {@code churn_score} row for each customer whose score changed since the last row (so the
 * history is the score's changes, not a million identical rows a night); the new row is the customer's current one
 * ({@code latest}), the previous loses the mark. Customers who became high-risk get a win-back task for their
 * account manager (one open task per customer at most).
 */
final class ChurnService {

    static final String WIN_BACK = "win_back";
    static final int WIN_BACK_DAYS = 7;

    /** What a scoring run did. */
    record Outcome(int customers, int high, int written, int tasks) {
    }

    /** What a round of win-back tasks did. */
    record WinBack(int created, int alreadyOpen, int noOwner) {
    }

    /** A customer's current score row. */
    record Current(long rowId, int rowVersion, long customer, int score, Long owner, String reasonsZh,
                   String reasonsEn, String tier, String region) {
    }

    private final PluginContext context;

    ChurnService(PluginContext context) {
        this.context = context;
    }

    static ChurnService of(PluginContext context) {
        return context.services().get(ChurnService.class, () -> new ChurnService(context));
    }

    ChurnSettings settings() {
        return new ChurnSettings(context);
    }

    /** Scores every customer as of {@code asOf}; {@code onBehalfOf} is who pressed the button (null for the job). */
    Outcome scoreAll(LocalDate asOf, String onBehalfOf, Progress progress, BooleanSupplier cancelled) {
        ChurnSettings settings = settings();
        FeatureTable table = new FeatureExtractor(context).extract(asOf, settings.pickedFields(), settings.label(),
                (done, total, note) -> progress.report(done / 2, total, note), cancelled);
        ChurnRules rules = ChurnRules.load(context);
        ChurnModel model = settings.activeModel().orElse(null);
        Scorer scorer = new Scorer(rules, model, new ReasonTexts(context));
        Previous previous = Previous.read(context, table);
        int high = settings.high();
        int medium = settings.medium();
        int[] counts = new int[3];
        List<Current> newlyHigh = new ArrayList<>();
        long total = table.size;
        Long modelVersion = model == null ? null : (long) model.version();
        context.records().batch().onBehalfOf(onBehalfOf)
                .onProgress(written -> progress.report(total / 2 + Math.min(written, total) / 2, total, "scores"))
                .cancelWhen(cancelled)
                .run(b -> {
                    for (int i = 0; i < table.size; i++) {
                        if (table.labels != null && table.labels[i] == 1) {
                            continue;
                        }
                        Scorer.Score s = scorer.score(table, i);
                        counts[0]++;
                        if (s.score() >= high) {
                            counts[1]++;
                        }
                        boolean scoredBefore = previous.rowIds[i] != 0;
                        if (scoredBefore && previous.same(i, s.score(), table.tiers[i], table.regions[i])) {
                            continue;
                        }
                        if (scoredBefore) {
                            b.update(ChurnForms.SCORE, previous.rowIds[i], previous.rowVersions[i],
                                    Map.of("latest", false));
                        }
                        String zh = s.reasons(true);
                        String en = s.reasons(false);
                        Map<String, Object> values = new HashMap<>();
                        values.put("customer", table.ids[i]);
                        values.put("scored_on", asOf);
                        values.put("score", (long) s.score());
                        values.put("risk_level", ChurnSettings.level(s.score(), high, medium));
                        values.put("latest", true);
                        values.put("owner", table.owners[i]);
                        values.put("tier", table.tiers[i]);
                        values.put("region", table.regions[i]);
                        values.put("reasons_zh", zh);
                        values.put("reasons_en", en);
                        values.put("rule_points", (long) s.rulePoints());
                        values.put("model_score", s.modelScore() == null ? null : s.modelScore().longValue());
                        values.put("model_version", modelVersion);
                        values.put("features", table.json(i));
                        b.create(ChurnForms.SCORE, values);
                        counts[2]++;
                        if (s.score() >= high && (!scoredBefore || previous.scores[i] < high)) {
                            newlyHigh.add(new Current(0, 0, table.ids[i], s.score(), table.owners[i], zh, en,
                                    table.tiers[i], table.regions[i]));
                        }
                    }
                });
        WinBack tasks = winBack(newlyHigh);
        progress.report(total, total, "done");
        return new Outcome(counts[0], counts[1], counts[2], tasks.created());
    }

    /**
     * The current score row of every customer of {@code table}, by table row (arrays, not a million map entries),
     * with only what the scoring compares: a row id of 0 means not scored yet.
     */
    static final class Previous {
        final long[] rowIds;
        final int[] rowVersions;
        final int[] scores;
        final String[] tiers;
        final String[] regions;

        private Previous(int size) {
            rowIds = new long[size];
            rowVersions = new int[size];
            scores = new int[size];
            tiers = new String[size];
            regions = new String[size];
        }

        static Previous read(PluginContext context, FeatureTable table) {
            Previous p = new Previous(table.size);
            context.records().search(ChurnForms.SCORE).where("latest", FilterOperator.EQUALS, true)
                    .fields("customer", "score", "tier", "region").forEach(r -> {
                        int i = table.indexOf(((Number) r.get("customer")).longValue());
                        if (i >= 0) {
                            p.rowIds[i] = r.id();
                            p.rowVersions[i] = r.rowVersion();
                            p.scores[i] = ((Number) r.get("score")).intValue();
                            p.tiers[i] = (String) r.get("tier");
                            p.regions[i] = (String) r.get("region");
                        }
                    });
            return p;
        }

        /** Whether the stored row still says this (a moved customer gets a new row so the list's filters hold). */
        boolean same(int row, int score, String tier, String region) {
            return scores[row] == score && java.util.Objects.equals(tiers[row], tier)
                    && java.util.Objects.equals(regions[row], region);
        }
    }

    /** Every customer's current score row, by customer. */
    Map<Long, Current> currentScores() {
        Map<Long, Current> current = new HashMap<>();
        context.records().search(ChurnForms.SCORE).where("latest", FilterOperator.EQUALS, true)
                .fields("customer", "score", "owner", "reasons_zh", "reasons_en", "tier", "region").forEach(r -> {
                    Object owner = r.get("owner");
                    current.put(((Number) r.get("customer")).longValue(), new Current(r.id(), r.rowVersion(),
                            ((Number) r.get("customer")).longValue(), ((Number) r.get("score")).intValue(),
                            owner == null ? null : ((Number) owner).longValue(), (String) r.get("reasons_zh"),
                            (String) r.get("reasons_en"), (String) r.get("tier"), (String) r.get("region")));
                });
        return current;
    }

    /** A customer's current score, if scored. */
    Optional<RecordData> current(long customer) {
        return context.records().search(ChurnForms.SCORE).where("customer", FilterOperator.EQUALS, customer)
                .where("latest", FilterOperator.EQUALS, true).limit(1).list().stream().findFirst();
    }

    /** Win-back tasks for every customer now at high risk (the warning list's bulk button). */
    WinBack winBackAllHigh() {
        int high = settings().high();
        return winBack(currentScores().values().stream().filter(c -> c.score() >= high).toList());
    }

    /**
     * A win-back task (我的待办) for each customer's account manager, due in a week, titled with the first reason;
     * none when the customer already has an open win-back task or no enabled account manager.
     */
    WinBack winBack(List<Current> customers) {
        int created = 0;
        int open = 0;
        int noOwner = 0;
        for (Current c : customers) {
            Optional<String> owner = c.owner() == null ? Optional.empty()
                    : context.workflows().enabledUsername(c.owner());
            if (owner.isEmpty()) {
                noOwner++;
                continue;
            }
            if (context.workflows().openTasks(FeatureExtractor.CUSTOMER, c.customer()).stream()
                    .anyMatch(t -> WIN_BACK.equals(t.kind()))) {
                open++;
                continue;
            }
            String zh = first(c.reasonsZh(), "；");
            String en = first(c.reasonsEn(), "; ");
            LocalText title = LocalText.of(
                    context.messages().get("winback.task", Locale.SIMPLIFIED_CHINESE, zh + "（风险分 " + c.score() + "）"),
                    context.messages().get("winback.task", Locale.ENGLISH, en + " (risk " + c.score() + ")"));
            context.workflows().createTask(new TaskRequest(FeatureExtractor.CUSTOMER, c.customer(), WIN_BACK, title,
                    owner.get(), Instant.now().plus(Duration.ofDays(WIN_BACK_DAYS))));
            created++;
        }
        return new WinBack(created, open, noOwner);
    }

    private static String first(String reasons, String separator) {
        if (reasons == null || reasons.isBlank()) {
            return "";
        }
        int cut = reasons.indexOf(separator);
        return cut < 0 ? reasons : reasons.substring(0, cut);
    }

    /** Trains a new logistic model version as of today (see below). */
    ChurnModel train(long seed, Progress progress, BooleanSupplier cancelled) {
        return train(LocalDate.now(), ChurnModel.LOGISTIC, seed, progress, cancelled);
    }

    /**
     * Trains a new model version of {@code kind} on the customers' history: features as of the cut-off
     * {@code today − horizon} (a leaver's: their loss date − horizon, {@link TrainingSnapshot}), labelled with who
     * has left by {@code today}. It is stored,
     * not yet used.
     */
    ChurnModel train(LocalDate today, String kind, long seed, Progress progress, BooleanSupplier cancelled) {
        return train(today, kind, seed, ChurnModel.HOLDOUT, progress, cancelled);
    }

    /** As above with the split chosen on the training screen: {@code seed} and the {@code holdoutShare} held out. */
    ChurnModel train(LocalDate today, String kind, long seed, double holdoutShare, Progress progress,
                     BooleanSupplier cancelled) {
        ChurnSettings settings = settings();
        LocalDate cutoff = TrainingSnapshot.cutoff(today, settings.horizon());
        FeatureTable table = TrainingSnapshot.build(context, cutoff, settings.horizon(), settings.pickedFields(),
                settings.label(), progress, cancelled);
        ChurnModel model = ChurnModel.train(table, settings.nextVersion(), settings.label(), seed, kind,
                cutoff.toString(), settings.horizon(), holdoutShare);
        settings.save(model);
        return model;
    }

    /**
     * The information value of every archive measure and of each candidate customer field for {@code label}, on the
     * training examples as of the cut-off (what the training screen shows next to each field); input → IV.
     */
    Map<String, Double> informationValues(LocalDate today, List<String> candidates, String label) {
        int horizon = settings().horizon();
        FeatureTable table = TrainingSnapshot.build(context, TrainingSnapshot.cutoff(today, horizon), horizon,
                candidates, label, Progress.NONE, () -> false);
        Map<String, Double> iv = new LinkedHashMap<>();
        if (table.labels == null) {
            return iv;
        }
        int[] rows = java.util.stream.IntStream.range(0, table.size).filter(i -> !table.isExcluded(i)).toArray();
        Scorecard.binAll(table, rows).forEach(v -> iv.put(v.input(), v.iv()));
        return iv;
    }

    /** Counts of current scores per risk level (high, medium, low). */
    Map<String, Long> levels() {
        Map<String, Long> counts = new LinkedHashMap<>();
        context.records().aggregate(ChurnForms.SCORE).where("latest", FilterOperator.EQUALS, true)
                .groupBy("risk_level").count()
                .forEach(row -> counts.put(String.valueOf(row.group("risk_level")), row.count()));
        return counts;
    }
}
