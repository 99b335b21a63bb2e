package io.kehu.plugins.survey;

import io.kehu.sdk.LocalText;
import java.util.ArrayList;
import java.util.Comparator;
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
 * @param questions in page order: sorted by their page (a stable sort, so the order within a page stays), pages
 *        numbered 1, 2, … without gaps
 * @param savedAt when this version was saved (ISO instant)
 * @param savedBy who saved it
 */
public record SurveyVersion(int number, LocalText title, LocalText greeting, List<Question> questions,
                            String savedAt, String savedBy) {

    public SurveyVersion {
        questions = questions == null ? List.of() : inPageOrder(questions);
        Set<String> names = new HashSet<>();
        for (Question q : questions) {
            if (!names.add(q.name())) {
                throw new IllegalArgumentException("Two questions are named " + q.name());
            }
        }
    }

    /** The questions page by page (one page for a survey without pages; none without questions). */
    public List<List<Question>> pages() {
        List<List<Question>> pages = new ArrayList<>();
        for (Question q : questions) {
            if (pages.size() < q.pageNumber()) {
                pages.add(new ArrayList<>());
            }
            pages.getLast().add(q);
        }
        return pages.stream().map(List::copyOf).toList();
    }

    /** The questions sorted by page (a stable sort), pages renumbered 1, 2, … without gaps. */
    static List<Question> inPageOrder(List<Question> questions) {
        List<Question> sorted = new ArrayList<>(questions);
        sorted.sort(Comparator.comparingInt(Question::pageNumber));
        List<Question> out = new ArrayList<>(sorted.size());
        int last = 0;
        int number = 0;
        for (Question q : sorted) {
            if (q.pageNumber() != last) {
                last = q.pageNumber();
                number++;
            }
            out.add(q.pageNumber() == number ? q : q.onPage(number));
        }
        return List.copyOf(out);
    }

    public Optional<Question> question(String name) {
        return questions.stream().filter(q -> q.name().equals(name)).findFirst();
    }
}
