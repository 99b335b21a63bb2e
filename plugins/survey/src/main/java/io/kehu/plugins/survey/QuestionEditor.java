package io.kehu.plugins.survey;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The form for one new question in the survey builder: code, type, dimension, zh/en wording, scale, options (one a
 * line, {@code value|中文|English}), matrix rows ({@code value|中文|English|dimension}), "other", required and a
 * condition, and the page it is on. {@link #question()} reads it, or says in the admin's language what is wrong.
 */
final class QuestionEditor extends Div {

    /** What is wrong with the form, in the admin's language. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    private final PluginMessages m;
    private final Locale locale;
    final TextField name = new TextField();
    final Select<QuestionType> type = new Select<>();
    final Select<Dimension> dimension = new Select<>();
    final TextField zh = new TextField();
    final TextField en = new TextField();
    final Select<Integer> scale = new Select<>();
    final TextArea options = new TextArea();
    final Checkbox other = new Checkbox();
    final Checkbox required = new Checkbox();
    final TextField visibleIf = new TextField();
    /** How a rating is offered: "" numbers, {@link Question#STARS}, {@link Question#SMILEYS}. */
    final Select<String> look = new Select<>();
    /** The page the question goes on: one of the survey's pages or the next, new one. */
    final Select<Integer> page = new Select<>();
    private int pages = 1;

    QuestionEditor(PluginMessages m, Locale locale) {
        this.m = m;
        this.locale = locale;
        setId("builder-question");
        setWidthFull();
        name.setLabel(m.get("builder.q.name", locale));
        name.setHelperText(m.get("builder.q.name.help", locale));
        name.setId("builder-q-name");
        type.setLabel(m.get("builder.q.type", locale));
        type.setId("builder-q-type");
        type.setItems(QuestionType.values());
        type.setItemLabelGenerator(t -> t.label().in(locale));
        type.setValue(QuestionType.RATING);
        dimension.setLabel(m.get("builder.q.dimension", locale));
        dimension.setId("builder-q-dimension");
        dimension.setItems(Dimension.values());
        dimension.setItemLabelGenerator(d -> d.label().in(locale));
        dimension.setValue(Dimension.OVERALL);
        zh.setLabel(m.get("builder.q.zh", locale));
        zh.setId("builder-q-zh");
        en.setLabel(m.get("builder.q.en", locale));
        en.setId("builder-q-en");
        scale.setLabel(m.get("builder.q.scale", locale));
        scale.setId("builder-q-scale");
        scale.setItems(5, 10);
        scale.setItemLabelGenerator(s -> "1–" + s);
        scale.setValue(5);
        options.setLabel(m.get("builder.q.options", locale));
        options.setHelperText(m.get("builder.q.options.help", locale));
        options.setId("builder-q-options");
        other.setLabel(m.get("builder.q.other", locale));
        required.setLabel(m.get("builder.q.required", locale));
        required.setValue(true);
        look.setLabel(m.get("builder.q.look", locale));
        look.setId("builder-q-look");
        look.setItems("", Question.STARS, Question.SMILEYS);
        look.setItemLabelGenerator(l -> m.get("builder.q.look." + (l.isEmpty() ? "numbers" : l), locale));
        look.setValue("");
        visibleIf.setLabel(m.get("builder.q.visibleIf", locale));
        visibleIf.setHelperText(m.get("builder.q.visibleIf.help", locale));
        visibleIf.setId("builder-q-visible-if");
        page.setLabel(m.get("builder.q.page", locale));
        page.setId("builder-q-page");
        pages(1);
        for (var c : List.of(name, zh, en, options, visibleIf)) {
            c.setWidthFull();
        }
        add(page, name, type, dimension, zh, en, scale, look, options, other, required, visibleIf);
        getChildren().forEach(c -> c.getElement().getStyle().set("display", "block"));
        type.addValueChangeListener(e -> fit());
        fit();
    }

    /** Shows only what the chosen type uses. */
    private void fit() {
        QuestionType t = type.getValue();
        scale.setVisible(t == QuestionType.RATING || t == QuestionType.MATRIX);
        look.setVisible(t == QuestionType.RATING || t == QuestionType.MATRIX);
        options.setVisible(t == QuestionType.SINGLE_CHOICE || t == QuestionType.MULTIPLE_CHOICE
                || t == QuestionType.MATRIX);
        other.setVisible(t == QuestionType.SINGLE_CHOICE || t == QuestionType.MULTIPLE_CHOICE);
    }

    Question question() throws Invalid {
        String code = name.getValue().trim();
        if (!code.matches("[a-z][a-z0-9_]{0,63}")) {
            throw new Invalid(m.get("builder.q.name.invalid", locale));
        }
        if (zh.getValue().isBlank() && en.getValue().isBlank()) {
            throw new Invalid(m.get("builder.q.text.missing", locale));
        }
        LocalText title = LocalText.of(text(zh, en), text(en, zh));
        QuestionType t = type.getValue();
        List<Question.Choice> choices = new ArrayList<>();
        List<Question.Row> rows = new ArrayList<>();
        int line = 0;
        for (String raw : options.getValue().split("\\R")) {
            line++;
            if (raw.isBlank() || !options.isVisible()) {
                continue;
            }
            String[] parts = raw.split("\\|", -1);
            String value = parts[0].trim();
            if (!value.matches("[a-z0-9][a-z0-9_]{0,39}")) {
                throw new Invalid(m.get("builder.q.option.invalid", locale, line, value));
            }
            LocalText text = LocalText.of(part(parts, 1, value), part(parts, 2, part(parts, 1, value)));
            if (t == QuestionType.MATRIX) {
                Dimension d = dimensionOf(part(parts, 3, dimension.getValue().name()));
                if (d == null) {
                    throw new Invalid(m.get("builder.q.row.dimension", locale, line));
                }
                rows.add(new Question.Row(value, text, d));
            } else {
                choices.add(new Question.Choice(value, text));
            }
        }
        if ((t == QuestionType.SINGLE_CHOICE || t == QuestionType.MULTIPLE_CHOICE) && choices.isEmpty()
                || t == QuestionType.MATRIX && rows.isEmpty()) {
            throw new Invalid(m.get("builder.q.options.missing", locale));
        }
        String condition = visibleIf.getValue().isBlank() ? null : visibleIf.getValue().trim();
        return new Question(code, t, dimension.getValue(), title, t == QuestionType.NPS ? 10 : scale.getValue(),
                choices, other.isVisible() && other.getValue(), rows, required.getValue(), condition,
                look.isVisible() && !look.getValue().isEmpty() ? look.getValue() : null,
                page.getValue() == null ? 1 : page.getValue());
    }

    /**
     * The survey has {@code count} pages now: the page choice offers each of them and a new one after them. The page
     * chosen stays when it still exists (questions added one after another land on the same page), else the last.
     */
    void pages(int count) {
        pages = Math.max(1, count);
        Integer chosen = page.getValue();
        page.setItems(java.util.stream.IntStream.rangeClosed(1, pages + 1).boxed().toList());
        page.setItemLabelGenerator(n -> n <= pages ? m.get("builder.page", locale, n)
                : m.get("builder.page.new", locale, n));
        page.setValue(chosen != null && chosen <= pages + 1 ? chosen : pages);
    }

    /** New questions go on a new page after the last one. */
    void newPage() {
        page.setValue(pages + 1);
    }

    /**
     * Puts an existing question into the form to be changed: wording, type, dimension, scale, look, options, other,
     * required, condition. Its code stays (answers are stored and compared across versions under it).
     */
    void load(Question q) {
        page.setValue(q.pageNumber());
        name.setValue(q.name());
        name.setReadOnly(true);
        type.setValue(q.type());
        dimension.setValue(q.dimension());
        zh.setValue(q.title().zh());
        en.setValue(q.title().en());
        if (q.scale() != null && (q.scale() == 5 || q.scale() == 10)) {
            scale.setValue(q.scale());
        }
        look.setValue(q.look() == null ? "" : q.look());
        StringBuilder lines = new StringBuilder();
        for (Question.Choice c : q.choices()) {
            lines.append(c.value()).append('|').append(c.text().zh()).append('|').append(c.text().en()).append('\n');
        }
        for (Question.Row r : q.rows()) {
            lines.append(r.value()).append('|').append(r.text().zh()).append('|').append(r.text().en()).append('|')
                    .append(r.dimension().label().zh()).append('\n');
        }
        options.setValue(lines.toString().strip());
        other.setValue(q.allowsOther());
        required.setValue(q.mustAnswer());
        visibleIf.setValue(q.visibleIf() == null ? "" : q.visibleIf());
        fit();
    }

    void clear() {
        name.setReadOnly(false);
        look.setValue("");
        name.clear();
        zh.clear();
        en.clear();
        options.clear();
        visibleIf.clear();
        other.setValue(false);
    }

    private static String text(TextField first, TextField fallback) {
        return first.getValue().isBlank() ? fallback.getValue().trim() : first.getValue().trim();
    }

    private static String part(String[] parts, int index, String fallback) {
        return parts.length > index && !parts[index].isBlank() ? parts[index].trim() : fallback;
    }

    private static Dimension dimensionOf(String text) {
        for (Dimension d : Dimension.values()) {
            if (d.name().equalsIgnoreCase(text) || d.label().zh().equals(text) || d.label().en().equalsIgnoreCase(text)
                    || d.scoreField().equals("score_" + text.toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        return null;
    }
}
