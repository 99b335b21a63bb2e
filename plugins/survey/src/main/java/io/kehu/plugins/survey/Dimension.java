package io.kehu.plugins.survey;

import io.kehu.sdk.LocalText;

/**
 * What a question measures, the five dimensions of the company's satisfaction survey (定期进行客户满意度调查：产品质量、
 * 服务态度、响应速度、价格、总体). Scores are averaged per dimension, so questions of different survey versions (or of
 * an imported survey) that measure the same thing are compared.
 */
public enum Dimension {
    QUALITY("quality", LocalText.of("产品质量", "Product quality")),
    SERVICE("service", LocalText.of("服务态度", "Service attitude")),
    SPEED("speed", LocalText.of("响应速度", "Response speed")),
    PRICE("price", LocalText.of("价格", "Price")),
    OVERALL("overall", LocalText.of("总体", "Overall"));

    private final String field;
    private final LocalText label;

    Dimension(String field, LocalText label) {
        this.field = field;
        this.label = label;
    }

    /** The response form's field holding this dimension's score: {@code score_quality}, … */
    public String scoreField() {
        return "score_" + field;
    }

    public LocalText label() {
        return label;
    }
}
