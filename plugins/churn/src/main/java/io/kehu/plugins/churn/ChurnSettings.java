package io.kehu.plugins.churn;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.json.JsonType;
import io.kehu.sdk.settings.SettingField;
import io.kehu.sdk.settings.SettingsPage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * The plugin's settings (edited on the Plugins screen) and its stored models. Models are kept as JSON settings
 * {@code model.<version>}, the list of versions in {@code models} and the one in use in {@code model.active}: every
 * version stays, so an admin can go back to an earlier one.
 */
@Extension
public class ChurnSettings implements SettingsPage {

    static final String FIELDS = "fields";
    static final String LABEL = "label";
    static final String HIGH = "high";
    static final String MEDIUM = "medium";
    static final String HORIZON = "horizon";
    static final int DEFAULT_HORIZON = 180;
    static final String ACTIVE = "model.active";
    static final String MODELS = "models";
    private static final JsonType<List<Integer>> VERSIONS = new JsonType<>() { };

    private final PluginContext context;

    public ChurnSettings(PluginContext context) {
        this.context = context;
    }

    @Override
    public List<SettingField> fields() {
        return List.of(
                SettingField.text(FIELDS, LocalText.of("参与评分的客户字段（字段标识，逗号分隔）",
                        "Customer fields used for scoring (field ids, comma-separated)"), "level,region,industry"),
                SettingField.text(LABEL, LocalText.of("“已流失”的标记（字段=值）", "What marks a lost customer (field=value)"),
                        "lifecycle_stage=lost"),
                SettingField.number(HORIZON, LocalText.of("训练截止：用多少天前的数据预测此后是否流失",
                        "Training cut-off: learn from the data of this many days ago who left since"),
                        DEFAULT_HORIZON),
                SettingField.number(HIGH, LocalText.of("高风险分数线", "High risk from score"), 70),
                SettingField.number(MEDIUM, LocalText.of("中风险分数线", "Medium risk from score"), 40));
    }

    List<String> pickedFields() {
        String text = context.settings().get(FIELDS, "level,region,industry");
        return Arrays.stream(text.split("[,，\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    String label() {
        String label = context.settings().get(LABEL, "lifecycle_stage=lost").trim();
        return label.contains("=") ? label : "lifecycle_stage=lost";
    }

    /** Days between the training cut-off and today (0 = train on today's features, which leaks). */
    int horizon() {
        return Math.max(0, number(HORIZON, DEFAULT_HORIZON));
    }

    int high() {
        return number(HIGH, 70);
    }

    int medium() {
        return number(MEDIUM, 40);
    }

    /** The level of a score with the given lines (read the settings once per run, not per customer). */
    static String level(int score, int high, int medium) {
        return score >= high ? "high" : score >= medium ? "medium" : "low";
    }

    private int number(String key, int fallback) {
        try {
            return Integer.parseInt(context.settings().get(key, Integer.toString(fallback)).trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    Optional<Integer> activeModelVersion() {
        return context.settings().get(ACTIVE).map(String::trim).filter(s -> s.matches("\\d+")).map(Integer::valueOf);
    }

    Optional<ChurnModel> activeModel() {
        return activeModelVersion().flatMap(this::model);
    }

    Optional<ChurnModel> model(int version) {
        return context.settings().getJson("model." + version, ChurnModel.class);
    }

    List<Integer> versions() {
        return context.settings().getJson(MODELS, VERSIONS).orElse(List.of());
    }

    int nextVersion() {
        return versions().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    }

    void save(ChurnModel model) {
        context.settings().putJson("model." + model.version(), model);
        List<Integer> versions = new ArrayList<>(versions());
        versions.add(model.version());
        context.settings().putJson(MODELS, versions);
    }

    void activate(int version) {
        context.settings().put(ACTIVE, Integer.toString(version));
    }
}
