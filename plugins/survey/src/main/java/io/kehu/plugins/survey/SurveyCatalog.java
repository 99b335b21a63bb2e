package io.kehu.plugins.survey;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.json.JsonType;
import io.kehu.sdk.records.FilterOperator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The surveys, kept as JSON in the plugin's settings (key {@code surveys}). Saving a survey whose newest version has
 * responses adds a version; otherwise the newest version is replaced (nobody answered it yet, so nothing it means
 * changes). Question names carry over, so results of all versions are read together.
 */
public final class SurveyCatalog {

    static final String SETTING = "surveys";
    /** Set once the plugin has looked at its first start; the standard survey is shipped at most once. */
    static final String SHIPPED = "standard_survey_shipped";
    /** Who a shipped survey names as its author. */
    static final String SYSTEM = "system";
    private static final JsonType<List<Survey>> TYPE = new JsonType<>() { };

    private final PluginContext context;

    public SurveyCatalog(PluginContext context) {
        this.context = context;
    }

    public List<Survey> all() {
        return context.settings().getJson(SETTING, TYPE).orElseGet(List::of);
    }

    public Optional<Survey> get(String key) {
        return all().stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /**
     * Saves new contents of a survey (creating it when the key is new).
     *
     * @return the survey as stored; its current version is the one just saved
     */
    public synchronized Survey save(String key, LocalText title, LocalText greeting, List<Question> questions,
                                    String savedBy) {
        List<Survey> all = new ArrayList<>(all());
        Optional<Survey> existing = all.stream().filter(s -> s.key().equals(key)).findFirst();
        List<SurveyVersion> versions = new ArrayList<>(existing.map(Survey::versions).orElseGet(List::of));
        int number = versions.isEmpty() ? 1 : versions.getLast().number();
        if (!versions.isEmpty() && answered(key, number)) {
            number++;
        } else if (!versions.isEmpty()) {
            versions.removeLast();
        }
        versions.add(new SurveyVersion(number, title, greeting, questions, Instant.now().toString(), savedBy));
        Survey saved = new Survey(key, versions);
        all.removeIf(s -> s.key().equals(key));
        all.add(saved);
        context.settings().putJson(SETTING, all);
        return saved;
    }

    /**
     * On the first start of the plugin (no surveys yet), creates the standard satisfaction survey
     * ({@link StandardSurvey}), so that {@code send_link} on the shipped complaint process and visit flow makes links
     * on a fresh install. Later starts leave the catalog alone, whatever an admin did with it.
     *
     * @return whether it was created now
     */
    synchronized boolean shipStandard() {
        if (context.settings().get(SHIPPED).isPresent()) {
            return false;
        }
        boolean create = all().isEmpty();
        if (create) {
            save(StandardSurvey.KEY, StandardSurvey.title(), StandardSurvey.greeting(), StandardSurvey.questions(),
                    SYSTEM);
        }
        context.settings().put(SHIPPED, Instant.now().toString());
        return create;
    }

    /** Whether any response answers this version (it may then not change). */
    public boolean answered(String key, int version) {
        return !context.records().search(SurveyForms.RESPONSE).where("survey", FilterOperator.EQUALS, key)
                .where("survey_version", FilterOperator.EQUALS, (long) version).fields("survey").limit(1).list()
                .isEmpty();
    }
}
