package io.kehu.plugins.churn;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.export.ExportColumn;
import io.kehu.sdk.export.ExportTable;
import io.kehu.sdk.export.PluginExports;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordSearch;
import io.kehu.sdk.ui.ViewContribution;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pf4j.Extension;

/**
 * The warning list {@code apps/churn/warnings}: the customers' current scores, highest risk first, with the top
 * reasons and the account manager, as the signed-in user may see them (a STAFF member sees the customers they own).
 * Counts per level above; a button gives every high-risk customer's account manager a win-back task. Cells wrap, so
 * the list reads on a phone (390 px).
 */
@Extension
public class WarningListView implements ViewContribution {

    static final String PATH = "warnings";

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public LocalText title() {
        return LocalText.of("流失预警名单", "Churn warning list");
    }

    /** One row: the score record and its customer's name. */
    record Row(RecordData score, String customer) {
    }

    @Override
    public Component create(PluginContext context) {
        Locale locale = UI.getCurrent() == null ? Locale.ENGLISH : UI.getCurrent().getLocale();
        Labels labels = new Labels(context, locale);
        boolean chinese = "zh".equals(locale.getLanguage());
        ChurnSettings settings = new ChurnSettings(context);
        Map<String, Long> levels = new java.util.HashMap<>();
        Object[] lastScored = {null};
        context.recordsOfCurrentUser().aggregate(ChurnForms.SCORE).where("latest", FilterOperator.EQUALS, true)
                .groupBy("risk_level").count().max("scored_on").forEach(row -> {
                    levels.put(String.valueOf(row.group("risk_level")), row.count());
                    Object max = row.max("scored_on");
                    if (max != null && (lastScored[0] == null || max.toString().compareTo(lastScored[0].toString()) > 0)) {
                        lastScored[0] = max;
                    }
                });
        long scored = levels.values().stream().mapToLong(Long::longValue).sum();
        boolean admin = context.currentUsername().flatMap(context.users()::byUsername)
                .map(u -> u.roles().contains("ADMIN")).orElse(false);
        // the model page is the administrators': others are told whom to ask, not sent to a page they cannot open
        Span summary = new Span(scored > 0 ? labels.text("warnings.summary", levels.getOrDefault("high", 0L),
                levels.getOrDefault("medium", 0L), lastScored[0])
                : labels.text(admin ? "warnings.never" : "warnings.never.staff"));
        summary.setId("churn-summary");
        H2 heading = new H2(labels.text("warnings.title"));
        heading.setId("churn-warnings-title");
        Anchor toModel = new Anchor("apps/" + context.pluginId() + "/" + ModelView.PATH,
                labels.text("warnings.never.link"));
        toModel.setId("churn-model-link");
        toModel.setVisible(admin && scored == 0);

        Select<String> level = new Select<>();
        level.setId("churn-filter-level");
        level.setLabel(labels.text("warnings.filter.level"));
        level.setItems("high", "medium", "all");
        level.setItemLabelGenerator(v -> labels.text("warnings.filter." + v));
        level.setValue(levels.getOrDefault("high", 0L) > 0 || scored == 0 ? "high" : "medium");

        // the account managers of the scored customers, as a filter (names, not ids)
        List<Long> ownerIds = new java.util.ArrayList<>();
        context.recordsOfCurrentUser().aggregate(ChurnForms.SCORE).where("latest", FilterOperator.EQUALS, true)
                .groupBy("owner").count().forEach(row -> {
                    if (row.group("owner") instanceof Number n) {
                        ownerIds.add(n.longValue());
                    }
                });
        Select<Long> owner = new Select<>();
        owner.setId("churn-filter-owner");
        owner.setLabel(labels.text("warnings.col.owner"));
        owner.setEmptySelectionAllowed(true);
        owner.setEmptySelectionCaption(labels.text("warnings.owner.all"));
        owner.setItems(ownerIds);
        owner.setItemLabelGenerator(labels::user);

        Select<String> tier = segmentFilter(context, labels, FeatureExtractor.TIER, "churn-filter-tier");
        Select<String> region = segmentFilter(context, labels, FeatureExtractor.REGION, "churn-filter-region");

        Paragraph empty = new Paragraph(labels.text("warnings.empty"));
        empty.setId("churn-empty");
        Grid<Row> grid = new Grid<>();
        grid.setId("churn-warnings");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addColumn(Row::customer).setHeader(labels.text("warnings.col.customer")).setAutoWidth(true)
                .setFlexGrow(1);
        grid.addColumn(r -> r.score().get("score")).setHeader(labels.text("warnings.col.score")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> labels.option("risk_level", r.score().get("risk_level")))
                .setHeader(labels.text("warnings.col.level")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.score().get(chinese ? "reasons_zh" : "reasons_en"))
                .setHeader(labels.text("warnings.col.reasons")).setFlexGrow(3);
        grid.addColumn(r -> labels.user(r.score().get("owner"))).setHeader(labels.text("warnings.col.owner"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.score().get("scored_on")).setHeader(labels.text("warnings.col.scored"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.setItems(query -> {
            List<RecordData> rows = search(context, settings, level.getValue(), owner.getValue(), tier.getValue(), region.getValue()).offset(query.getOffset())
                    .limit(Math.max(1, Math.min(200, query.getLimit()))).list();
            Map<Long, String> names = labels.customers(rows, "customer");
            return rows.stream().map(r -> new Row(r, names.getOrDefault(((Number) r.get("customer")).longValue(),
                    "—")));
        });
        Runnable showEmpty = () -> {
            boolean none = search(context, settings, level.getValue(), owner.getValue(), tier.getValue(), region.getValue()).limit(1).list().isEmpty();
            empty.setVisible(none && scored > 0);
            grid.setVisible(!none);
        };
        level.addValueChangeListener(e -> {
            grid.getDataProvider().refreshAll();
            showEmpty.run();
        });
        for (Select<?> filter : List.of(owner, tier, region)) {
            filter.addValueChangeListener(e -> {
                grid.getDataProvider().refreshAll();
                showEmpty.run();
            });
        }
        showEmpty.run();

        Span result = new Span();
        result.setId("churn-winback-result");
        Button winBack = new Button(labels.text("warnings.winback"), e -> {
            ChurnService.WinBack done = ChurnService.of(context).winBackAllHigh();
            result.setText(labels.text("warnings.winback.done", done.created(), done.alreadyOpen(), done.noOwner()));
        });
        winBack.setId("churn-winback");
        winBack.setEnabled(levels.getOrDefault("high", 0L) > 0);

        Component export = context.exports().downloadLink(() -> new ExportTable<Row>("churn-warnings",
                List.of(ExportColumn.<Row>of(labels.text("warnings.col.customer"), Row::customer),
                        ExportColumn.<Row>of(labels.text("warnings.col.score"), r -> r.score().get("score")),
                        ExportColumn.<Row>of(labels.text("warnings.col.level"),
                                r -> labels.option("risk_level", r.score().get("risk_level"))),
                        ExportColumn.<Row>of(labels.text("warnings.col.reasons"),
                                r -> r.score().get(chinese ? "reasons_zh" : "reasons_en")),
                        ExportColumn.<Row>of(labels.text("warnings.col.owner"), r -> labels.user(r.score().get("owner"))),
                        ExportColumn.<Row>of(labels.text("warnings.col.scored"), r -> r.score().get("scored_on"))),
                each -> {
                    // pages of 500, each with one query for its customers' names
                    String chosenLevel = level.getValue();
                    Long chosenOwner = owner.getValue();
                    String chosenTier = tier.getValue();
                    String chosenRegion = region.getValue();
                    for (int offset = 0; ; offset += 500) {
                        List<RecordData> page = search(context, settings, chosenLevel, chosenOwner, chosenTier, chosenRegion).offset(offset)
                                .limit(500).list();
                        Map<Long, String> names = labels.customers(page, "customer");
                        page.forEach(r -> each.accept(new Row(r, names.getOrDefault(
                                ((Number) r.get("customer")).longValue(), "—"))));
                        if (page.size() < 500) {
                            break;
                        }
                    }
                }), PluginExports.Format.CSV, labels.text("warnings.export"));
        export.setId("churn-export");
        FlexLayout bar = new FlexLayout(level, owner, tier, region, winBack, export);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(FlexComponent.Alignment.END);
        bar.getStyle().set("gap", "var(--lumo-space-m)");
        VerticalLayout layout = new VerticalLayout(heading, summary, toModel, bar, result, empty, grid);
        layout.setSizeFull();
        return layout;
    }

    /**
     * A filter over a customer select field as it was when scored (tier, region): its options in words, "all" when
     * empty; hidden when the customer form has no such field.
     */
    private static Select<String> segmentFilter(PluginContext context, Labels labels, String fieldId, String id) {
        Select<String> filter = new Select<>();
        filter.setId(id);
        filter.setEmptySelectionAllowed(true);
        filter.setEmptySelectionCaption(labels.text("warnings.segment.all"));
        boolean chinese = labels.text("level.high").equals("高风险");
        java.util.Optional<io.kehu.sdk.forms.FieldInfo> field = context.definitions().form(FeatureExtractor.CUSTOMER)
                .flatMap(f -> f.fields().stream().filter(fi -> fi.id().equals(fieldId)).findFirst());
        filter.setVisible(field.isPresent());
        field.ifPresent(f -> {
            filter.setLabel(chinese ? f.label().zh() : f.label().en());
            filter.setItems(f.options());
            filter.setItemLabelGenerator(v -> v == null ? labels.text("warnings.segment.all")
                    : chinese ? f.optionLabel(v).zh() : f.optionLabel(v).en());
        });
        return filter;
    }

    static RecordSearch search(PluginContext context, ChurnSettings settings, String level, Long owner, String tier,
                               String region) {
        RecordSearch search = context.recordsOfCurrentUser().search(ChurnForms.SCORE)
                .where("latest", FilterOperator.EQUALS, true).sortBy("score", true);
        if (tier != null) {
            search = search.where("tier", FilterOperator.EQUALS, tier);
        }
        if (region != null) {
            search = search.where("region", FilterOperator.EQUALS, region);
        }
        if (owner != null) {
            search = search.where("owner", FilterOperator.EQUALS, owner);
        }
        if ("high".equals(level)) {
            search = search.where("score", FilterOperator.GREATER_OR_EQUAL, (long) settings.high());
        } else if ("medium".equals(level)) {
            search = search.where("score", FilterOperator.GREATER_OR_EQUAL, (long) settings.medium());
        }
        return search;
    }

}
