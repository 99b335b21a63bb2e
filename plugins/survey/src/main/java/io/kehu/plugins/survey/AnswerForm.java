package io.kehu.plugins.survey;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The questions of one survey version as fields, in the user's language: ratings as stars or smileys
 * ({@link RatingPicker}) or, like the NPS, as a row of numbers,
 * choices as radio buttons or check boxes (with an "other" text), matrix rows each as a rating, yes/no, date, text.
 * A question with a condition is shown only while it holds. {@link #answers()} gives what {@link Answers} checks.
 *
 * <p>Paged (the public answer page), it shows one page of the survey at a time: {@link #next()} and
 * {@link #previous()} turn to the next or previous page that has a question shown under the answers so far (a page
 * whose questions are all hidden by their conditions is passed over), and {@link #problemsOnPage()} names the
 * required questions of the page still open. Unpaged (staff entry) it shows every page at once.
 */
final class AnswerForm extends Div {

    private final SurveyVersion version;
    private final Map<String, HasValue<?, ?>> fields = new LinkedHashMap<>();
    private final Map<String, Map<String, HasValue<?, Integer>>> matrices = new LinkedHashMap<>();
    private final Map<String, TextField> others = new LinkedHashMap<>();
    private final Map<String, Component> blocks = new LinkedHashMap<>();
    private final List<Runnable> changeListeners = new ArrayList<>();
    private final Map<String, Integer> pageOf = new LinkedHashMap<>();
    private final boolean paged;
    private final int pageCount;
    /** The page shown (0-based) when paged. */
    private int current;

    AnswerForm(SurveyVersion version, Locale locale) {
        this(version, locale, false);
    }

    AnswerForm(SurveyVersion version, Locale locale, boolean paged) {
        this.version = version;
        this.paged = paged;
        List<List<Question>> pages = version.pages();
        this.pageCount = Math.max(1, pages.size());
        for (int p = 0; p < pages.size(); p++) {
            for (Question q : pages.get(p)) {
                pageOf.put(q.name(), p);
            }
        }
        setId("survey-form");
        setWidthFull();
        boolean zh = "zh".equals(locale.getLanguage());
        for (Question q : version.questions()) {
            Div block = new Div();
            block.setId("q-" + q.name());
            block.getStyle().set("margin-bottom", "1em");
            Span title = new Span(q.title(locale) + (q.mustAnswer() ? " *" : ""));
            title.getStyle().set("font-weight", "600").set("display", "block");
            block.add(title);
            switch (q.type()) {
                case RATING, NPS -> {
                    if (q.look() != null) {
                        block.add(field(q.name(), new RatingPicker(q.scale(), q.look(), null, locale)
                                .named(q.title(locale))));
                    } else {
                        block.add(field(q.name(), scale(q.type() == QuestionType.NPS ? 0 : 1, q.scale())));
                    }
                }
                case SINGLE_CHOICE -> {
                    RadioButtonGroup<String> group = new RadioButtonGroup<>();
                    group.setItems(values(q));
                    group.setItemLabelGenerator(v -> label(q, v, zh, locale));
                    block.add(field(q.name(), group));
                    other(q, block, zh);
                }
                case MULTIPLE_CHOICE -> {
                    CheckboxGroup<String> group = new CheckboxGroup<>();
                    group.setItems(values(q));
                    group.setItemLabelGenerator(v -> label(q, v, zh, locale));
                    block.add(field(q.name(), group));
                    other(q, block, zh);
                }
                case TEXT -> block.add(field(q.name(), wide(new TextField())));
                case COMMENT -> block.add(field(q.name(), wide(new TextArea())));
                case DATE -> block.add(field(q.name(), new DatePicker()));
                case YES_NO -> {
                    RadioButtonGroup<Boolean> group = new RadioButtonGroup<>();
                    group.setItems(true, false);
                    group.setItemLabelGenerator(b -> b ? (zh ? "是" : "Yes") : (zh ? "否" : "No"));
                    block.add(field(q.name(), group));
                }
                case MATRIX -> {
                    Map<String, HasValue<?, Integer>> rows = new LinkedHashMap<>();
                    for (Question.Row row : q.rows()) {
                        if (q.look() != null) {
                            RatingPicker r = new RatingPicker(q.scale(), q.look(), row.text().in(locale), locale);
                            r.getElement().setAttribute("data-row", row.value());
                            r.addValueChangeListener(e -> updateVisibility());
                            rows.put(row.value(), r);
                            block.add(r);
                        } else {
                            RadioButtonGroup<Integer> r = scale(1, q.scale());
                            r.setLabel(row.text().in(locale));
                            r.addValueChangeListener(e -> updateVisibility());
                            rows.put(row.value(), r);
                            block.add(r);
                        }
                    }
                    matrices.put(q.name(), rows);
                }
                default -> throw new IllegalStateException(q.type().name());
            }
            blocks.put(q.name(), block);
            add(block);
        }
        updateVisibility();
    }

    private static <C extends Component & com.vaadin.flow.component.HasSize> C wide(C c) {
        c.setWidthFull();
        return c;
    }

    private <F extends Component & HasValue<?, ?>> Component field(String name, F field) {
        fields.put(name, field);
        field.addValueChangeListener(e -> updateVisibility());
        return field;
    }

    private void other(Question q, Div block, boolean zh) {
        if (q.allowsOther()) {
            TextField text = new TextField(zh ? "其他（请注明）" : "Other (please say)");
            text.setId("q-" + q.name() + "-other");
            text.setWidthFull();
            others.put(q.name(), text);
            block.add(text);
        }
    }

    private static RadioButtonGroup<Integer> scale(int from, int to) {
        RadioButtonGroup<Integer> group = new RadioButtonGroup<>();
        group.setItems(IntStream.rangeClosed(from, to).boxed().toList());
        // wraps onto several lines on a phone instead of overflowing
        group.getStyle().set("flex-wrap", "wrap");
        return group;
    }

    private static List<String> values(Question q) {
        List<String> values = new ArrayList<>(q.choices().stream().map(Question.Choice::value).toList());
        if (q.allowsOther()) {
            values.add(Answers.OTHER);
        }
        return values;
    }

    private static String label(Question q, String value, boolean zh, Locale locale) {
        return Answers.OTHER.equals(value) ? (zh ? "其他" : "Other") : q.choices().stream()
                .filter(c -> c.value().equals(value)).map(c -> c.text().in(locale)).findFirst().orElse(value);
    }

    /** The answers given so far, by question name (blank ones left out). */
    Map<String, Object> answers() {
        Map<String, Object> out = new LinkedHashMap<>();
        fields.forEach((name, field) -> {
            Object v = field.getValue();
            if (v instanceof java.util.Set<?> set) {
                v = set.isEmpty() ? null : new ArrayList<>(set);
            } else if (v instanceof java.time.LocalDate d) {
                v = d.toString();
            }
            if (v != null && !(v instanceof String s && s.isBlank())) {
                out.put(name, v);
            }
        });
        matrices.forEach((name, rows) -> {
            Map<String, Object> cells = new LinkedHashMap<>();
            rows.forEach((row, group) -> {
                if (group.getValue() != null) {
                    cells.put(row, group.getValue());
                }
            });
            if (!cells.isEmpty()) {
                out.put(name, cells);
            }
        });
        others.forEach((name, text) -> {
            if (!text.getValue().isBlank()) {
                out.put(name + "_other", text.getValue());
            }
        });
        return out;
    }

    /** Sets a question's answer, as a user would (tests; restoring a draft). */
    @SuppressWarnings("unchecked")
    void set(String name, Object value) {
        if (matrices.containsKey(name)) {
            ((Map<String, Integer>) value).forEach((row, v) -> matrices.get(name).get(row).setValue(v));
        } else {
            ((HasValue<?, Object>) fields.get(name)).setValue(value);
        }
    }

    private void updateVisibility() {
        Map<String, Object> given = answers();
        for (Question q : version.questions()) {
            blocks.get(q.name()).setVisible(Condition.holds(q.visibleIf(), given)
                    && (!paged || pageOf.get(q.name()) == current));
        }
        changeListeners.forEach(Runnable::run);
    }

    /** How many pages the survey has (1 without pages). */
    int pageCount() {
        return pageCount;
    }

    /** The page shown, 0-based (always 0 unpaged). */
    int page() {
        return current;
    }

    /** The pages that have a question shown under the answers so far, 0-based, in order. */
    List<Integer> shownPages() {
        Map<String, Object> given = answers();
        java.util.TreeSet<Integer> shown = new java.util.TreeSet<>();
        for (Question q : version.questions()) {
            if (Condition.holds(q.visibleIf(), given)) {
                shown.add(pageOf.get(q.name()));
            }
        }
        return List.copyOf(shown);
    }

    /** Whether no later page has a question to show: the submit belongs here. */
    boolean onLastPage() {
        return !paged || shownPages().stream().noneMatch(p -> p > current);
    }

    /** Whether an earlier page has a question to show. */
    boolean hasPreviousPage() {
        return paged && shownPages().stream().anyMatch(p -> p < current);
    }

    /** The required questions of the page shown (all of them unpaged) that are not answered yet, or not validly. */
    List<io.kehu.sdk.LocalText> problemsOnPage() {
        return Answers.check(version, answers(), q -> !paged || pageOf.get(q.name()) == current).problems();
    }

    /** Turns to the next page with a question shown; false on the last one. */
    boolean next() {
        Integer to = shownPages().stream().filter(p -> p > current).findFirst().orElse(null);
        return to != null && turnTo(to);
    }

    /** Turns to the previous page with a question shown; false on the first one. */
    boolean previous() {
        Integer to = shownPages().reversed().stream().filter(p -> p < current).findFirst().orElse(null);
        return to != null && turnTo(to);
    }

    /** Shows page {@code index} (0-based; a draft's page put back), when paged and it exists. */
    boolean turnTo(int index) {
        if (!paged || index < 0 || index >= pageCount) {
            return false;
        }
        current = index;
        updateVisibility();
        return true;
    }

    /** Called after every change of an answer (progress, autosave). */
    void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    /** Questions answered and questions shown now (a hidden question counts for neither). */
    int[] progress() {
        Map<String, Object> given = answers();
        int shown = 0;
        int answered = 0;
        for (Question q : version.questions()) {
            if (Condition.holds(q.visibleIf(), given)) {
                shown++;
                answered += given.containsKey(q.name()) ? 1 : 0;
            }
        }
        return new int[] {answered, shown};
    }

    /** Questions answered and shown on the page shown (of the whole survey unpaged). */
    int[] progressOnPage() {
        Map<String, Object> given = answers();
        int shown = 0;
        int answered = 0;
        for (Question q : version.questions()) {
            if ((!paged || pageOf.get(q.name()) == current) && Condition.holds(q.visibleIf(), given)) {
                shown++;
                answered += given.containsKey(q.name()) ? 1 : 0;
            }
        }
        return new int[] {answered, shown};
    }

    /**
     * Puts back a draft saved earlier ({@link #answers()} as read back from JSON, so numbers may be longs and lists
     * stand for sets). What does not fit the survey any more (a question removed, a value out of range) is left out:
     * the draft is a convenience, the submit is checked again.
     */
    void restore(Map<String, Object> draft) {
        for (Question q : version.questions()) {
            Object v = draft.get(q.name());
            if (v != null) {
                try {
                    set(q.name(), typed(q, v));
                } catch (RuntimeException ignored) {
                    // a stale or edited draft: that one answer stays empty
                }
            }
            if (others.containsKey(q.name()) && draft.get(q.name() + "_other") instanceof String other) {
                others.get(q.name()).setValue(other);
            }
        }
    }

    private static Object typed(Question q, Object v) {
        return switch (q.type()) {
            case RATING, NPS -> ((Number) v).intValue();
            case MATRIX -> {
                Map<String, Integer> cells = new LinkedHashMap<>();
                ((Map<?, ?>) v).forEach((row, n) -> cells.put(row.toString(), ((Number) n).intValue()));
                yield cells;
            }
            case MULTIPLE_CHOICE -> new java.util.LinkedHashSet<>(((List<?>) v).stream().map(Object::toString).toList());
            case DATE -> java.time.LocalDate.parse(v.toString());
            case YES_NO -> (Boolean) v;
            default -> (String) v; // text, comment, single choice: a list or a number here is not a draft of ours
        };
    }
}
