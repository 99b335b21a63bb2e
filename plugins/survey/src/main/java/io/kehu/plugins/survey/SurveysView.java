package io.kehu.plugins.survey;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.PluginMessages;
import io.kehu.sdk.json.JsonType;
import io.kehu.sdk.ui.ViewContribution;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code apps/survey/surveys} (admins): each survey with its version, questions and figures (n, CSAT, NPS, mean
 * per dimension, over all versions); the standard survey in one click; SurveyJS import with its report in the
 * admin's language.
 */
@Extension
public class SurveysView implements ViewContribution {

    static final String PATH = "surveys";

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public LocalText title() {
        return LocalText.of("满意度调查", "Satisfaction surveys");
    }

    @Override
    public Set<String> roles() {
        return Set.of("ADMIN");
    }

    @Override
    public Component create(PluginContext context) {
        Locale locale = Texts.locale();
        PluginMessages m = context.messages();
        VerticalLayout page = new VerticalLayout();
        page.setId("survey-admin");
        page.setMaxWidth("60rem");
        Div list = new Div();
        list.setId("survey-list");
        list.setWidthFull();
        Runnable refresh = () -> fill(context, list, locale);
        refresh.run();
        Button standard = new Button(m.get("admin.standard", locale), e -> {
            new SurveyCatalog(context).save(StandardSurvey.KEY, StandardSurvey.title(), StandardSurvey.greeting(),
                    StandardSurvey.questions(), context.currentUsername().orElse(null));
            refresh.run();
        });
        standard.setId("survey-create-standard");
        page.add(new H3(m.get("admin.surveys", locale)), list, standard, importer(context, locale, refresh));
        return page;
    }

    private static void fill(PluginContext context, Div list, Locale locale) {
        PluginMessages m = context.messages();
        list.removeAll();
        List<Survey> surveys = new SurveyCatalog(context).all();
        list.add(new Paragraph(m.get("admin.count", locale, surveys.size())));
        if (surveys.isEmpty()) {
            Paragraph empty = new Paragraph(m.get("admin.empty", locale));
            empty.setId("survey-empty");
            list.add(empty);
            return;
        }
        SurveyAnalytics analytics = new SurveyAnalytics(context.recordsOfCurrentUser());
        for (Survey s : surveys) {
            ScoreSummary sum = analytics.summary(Map.of("survey", s.key()));
            Div card = new Div();
            card.setId("survey-" + s.key());
            card.getStyle().set("border-bottom", "1px solid var(--lumo-contrast-10pct)").set("padding", "0.5em 0");
            card.add(new H4(s.current().title().in(locale)));
            card.add(new Paragraph(m.get("admin.version", locale, s.current().number(), s.current().questions().size(),
                    sum.responses())));
            Span figures = new Span(figures(m, sum, locale));
            figures.setId("survey-figures-" + s.key());
            card.add(figures);
            long changed = s.current().questions().stream().filter(q -> s.wordingChanged(q.name())).count();
            if (changed > 0) {
                card.add(new Paragraph(m.get("admin.wording", locale, changed)));
            }
            list.add(card);
        }
    }

    /**
     * "CSAT 66.7% (n = 6 ratings) · NPS 0 (n = 3) · Product quality 3.67 (n = 3) …"; in Chinese without the Latin n:
     * "满意率 CSAT 66.7%（共 6 个评分） · 净推荐值 NPS 0（3 人作答） · 产品质量 3.67（3 份答卷）".
     */
    static String figures(PluginMessages m, ScoreSummary sum, Locale locale) {
        if (sum.responses() == 0) {
            return m.get("figures.none", locale);
        }
        StringBuilder out = new StringBuilder(m.get("figures.csat", locale, Texts.percent(sum.csat()), sum.rated()))
                .append(" · ").append(m.get("figures.nps", locale, Texts.number(sum.nps()), sum.npsAnswers()));
        sum.means().forEach((d, v) -> out.append(" · ").append(m.get("figures.mean", locale, d.label().in(locale),
                Texts.number(v), sum.meanCounts().get(d))));
        return out.toString();
    }

    private static Component importer(PluginContext context, Locale locale, Runnable refresh) {
        PluginMessages m = context.messages();
        Div box = new Div();
        box.setWidthFull();
        TextField key = new TextField(m.get("import.key", locale));
        key.setId("survey-import-key");
        key.setHelperText(m.get("import.key.help", locale));
        key.setWidthFull();
        TextArea json = new TextArea(m.get("import.json", locale));
        json.setId("survey-import-json");
        json.setWidthFull();
        json.setHeight("12em");
        Div report = new Div();
        report.setId("survey-import-report");
        Button run = new Button(m.get("import.run", locale), e -> {
            report.removeAll();
            if (!key.getValue().trim().matches("[a-z][a-z0-9_]{0,39}")) {
                report.add(new Paragraph(m.get("import.key.invalid", locale)));
                return;
            }
            try {
                SurveyJsImport.Result r = SurveyJsImport.read(context.json().read(json.getValue(),
                        new JsonType<Map<String, Object>>() { }));
                if (r.questions().isEmpty()) {
                    report.add(new Paragraph(m.get("import.nothing", locale)));
                } else {
                    new SurveyCatalog(context).save(key.getValue().trim(), r.title(), null, r.questions(),
                            context.currentUsername().orElse(null));
                    report.add(new Paragraph(m.get("import.done", locale, r.questions().size())));
                    refresh.run();
                }
                report.add(reportOf(m, r.report(), locale));
            } catch (IllegalArgumentException ex) {
                report.add(new Paragraph(m.get("import.failed", locale, ex.getMessage())));
            }
        });
        run.setId("survey-import-run");
        box.add(new H3(m.get("import.title", locale)), new Paragraph(m.get("import.help", locale)), key, json, run,
                report);
        return box;
    }

    private static Component reportOf(PluginMessages m, ImportReport report, Locale locale) {
        Div out = new Div();
        out.add(new Paragraph(m.get("import.counts", locale, report.count(ImportReport.Outcome.MAPPED),
                report.count(ImportReport.Outcome.APPROXIMATED), report.count(ImportReport.Outcome.DROPPED))));
        UnorderedList items = new UnorderedList();
        for (ImportReport.Item i : report.items()) {
            // element names come from the imported file: plain text, never HTML
            items.add(new ListItem(m.get("import.item", locale, i.outcome().label().in(locale), i.element(),
                    i.note().in(locale))));
        }
        out.add(items);
        return out;
    }
}
