package io.kehu.plugins.survey;

import io.kehu.plugins.survey.ImportReport.Outcome;
import io.kehu.sdk.LocalText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a SurveyJS survey definition (the JSON most web surveys are written in: https://surveyjs.io/form-library/
 * documentation/design-survey/create-a-simple-survey) into our questions, with a report of what was mapped,
 * approximated or dropped. The support table is in docs/survey.md; in short:
 *
 * <ul>
 *   <li>{@code pages[].elements} or top-level {@code elements}; the legacy {@code questions} spelling too. Each
 *       SurveyJS page is a page of ours (pages left without an importable question are skipped); panels are
 *       flattened into their page (a page's or panel's {@code visibleIf} is joined to its questions').</li>
 *   <li>{@code rating} (1–5, 1–10; 0–10 is NPS; other ranges approximated), {@code radiogroup}/{@code dropdown}
 *       (single choice), {@code checkbox}/{@code tagbox} (multiple), {@code comment}, {@code text} (a date with
 *       {@code inputType: date}), {@code boolean}, {@code matrix} (rows × a 5- or 10-column scale),
 *       {@code matrixdropdown} (approximated: one rating per row).</li>
 *   <li>Choices as strings, {@code "value|text"} or {@code {value, text}}; {@code hasOther} / {@code showOtherItem};
 *       {@code isRequired}; {@code visibleIf} in the subset {@link Condition} understands; localised texts
 *       ({@code {"default": …, "zh-cn": …}}).</li>
 *   <li>Each question's dimension is guessed from its name and title (质量/quality, 服务/service, 速度/speed,
 *       价格/price, else overall); an NPS is a 0–10 rating.</li>
 * </ul>
 */
public final class SurveyJsImport {

    /** The imported survey: its title and questions (empty when nothing could be imported) and the report. */
    public record Result(LocalText title, List<Question> questions, ImportReport report) {
    }

    private static final Set<String> DROPPED = Set.of("html", "image", "expression", "file", "signaturepad",
            "ranking", "imagepicker", "multipletext", "paneldynamic", "matrixdynamic");

    private final ImportReport report = new ImportReport();
    private final List<Question> questions = new ArrayList<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final List<String[]> conditions = new ArrayList<>();
    /** The page the next question lands on. */
    private int page = 1;

    private SurveyJsImport() {
    }

    /** Imports a parsed SurveyJS JSON object. */
    public static Result read(Map<String, Object> json) {
        SurveyJsImport in = new SurveyJsImport();
        LocalText title = text(json.get("title"), LocalText.of("导入的问卷", "Imported survey"));
        if (json.get("pages") instanceof List<?> pages) {
            for (Object page : pages) {
                if (page instanceof Map<?, ?> p) {
                    int before = in.questions.size();
                    in.elements(p, str(p.get("visibleIf")));
                    if (in.questions.size() > before) {
                        in.page++;
                    }
                }
            }
            if (in.page > 2) {
                in.report.add("pages", Outcome.MAPPED, (in.page - 1) + " 页，逐页作答",
                        (in.page - 1) + " pages, answered page by page");
            }
        }
        if (in.page > 1 && in.hasElements(json)) {
            in.page--; // top-level elements beside pages go onto the last page
        }
        in.elements(json, null);
        in.finish();
        return new Result(title, List.copyOf(in.questions), in.report);
    }

    private boolean hasElements(Map<?, ?> container) {
        return container.get("elements") instanceof List<?> a && !a.isEmpty()
                || container.get("questions") instanceof List<?> b && !b.isEmpty();
    }

    private void elements(Map<?, ?> container, String parentCondition) {
        for (String key : List.of("elements", "questions")) {
            if (container.get(key) instanceof List<?> list) {
                for (Object e : list) {
                    if (e instanceof Map<?, ?> element) {
                        element(element, parentCondition);
                    }
                }
            }
        }
    }

