package io.kehu.plugins.survey;

import io.kehu.sdk.LocalText;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One version of a survey: its title, greeting and questions. A version that has responses is never changed again
 * (its answers must keep meaning what was asked); saving then makes the next version.
 *
 * @param number 1, 2, …
 * @param title the survey's title in zh and en
 * @param greeting what the answer page says first (the only thing it tells about the company), or null
 * @param questions in page order
 * @param savedAt when this version was saved (ISO instant)
 * @param savedBy who saved it
 */
public record SurveyVersion(int number, LocalText title, LocalText greeting, List<Question> questions,
                            String savedAt, String savedBy) {

    public SurveyVersion {
        questions = questions == null ? List.of() : List.copyOf(questions);
        Set<String> names = new HashSet<>();
        for (Question q : questions) {
            if (!names.add(q.name())) {
                throw new IllegalArgumentException("Two questions are named " + q.name());
            }
        }
    }

    public Optional<Question> question(String name) {
        return questions.stream().filter(q -> q.name().equals(name)).findFirst();
    }
}
