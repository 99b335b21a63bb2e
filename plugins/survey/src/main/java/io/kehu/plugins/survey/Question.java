package io.kehu.plugins.survey;

import io.kehu.sdk.LocalText;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One question of a survey version. Answers are stored under {@link #name}, which stays the same across versions,
 * so results of version 1 and 2 are read together; the wording may change between versions.
 *
 * @param name the key of the answer: {@code [a-z][a-z0-9_]*}, unique in the survey
 * @param type what is asked
 * @param dimension what it measures (a matrix row may measure another one)
 * @param title the question in zh and en
 * @param scale the highest rating (5 or 10) for {@link QuestionType#RATING} and {@link QuestionType#MATRIX}
 * @param choices the options of a choice question
 * @param other whether a choice question offers "other" with a text
 * @param rows the rows of a matrix
 * @param required whether it must be answered (when visible)
 * @param visibleIf shown only when this condition holds ({@link Condition}), or null
 * @param look how a rating (and a matrix's rows) is offered on the answer page: {@link #STARS}, {@link #SMILEYS}, or
 *        null for numbers; only the look, the answer is the same number
 * @param page the page it is on, 1, 2, … (null: the first; surveys saved before pages existed are one page)
 */
public record Question(String name, QuestionType type, Dimension dimension, LocalText title, Integer scale,
                       List<Choice> choices, Boolean other, List<Row> rows, Boolean required, String visibleIf,
                       String look, Integer page) {

    public static final String STARS = "stars";
    public static final String SMILEYS = "smileys";

    /** A question offered as numbers (surveys saved before looks existed read the same). */
    public Question(String name, QuestionType type, Dimension dimension, LocalText title, Integer scale,
                    List<Choice> choices, Boolean other, List<Row> rows, Boolean required, String visibleIf) {
        this(name, type, dimension, title, scale, choices, other, rows, required, visibleIf, null, null);
    }

    /** A question on the first page. */
    public Question(String name, QuestionType type, Dimension dimension, LocalText title, Integer scale,
                    List<Choice> choices, Boolean other, List<Row> rows, Boolean required, String visibleIf,
                    String look) {
        this(name, type, dimension, title, scale, choices, other, rows, required, visibleIf, look, null);
    }

    /** This question offered with another look (stars, smileys, or null for numbers). */
    public Question withLook(String newLook) {
        return new Question(name, type, dimension, title, scale, choices, other, rows, required, visibleIf, newLook,
                page);
    }

    /** This question on page {@code number} (1, 2, …). */
    public Question onPage(int number) {
        return new Question(name, type, dimension, title, scale, choices, other, rows, required, visibleIf, look,
                number);
    }

    /** This question shown only while {@code condition} holds (null: always). */
    public Question withVisibleIf(String condition) {
        return new Question(name, type, dimension, title, scale, choices, other, rows, required, condition, look,
                page);
    }

    /** The page it is on, 1 for a question saved before pages existed. */
    public int pageNumber() {
        return page == null ? 1 : page;
    }

    /** One option of a choice question: the stored value and its text. */
    public record Choice(String value, LocalText text) {
    }

    /** One row of a matrix, rated under its own dimension. */
    public record Row(String value, LocalText text, Dimension dimension) {
    }

    public Question {
        Objects.requireNonNull(type, "type");
        if (name == null || !name.matches("[a-z][a-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("A question name is lower case letters, digits and _: " + name);
        }
        dimension = dimension == null ? Dimension.OVERALL : dimension;
        title = title == null ? LocalText.of(name, name) : title;
        choices = choices == null ? List.of() : List.copyOf(choices);
        rows = rows == null ? List.of() : List.copyOf(rows);
        if (type == QuestionType.RATING || type == QuestionType.MATRIX) {
            scale = scale == null ? 5 : scale;
            if (scale != 5 && scale != 10) {
                throw new IllegalArgumentException("A rating is 1 to 5 or 1 to 10, not 1 to " + scale);
            }
        }
        if (type == QuestionType.NPS) {
            scale = 10;
        }
        if (page != null && page < 1) {
            throw new IllegalArgumentException("Pages are numbered from 1, not " + page);
        }
        if (look != null && !(STARS.equals(look) || SMILEYS.equals(look))
                || look != null && type != QuestionType.RATING && type != QuestionType.MATRIX) {
            look = null; // numbers: an NPS is always 0–10 in numbers, as the method asks
        }
    }

    /** A rating question. */
    public static Question rating(String name, Dimension dimension, int scale, String zh, String en) {
        return new Question(name, QuestionType.RATING, dimension, LocalText.of(zh, en), scale, null, null, null, true,
                null);
    }

    /** The NPS question (0..10). */
    public static Question nps(String name, String zh, String en) {
        return new Question(name, QuestionType.NPS, Dimension.OVERALL, LocalText.of(zh, en), 10, null, null, null,
                true, null);
    }

    /** A question of any type without choices or rows. */
    public static Question of(String name, QuestionType type, Dimension dimension, String zh, String en) {
        return new Question(name, type, dimension, LocalText.of(zh, en), null, null, null, null, false, null);
    }

    public boolean mustAnswer() {
        return Boolean.TRUE.equals(required);
    }

    public boolean allowsOther() {
        return Boolean.TRUE.equals(other);
    }

    public String title(Locale locale) {
        return title.in(locale);
    }
}
