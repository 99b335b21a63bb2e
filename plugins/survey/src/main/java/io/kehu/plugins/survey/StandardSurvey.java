package io.kehu.plugins.survey;

import io.kehu.sdk.LocalText;
import java.util.List;

/**
 * The company's regular satisfaction survey as shipped (定期满意度调查): one 1–5 rating per dimension, the NPS
 * question and a comment. An admin creates it with one button and may then import or edit others.
 */
final class StandardSurvey {

    static final String KEY = "satisfaction";

    private StandardSurvey() {
    }

    static LocalText title() {
        return LocalText.of("客户满意度调查", "Customer satisfaction survey");
    }

    static LocalText greeting() {
        return LocalText.of("感谢您抽出一分钟时间，帮助我们改进服务。", "Thank you for taking a minute to help us serve you better.");
    }

    /** The five dimensions as stars (overall as smileys), the NPS in numbers as the method asks, a comment. */
    static List<Question> questions() {
        return List.of(
                Question.rating("quality", Dimension.QUALITY, 5, "您对我们的产品质量满意吗？",
                        "How satisfied are you with the quality of our products?").withLook(Question.STARS),
                Question.rating("service", Dimension.SERVICE, 5, "您对我们工作人员的服务态度满意吗？",
                        "How satisfied are you with our staff's attitude?").withLook(Question.STARS),
                Question.rating("speed", Dimension.SPEED, 5, "您对我们的响应速度满意吗？",
                        "How satisfied are you with how quickly we respond?").withLook(Question.STARS),
                Question.rating("price", Dimension.PRICE, 5, "您对价格满意吗？", "How satisfied are you with the price?")
                        .withLook(Question.STARS),
                Question.rating("overall", Dimension.OVERALL, 5, "总体而言，您对我们满意吗？",
                        "Overall, how satisfied are you with us?").withLook(Question.SMILEYS),
                Question.nps("recommend", "您有多大可能向朋友或同事推荐我们？",
                        "How likely are you to recommend us to a friend or colleague?"),
                new Question("comment", QuestionType.COMMENT, Dimension.OVERALL,
                        LocalText.of("您还有什么意见或建议？", "Anything else you would like to tell us?"), null, null, null,
                        null, false, null));
    }
}
