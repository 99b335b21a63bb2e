package io.kehu.plugins.survey;

import java.util.List;
import java.util.Optional;

/**
 * A survey and all its versions, oldest first; new responses answer the newest.
 *
 * @param key the survey's id, stored on every response: {@code [a-z][a-z0-9_]*}
 * @param versions at least one
 */
public record Survey(String key, List<SurveyVersion> versions) {

    public Survey {
        if (key == null || !key.matches("[a-z][a-z0-9_]{0,39}")) {
            throw new IllegalArgumentException("A survey key is lower case letters, digits and _: " + key);
        }
        versions = List.copyOf(versions);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("A survey has at least one version");
        }
    }

    public SurveyVersion current() {
        return versions.getLast();
    }

    public Optional<SurveyVersion> version(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst();
    }

    /**
     * Whether the question's wording in {@code version} differs from the current one (shown as "wording changed"
     * next to results that mix versions).
     */
    public boolean wordingChanged(String questionName) {
        return versions.stream().flatMap(v -> v.question(questionName).stream()).map(Question::title).distinct()
                .count() > 1;
    }
}
