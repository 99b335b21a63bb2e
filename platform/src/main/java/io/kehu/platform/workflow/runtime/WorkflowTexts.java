package io.kehu.platform.workflow.runtime;

import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.i18n.ProblemTexts;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Texts of the workflow runtime in both languages, from bundle {@code i18n/workflow}. */
public final class WorkflowTexts {

    private WorkflowTexts() {
    }

    /** The text of {@code key} (under {@code workflow.}) in Chinese and English, with {@code args} filled in. */
    public static LocalizedText text(String key, Object... args) {
        List<String> values = Arrays.stream(args).map(String::valueOf).toList();
        return LocalizedText.of(ProblemTexts.format("i18n.workflow", "workflow." + key, Locale.SIMPLIFIED_CHINESE,
                values), ProblemTexts.format("i18n.workflow", "workflow." + key, Locale.ENGLISH, values));
    }

    /** Text whose parts are themselves localized (labels of states, fields, actions): each language gets its own. */
    public static LocalizedText text(String key, LocalizedText... args) {
        List<String> zh = Arrays.stream(args).map(a -> a.in(Locale.SIMPLIFIED_CHINESE)).toList();
        List<String> en = Arrays.stream(args).map(a -> a.in(Locale.ENGLISH)).toList();
        return LocalizedText.of(ProblemTexts.format("i18n.workflow", "workflow." + key, Locale.SIMPLIFIED_CHINESE, zh),
                ProblemTexts.format("i18n.workflow", "workflow." + key, Locale.ENGLISH, en));
    }
}