    private void element(Map<?, ?> e, String parentCondition) {
        String type = str(e.get("type")) == null ? "" : str(e.get("type")).toLowerCase(Locale.ROOT);
        String original = str(e.get("name")) == null ? type : str(e.get("name"));
        String condition = join(parentCondition, str(e.get("visibleIf")));
        if (type.equals("panel") || type.equals("flowpanel")) {
            report.add(original, Outcome.APPROXIMATED, "面板的分组框未保留，其中的题目照常导入",
                    "The panel's frame is not kept; its questions are imported");
            elements(e, condition);
            return;
        }
        if (DROPPED.contains(type)) {
            report.add(original, Outcome.DROPPED, "不支持的题型 " + type, "Question type " + type + " is not supported");
            return;
        }
        String name = name(original);
        LocalText title = text(e.get("title"), LocalText.of(original, original));
        boolean required = Boolean.TRUE.equals(e.get("isRequired"));
        boolean other = Boolean.TRUE.equals(e.get("hasOther")) || Boolean.TRUE.equals(e.get("showOtherItem"));
        Dimension dimension = guess(original + " " + title.zh() + " " + title.en());
        Question q = switch (type) {
            case "rating" -> rating(e, name, original, title, required, dimension);
            case "radiogroup", "dropdown" -> choice(e, QuestionType.SINGLE_CHOICE, name, original, title, required,
                    other, dimension);
            case "checkbox", "tagbox" -> choice(e, QuestionType.MULTIPLE_CHOICE, name, original, title, required,
                    other, dimension);
            case "comment" -> mapped(original, new Question(name, QuestionType.COMMENT, dimension, title, null, null,
                    null, null, required, null));
            case "text" -> text(e, name, original, title, required, dimension);
            case "boolean" -> mapped(original, new Question(name, QuestionType.YES_NO, dimension, title, null, null,
                    null, null, required, null));
            case "matrix", "matrixdropdown" -> matrix(e, type, name, original, title, required, dimension);
            default -> {
                report.add(original, Outcome.DROPPED, "未知题型 " + type, "Unknown question type " + type);
                yield null;
            }
        };
        if (q != null) {
            questions.add(page == 1 ? q : q.onPage(page));
            conditions.add(new String[] {name, condition, original});
            if (Boolean.TRUE.equals(e.get("hasComment")) || Boolean.TRUE.equals(e.get("showCommentArea"))) {
                report.add(original, Outcome.APPROXIMATED, "题后的备注框未导入", "The comment box after it is not imported");
            }
        }
    }

    private Question mapped(String original, Question q) {
        report.add(original, Outcome.MAPPED, q.type().label().zh() + "，维度：" + q.dimension().label().zh(),
                q.type().label().en() + ", dimension: " + q.dimension().label().en());
        return q;
    }

    private Question rating(Map<?, ?> e, String name, String original, LocalText title, boolean required,
                            Dimension dimension) {
        int min;
        int max;
        if (e.get("rateValues") instanceof List<?> values && !values.isEmpty()) {
            min = 1;
            max = values.size();
        } else {
            min = e.get("rateMin") instanceof Number n ? n.intValue() : 1;
            max = e.get("rateMax") instanceof Number n ? n.intValue()
                    : e.get("rateCount") instanceof Number c ? min + c.intValue() - 1 : 5;
        }
        if (min == 0 && max == 10) {
            return mapped(original, new Question(name, QuestionType.NPS, Dimension.OVERALL, title, 10, null, null,
                    null, required, null));
        }
        // rateType "stars" / "smileys" keeps its look on the answer page (labels: numbers)
        String look = "stars".equals(e.get("rateType")) ? Question.STARS
                : "smileys".equals(e.get("rateType")) ? Question.SMILEYS : null;
        if (min == 1 && (max == 5 || max == 10)) {
            return mapped(original, new Question(name, QuestionType.RATING, dimension, title, max, null, null, null,
                    required, null, look));
        }
        int scale = max - min + 1 > 7 ? 10 : 5;
        report.add(original, Outcome.APPROXIMATED, "评分范围 " + min + "–" + max + " 改为 1–" + scale,
                "Rating scale " + min + "–" + max + " becomes 1–" + scale);
        return new Question(name, QuestionType.RATING, dimension, title, scale, null, null, null, required, null,
                look);
    }

    private Question choice(Map<?, ?> e, QuestionType type, String name, String original, LocalText title,
                            boolean required, boolean other, Dimension dimension) {
        List<Question.Choice> choices = new ArrayList<>();
        if (e.get("choices") instanceof List<?> list) {
            for (Object c : list) {
                choices.add(choiceOf(c));
            }
        }
        if (choices.isEmpty()) {
            report.add(original, Outcome.DROPPED, "没有选项（如从网址加载选项）", "No choices (e.g. choices loaded from a URL)");
            return null;
        }
        if (Boolean.TRUE.equals(e.get("hasNone")) || Boolean.TRUE.equals(e.get("showNoneItem"))) {
            choices.add(new Question.Choice("none", LocalText.of("都不是", "None")));
        }
        return mapped(original, new Question(name, type, dimension, title, null, choices, other, null, required,
                null));
    }

    private Question text(Map<?, ?> e, String name, String original, LocalText title, boolean required,
                          Dimension dimension) {
        String input = str(e.get("inputType"));
        if ("date".equalsIgnoreCase(input)) {
            return mapped(original, new Question(name, QuestionType.DATE, dimension, title, null, null, null, null,
                    required, null));
        }
        Question q = new Question(name, QuestionType.TEXT, dimension, title, null, null, null, null, required, null);
        if (input != null && !"text".equalsIgnoreCase(input)) {
            report.add(original, Outcome.APPROXIMATED, "输入类型 " + input + " 按文字收集",
                    "Input type " + input + " is collected as text");
            return q;
        }
        return mapped(original, q);
    }

