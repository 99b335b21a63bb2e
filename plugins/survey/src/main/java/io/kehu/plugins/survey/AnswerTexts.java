package io.kehu.plugins.survey;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Answers as people read them: the question, then the answer in words (choice texts, not values), zh / en. */
final class AnswerTexts {

    private AnswerTexts() {
    }

    /** One line per answered question, in both languages, for the response record's "Answers" field. */
    static String summary(SurveyVersion version, Map<String, Object> answers) {
        StringBuilder out = new StringBuilder();
        for (Question q : version.questions()) {
            Object a = answers.get(q.name());
            if (a == null) {
                continue;
            }
            out.append(q.title().in(Locale.CHINESE)).append(" / ").append(q.title().in(Locale.ENGLISH)).append(": ")
                    .append(answer(q, a, answers.get(q.name() + "_other"), Locale.CHINESE));
            String en = answer(q, a, answers.get(q.name() + "_other"), Locale.ENGLISH);
            if (!en.equals(answer(q, a, answers.get(q.name() + "_other"), Locale.CHINESE))) {
                out.append(" / ").append(en);
            }
            out.append('\n');
        }
        String text = out.toString().strip();
        return text.length() > 10000 ? text.substring(0, 10000) : text;
    }

    static String answer(Question q, Object a, Object otherText, Locale locale) {
        boolean zh = "zh".equals(locale.getLanguage());
        return switch (q.type()) {
            case RATING -> a + "/" + q.scale();
            case NPS -> a + "/10";
            case YES_NO -> Boolean.TRUE.equals(a) ? (zh ? "是" : "Yes") : (zh ? "否" : "No");
            case SINGLE_CHOICE -> choice(q, a.toString(), otherText, locale);
            case MULTIPLE_CHOICE -> ((List<?>) a).stream().map(v -> choice(q, v.toString(), otherText, locale))
                    .collect(Collectors.joining(zh ? "、" : ", "));
            case MATRIX -> q.rows().stream().filter(r -> ((Map<?, ?>) a).containsKey(r.value()))
                    .map(r -> r.text().in(locale) + " " + ((Map<?, ?>) a).get(r.value()) + "/" + q.scale())
                    .collect(Collectors.joining(zh ? "；" : "; "));
            default -> a.toString();
        };
    }

    private static String choice(Question q, String value, Object otherText, Locale locale) {
        if (Answers.OTHER.equals(value)) {
            String other = "zh".equals(locale.getLanguage()) ? "其他" : "Other";
            return otherText == null ? other : other + "：" + otherText;
        }
        return q.choices().stream().filter(c -> c.value().equals(value)).map(c -> c.text().in(locale)).findFirst()
                .orElse(value);
    }
}
