package io.kehu.plugins.survey;

import io.kehu.sdk.LocalText;

/** The kinds of question a survey asks, and which of them are scored. */
public enum QuestionType {
    /** A rating 1..scale (5 or 10), stars or smileys in the page: scored. */
    RATING(LocalText.of("评分", "Rating")),
    /** "How likely are you to recommend us?" 0..10: counted in the NPS. */
    NPS(LocalText.of("推荐意愿（NPS）", "Net promoter (NPS)")),
    SINGLE_CHOICE(LocalText.of("单选", "Single choice")),
    MULTIPLE_CHOICE(LocalText.of("多选", "Multiple choice")),
    TEXT(LocalText.of("填空", "Short text")),
    COMMENT(LocalText.of("意见（多行）", "Comment")),
    /** Rows (e.g. the five dimensions) each rated 1..scale: every row is scored under its own dimension. */
    MATRIX(LocalText.of("矩阵评分", "Matrix rating")),
    DATE(LocalText.of("日期", "Date")),
    YES_NO(LocalText.of("是/否", "Yes / no"));

    private final LocalText label;

    QuestionType(LocalText label) {
        this.label = label;
    }

    public LocalText label() {
        return label;
    }
}
