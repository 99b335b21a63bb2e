package io.kehu.plugins.survey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The builder's moves on a survey's pages, on the list of questions it edits: a question moved up or down goes
 * across into the neighbouring page at the page's edge, and two neighbouring pages change places with all their
 * questions. The list always stays in page order with pages numbered 1, 2, … ({@link SurveyVersion}'s rule).
 */
final class PageOrder {

    private PageOrder() {
    }

    /** The questions sorted by page (order within a page kept), pages numbered without gaps. */
    static void normalize(List<Question> questions) {
        List<Question> ordered = SurveyVersion.inPageOrder(questions);
        questions.clear();
        questions.addAll(ordered);
    }

    /** The number of pages (1 for an empty survey: the page new questions go on). */
    static int count(List<Question> questions) {
        return questions.stream().mapToInt(Question::pageNumber).max().orElse(1);
    }

    /** Moves question {@code at} one place up: within its page, or at the top of it to the end of the page before. */
    static void up(List<Question> questions, int at) {
        Question q = questions.get(at);
        if (at > 0 && questions.get(at - 1).pageNumber() == q.pageNumber()) {
            Collections.swap(questions, at, at - 1);
        } else if (q.pageNumber() > 1) {
            questions.set(at, q.onPage(q.pageNumber() - 1));
        }
        normalize(questions);
    }

    /** Moves question {@code at} one place down: within its page, or at its end to the top of the next page. */
    static void down(List<Question> questions, int at) {
        Question q = questions.get(at);
        if (at + 1 < questions.size() && questions.get(at + 1).pageNumber() == q.pageNumber()) {
            Collections.swap(questions, at, at + 1);
        } else if (at + 1 < questions.size()) {
            // the first of the next page: put it before that page's questions
            questions.set(at, q.onPage(q.pageNumber() + 1));
        }
        normalize(questions);
    }

    /** Page {@code page} and page {@code page + 1} change places. */
    static void swapPages(List<Question> questions, int page) {
        List<Question> out = new ArrayList<>();
        for (Question q : questions) {
            int p = q.pageNumber();
            out.add(p == page ? q.onPage(page + 1) : p == page + 1 ? q.onPage(page) : q);
        }
        questions.clear();
        questions.addAll(out);
        normalize(questions);
    }
}
