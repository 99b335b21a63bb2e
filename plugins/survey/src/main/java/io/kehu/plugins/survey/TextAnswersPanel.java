package io.kehu.plugins.survey;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.PluginMessages;
import io.kehu.sdk.forms.FieldInfo;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * "文字回答" on the analytics screen: what customers wrote ({@link TextAnswers}) for the survey and period chosen
 * above, filtered by question, NPS answer from–to, tier and region, with the count and an empty state; each answer
 * shows its date, tier, region and NPS and links to its response. Answers are customers' text: shown as plain text.
 */
final class TextAnswersPanel extends Div {

    private static final String ANY = "";

    private final PluginContext context;
    private final PluginMessages m;
    private final Locale locale;
    private final Supplier<String> survey;
    private final Supplier<ResultsBreakdown.Period> period;
    private final List<Survey> surveys;
    final Select<String> question = new Select<>();
    final Select<Integer> npsFrom = new Select<>();
    final Select<Integer> npsTo = new Select<>();
    final Select<String> tier = new Select<>();
    final Select<String> region = new Select<>();
    private final Div list = new Div();
    /** While the question list is rebuilt: one read at the end, not one per change. */
    private boolean refreshing;

    TextAnswersPanel(PluginContext context, Locale locale, Supplier<String> survey,
            Supplier<ResultsBreakdown.Period> period) {
        this.context = context;
        this.m = context.messages();
        this.locale = locale;
        this.survey = survey;
        this.period = period;
        this.surveys = new SurveyCatalog(context).all();
        setId("analytics-texts");
        setWidthFull();
        question.setId("analytics-texts-question");
        question.setLabel(m.get("texts.question", locale));
        for (Select<Integer> nps : List.of(npsFrom, npsTo)) {
            nps.setItems(IntStream.rangeClosed(0, 10).boxed().toList());
            nps.setEmptySelectionAllowed(true);
            nps.setEmptySelectionCaption(m.get("texts.any", locale));
            nps.setWidth("8em");
        }
        npsFrom.setId("analytics-texts-nps-from");
        npsFrom.setLabel(m.get("texts.npsFrom", locale));
        npsTo.setId("analytics-texts-nps-to");
        npsTo.setLabel(m.get("texts.npsTo", locale));
        options(tier, "analytics-texts-tier", m.get("texts.tier", locale), Campaigns.TIER_FIELD);
        options(region, "analytics-texts-region", m.get("texts.region", locale), "region");
        list.setId("analytics-texts-list");
        list.setWidthFull();
        FlexLayout filters = new FlexLayout(question, npsFrom, npsTo, tier, region);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "1em");
        add(new H4(m.get("texts.title", locale)), filters, list);
        for (Select<?> s : List.of(question, npsFrom, npsTo, tier, region)) {
            s.addValueChangeListener(e -> {
                if (!refreshing) {
                    show();
                }
            });
        }
        refresh();
    }

    /** The survey or period above changed: the question list follows the survey, then the answers are read. */
    void refresh() {
        List<String> names = new ArrayList<>(List.of(ANY));
        String key = survey.get();
        (key == null ? surveys.stream().map(Survey::key).toList() : List.of(key))
                .forEach(k -> TextAnswers.textQuestions(surveys, k).forEach(n -> {
                    if (!names.contains(n)) {
                        names.add(n);
                    }
                }));
        refreshing = true;
        try {
            question.setItems(names);
            question.setItemLabelGenerator(n -> ANY.equals(n) ? m.get("texts.allQuestions", locale) : title(n));
            question.setValue(ANY);
        } finally {
            refreshing = false;
        }
        show();
    }

    private String title(String name) {
        return surveys.stream().flatMap(s -> s.versions().reversed().stream())
                .flatMap(v -> v.question(name).stream()).findFirst().map(q -> q.title(locale)).orElse(name);
    }

    private void options(Select<String> select, String id, String label, String field) {
        select.setId(id);
        select.setLabel(label);
        FieldInfo info = context.definitions().form("customer").flatMap(f -> f.field(field)).orElse(null);
        List<String> values = new ArrayList<>(List.of(ANY));
        if (info != null) {
            values.addAll(info.options());
        }
        select.setItems(values);
        select.setItemLabelGenerator(v -> ANY.equals(v) ? m.get("texts.any", locale)
                : info == null ? v : info.optionLabel(v).in(locale));
        select.setValue(ANY);
    }

    private void show() {
        list.removeAll();
        TextAnswers.Found found = TextAnswers.find(context.recordsOfCurrentUser(), context.json(), surveys,
                new TextAnswers.Filter(survey.get(), period.get(), blank(question.getValue()), npsFrom.getValue(),
                        npsTo.getValue(), blank(tier.getValue()), blank(region.getValue())));
        Paragraph count = new Paragraph(found.more() ? m.get("texts.countMore", locale, found.answers().size(),
                TextAnswers.SCANNED) : m.get("texts.count", locale, found.answers().size()));
        count.setId("analytics-texts-count");
        list.add(count);
        if (found.answers().isEmpty()) {
            Paragraph empty = new Paragraph(m.get("texts.empty", locale));
            empty.setId("analytics-texts-empty");
            list.add(empty);
            return;
        }
        DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
        for (TextAnswers.Answer a : found.answers()) {
            Div card = new Div();
            card.addClassName("survey-text-answer");
            card.getStyle().set("border-bottom", "1px solid var(--lumo-contrast-10pct)").set("padding", "0.4em 0");
            List<String> about = new ArrayList<>();
            about.add(a.answeredAt().atZoneSameInstant(ZoneId.systemDefault()).format(day));
            about.add(AnalyticsResults.label(context, ResultsBreakdown.By.TIER, a.tier(), locale));
            about.add(AnalyticsResults.label(context, ResultsBreakdown.By.REGION, a.region(), locale));
            if (a.nps() != null) {
                about.add(m.get("texts.nps", locale, a.nps()));
            }
            Span meta = new Span(String.join(" · ", about) + " · " + title(a.question()));
            meta.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)")
                    .set("display", "block");
            // the customer's words: text, never HTML
            Span text = new Span(a.text());
            text.getStyle().set("display", "block").set("white-space", "pre-wrap");
            Anchor open = new Anchor("forms/" + SurveyForms.RESPONSE + "/" + a.response(),
                    m.get("texts.open", locale));
            open.getElement().setAttribute("data-response", Long.toString(a.response()));
            card.add(meta, text, open);
            list.add(card);
        }
    }

    private static String blank(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
