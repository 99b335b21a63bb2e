package io.kehu.plugins.churn;

import io.kehu.sdk.LocalText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A customer's risk 0–100 from the two explainable parts: the admin's rule points {@code r} (at most 100) and the
 * active model's probability {@code p}. They are combined as two independent warnings —
 * {@code risk = 100 × (1 − (1 − p) × (1 − r/100))} — so either one alone can raise the risk, both together raise it
 * more, and without a model the risk is the rule points. The reasons are the rules that hold (most points first),
 * then the model inputs pushing hardest towards leaving, three at most, never the same words twice.
 */
final class Scorer {

    static final int REASONS = 3;

    /** One customer's result. */
    record Score(int score, int rulePoints, Integer modelScore, List<LocalText> reasons) {

        String reasons(boolean chinese) {
            return String.join(chinese ? "；" : "; ", reasons.stream().map(r -> chinese ? r.zh() : r.en()).toList());
        }
    }

    private final ChurnRules rules;
    private final ChurnModel model;
    private final ReasonTexts texts;
    private final double[] scratch;

    Scorer(ChurnRules rules, ChurnModel model, ReasonTexts texts) {
        this.rules = rules;
        this.model = model;
        this.texts = texts;
        this.scratch = model == null ? null : new double[model.inputCount()];
    }

    Score score(FeatureTable table, int row) {
        List<ChurnRules.Hit> hits = rules.evaluate(table, row, texts);
        int points = Math.min(100, hits.stream().mapToInt(h -> h.rule().points()).sum());
        Set<LocalText> reasons = new LinkedHashSet<>();
        hits.forEach(h -> reasons.add(h.reason()));
        Integer modelScore = null;
        double p = 0;
        if (model != null) {
            p = model.probability(table, row, scratch);
            modelScore = (int) Math.round(p * 100);
            for (ChurnModel.Contribution c : model.reasons(table, row, scratch, REASONS)) {
                reasons.add(texts.input(table, row, c.input()));
            }
        }
        int score = (int) Math.round(100 * (1 - (1 - p) * (1 - points / 100.0)));
        List<LocalText> top = new ArrayList<>(reasons);
        return new Score(score, points, modelScore, top.subList(0, Math.min(REASONS, top.size())));
    }
}
