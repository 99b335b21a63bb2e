package io.kehu.plugins.survey;

import io.kehu.sdk.LocalText;
import java.util.List;

/** The survey the tests answer: every question type, every dimension. */
final class Fixtures {

    private Fixtures() {
    }

    static List<Question> questions() {
        return List.of(
                Question.rating("quality", Dimension.QUALITY, 5, "您对产品质量满意吗？", "How satisfied are you with the quality?"),
                Question.rating("service", Dimension.SERVICE, 10, "服务态度打几分？", "Rate our service attitude"),
                new Question("aspects", QuestionType.MATRIX, Dimension.OVERALL,
                        LocalText.of("请为以下方面打分", "Please rate"), 5, null, null,
                        List.of(new Question.Row("speed", LocalText.of("响应速度", "Response speed"), Dimension.SPEED),
                                new Question.Row("price", LocalText.of("价格", "Price"), Dimension.PRICE)),
                        false, null),
                Question.nps("recommend", "您向朋友推荐我们的可能性有多大？", "How likely are you to recommend us?"),
                new Question("channel", QuestionType.SINGLE_CHOICE, Dimension.OVERALL,
                        LocalText.of("您从哪里了解我们？", "Where did you hear of us?"), null,
                        List.of(new Question.Choice("friend", LocalText.of("朋友", "A friend")),
                                new Question.Choice("web", LocalText.of("网络", "The web"))),
                        true, null, false, null),
                new Question("wishes", QuestionType.MULTIPLE_CHOICE, Dimension.OVERALL,
                        LocalText.of("您希望改进哪些方面？", "What should we improve?"), null,
                        List.of(new Question.Choice("delivery", LocalText.of("送货", "Delivery")),
                                new Question.Choice("support", LocalText.of("售后", "Support"))),
                        true, null, false, null),
                Question.of("renew", QuestionType.YES_NO, Dimension.OVERALL, "会续约吗？", "Will you renew?"),
                new Question("why_not", QuestionType.COMMENT, Dimension.OVERALL, LocalText.of("为什么？", "Why not?"),
                        null, null, null, null, false, "{renew} = false"),
                Question.of("visit_date", QuestionType.DATE, Dimension.SERVICE, "上门日期", "Visit date"),
                Question.of("name_of_engineer", QuestionType.TEXT, Dimension.SERVICE, "工程师姓名", "Engineer's name"));
    }

    static SurveyVersion version() {
        return new SurveyVersion(1, LocalText.of("年度满意度调查", "Yearly satisfaction survey"),
                LocalText.of("您好！", "Hello!"), questions(), "2026-01-01T00:00:00Z", "admin");
    }
}
