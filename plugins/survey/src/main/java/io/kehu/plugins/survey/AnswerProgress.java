package io.kehu.plugins.survey;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * "已回答 3 / 7 题" and a bar, kept at the top of the screen while a phone scrolls through the questions; a question
 * hidden by its condition counts for neither side. A survey of several pages shows "第 2 / 3 页 · 已回答 3 / 7 题"
 * and the bar goes by page: the pages before this one, plus this one's share of answered questions.
 */
final class AnswerProgress extends Div {

    private final AnswerForm form;
    private final boolean zh;
    private final Span text = new Span();
    private final Div fill = new Div();

    AnswerProgress(AnswerForm form, boolean zh) {
        this.form = form;
        this.zh = zh;
        setId("survey-answer-progress");
        getStyle().set("position", "sticky").set("top", "0").set("z-index", "1").set("padding", "0.5em 0")
                .set("background", "var(--lumo-base-color, #fff)");
        text.setId("survey-answer-progress-text");
        text.getStyle().set("font-size", "var(--lumo-font-size-s)");
        Div track = new Div(fill);
        track.getStyle().set("height", "0.5em").set("border-radius", "0.25em")
                .set("background", "var(--lumo-contrast-10pct)");
        fill.getStyle().set("height", "100%").set("border-radius", "0.25em")
                .set("background", "var(--lumo-primary-color)").set("transition", "width 0.2s");
        add(text, track);
        form.onChange(this::update);
        update();
    }

    private void update() {
        int[] p = form.progress();
        String answered = zh ? "已回答 " + p[0] + " / " + p[1] + " 题" : p[0] + " of " + p[1] + " questions answered";
        java.util.List<Integer> pages = form.shownPages();
        if (form.pageCount() > 1 && !pages.isEmpty()) {
            int at = Math.max(0, pages.indexOf(form.page()));
            int[] here = form.progressOnPage();
            text.setText((zh ? "第 " + (at + 1) + " / " + pages.size() + " 页 · "
                    : "Page " + (at + 1) + " of " + pages.size() + " · ") + answered);
            double share = here[1] == 0 ? 1 : (double) here[0] / here[1];
            fill.getStyle().set("width", Math.round((at + share) * 100 / pages.size()) + "%");
        } else {
            text.setText(answered);
            fill.getStyle().set("width", (p[1] == 0 ? 0 : p[0] * 100 / p[1]) + "%");
        }
    }
}