    private Question matrix(Map<?, ?> e, String type, String name, String original, LocalText title,
                            boolean required, Dimension dimension) {
        List<Question.Row> rows = new ArrayList<>();
        if (e.get("rows") instanceof List<?> list) {
            for (Object r : list) {
                Question.Choice c = choiceOf(r);
                rows.add(new Question.Row(c.value(), c.text(),
                        guess(c.value() + " " + c.text().zh() + " " + c.text().en())));
            }
        }
        int columns = e.get("columns") instanceof List<?> cols ? cols.size() : 0;
        if (rows.isEmpty()) {
            report.add(original, Outcome.DROPPED, "矩阵没有行", "The matrix has no rows");
            return null;
        }
        int scale = columns > 7 ? 10 : 5;
        Question q = new Question(name, QuestionType.MATRIX, dimension, title, scale, null, null, rows, required, null);
        if (type.equals("matrixdropdown")) {
            report.add(original, Outcome.APPROXIMATED, "多列下拉矩阵改为每行一个 1–" + scale + " 评分",
                    "A drop-down matrix becomes one 1–" + scale + " rating per row");
        } else if (columns != 5 && columns != 10) {
            report.add(original, Outcome.APPROXIMATED, columns + " 列改为 1–" + scale + " 评分（按列的顺序）",
                    columns + " columns become a 1–" + scale + " rating (in the columns' order)");
        } else {
            report.add(original, Outcome.MAPPED, "矩阵评分，" + rows.size() + " 行，1–" + scale,
                    "Matrix rating, " + rows.size() + " rows, 1–" + scale);
        }
        return q;
    }

    /** Puts the renamed, supported conditions on the questions once every name is known. */
    private void finish() {
        for (int i = 0; i < questions.size(); i++) {
            String[] c = conditions.get(i);
            if (c[1] == null) {
                continue;
            }
            Question q = questions.get(i);
            String renamed = Condition.rename(c[1], names);
            if (Condition.supports(renamed)) {
                questions.set(i, q.withVisibleIf(renamed));
            } else {
                report.add(c[2], Outcome.APPROXIMATED, "显示条件不支持，题目总是显示：" + c[1],
                        "Condition not supported, the question is always shown: " + c[1]);
            }
        }
    }

    /** A question name of ours for a SurveyJS name (lower case, digits and _), unique in the survey. */
    private String name(String original) {
        String base = original.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
            base = "q_" + base;
        }
        base = base.length() > 60 ? base.substring(0, 60) : base;
        String name = base;
        for (int i = 2; names.containsValue(name); i++) {
            name = base + "_" + i;
        }
        names.put(original, name);
        return name;
    }

    static Dimension guess(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("质量") || t.contains("quality") || t.contains("product")) {
            return Dimension.QUALITY;
        }
        if (t.contains("速度") || t.contains("时效") || t.contains("及时") || t.contains("speed")
                || t.contains("response") || t.contains("quick") || t.contains("wait")) {
            return Dimension.SPEED;
        }
        if (t.contains("价格") || t.contains("费用") || t.contains("price") || t.contains("cost")
                || t.contains("value for money")) {
            return Dimension.PRICE;
        }
        if (t.contains("服务") || t.contains("态度") || t.contains("service") || t.contains("staff")
                || t.contains("support") || t.contains("friendl") || t.contains("attitude")) {
            return Dimension.SERVICE;
        }
        return Dimension.OVERALL;
    }

    private static Question.Choice choiceOf(Object c) {
        if (c instanceof Map<?, ?> m) {
            String value = String.valueOf(m.get("value"));
            return new Question.Choice(value, text(m.get("text"), LocalText.of(value, value)));
        }
        String s = String.valueOf(c);
        int bar = s.indexOf('|');
        return bar < 0 ? new Question.Choice(s, LocalText.of(s, s))
                : new Question.Choice(s.substring(0, bar), LocalText.of(s.substring(bar + 1), s.substring(bar + 1)));
    }

    /** A SurveyJS text: a string, or {@code {"default": …, "en": …, "zh-cn": …}}. */
    static LocalText text(Object value, LocalText fallback) {
        if (value instanceof String s && !s.isBlank()) {
            return LocalText.of(s, s);
        }
        if (value instanceof Map<?, ?> m) {
            String def = str(m.get("default"));
            String en = str(m.get("en")) != null ? str(m.get("en")) : def;
            String zh = str(m.get("zh-cn")) != null ? str(m.get("zh-cn"))
                    : str(m.get("zh")) != null ? str(m.get("zh")) : str(m.get("zh-tw")) != null ? str(m.get("zh-tw"))
                    : def;
            if (zh != null || en != null) {
                return LocalText.of(zh != null ? zh : en, en != null ? en : zh);
            }
        }
        return fallback;
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b == null || b.isBlank() ? null : b;
        }
        return b == null || b.isBlank() ? a : a + " and " + b;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
