package io.kehu.plugins.survey;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.PluginMessages;
import io.kehu.sdk.ui.ViewContribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code apps/survey/builder} (admins): a survey built with forms, not JSON — pick a survey or start a new one, add
 * questions one by one onto pages (a new page with 新增一页), move them up and down (across into the next page at a
 * page's edge), move whole pages, remove them, save. Saving follows the catalogue's rule: a version
 * with responses stays as it was and the save becomes the next version.
 */
@Extension
public class SurveyBuilderView implements ViewContribution {

    static final String PATH = "builder";
    private static final String NEW = "*";

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public LocalText title() {
        return LocalText.of("问卷设计", "Survey builder");
    }

    @Override
    public Set<String> roles() {
        return Set.of("ADMIN");
    }

    @Override
    public Component create(PluginContext context) {
        Locale locale = Texts.locale();
        PluginMessages m = context.messages();
        SurveyCatalog catalog = new SurveyCatalog(context);
        List<Question> draft = new ArrayList<>();
        VerticalLayout page = new VerticalLayout();
        page.setId("survey-builder");
        page.setMaxWidth("50rem");
        List<String> keys = new ArrayList<>(List.of(NEW));
        catalog.all().forEach(s -> keys.add(s.key()));
        Select<String> pick = new Select<>();
        pick.setId("builder-survey");
        pick.setLabel(m.get("builder.survey", locale));
        pick.setItems(keys);
        pick.setItemLabelGenerator(k -> NEW.equals(k) ? m.get("builder.new", locale)
                : catalog.get(k).map(s -> s.current().title().in(locale) + " (" + k + ")").orElse(k));
        TextField code = field("builder-code", m.get("import.key", locale));
        code.setHelperText(m.get("import.key.help", locale));
        TextField titleZh = field("builder-title-zh", m.get("builder.title.zh", locale));
        TextField titleEn = field("builder-title-en", m.get("builder.title.en", locale));
        TextField greetingZh = field("builder-greeting-zh", m.get("builder.greeting.zh", locale));
        TextField greetingEn = field("builder-greeting-en", m.get("builder.greeting.en", locale));
        Div list = new Div();
        list.setId("builder-questions");
        list.setWidthFull();
        Paragraph status = new Paragraph();
        status.setId("builder-status");
        QuestionEditor editor = new QuestionEditor(m, locale);
        // the index of the question being changed in the editor, -1 while adding
        int[] editing = {-1};
        Button add = new Button(m.get("builder.add", locale));
        add.setId("builder-add");
        Button cancel = new Button(m.get("builder.cancelEdit", locale));
        cancel.setId("builder-cancel-edit");
        cancel.setVisible(false);
        Runnable stopEditing = () -> {
            editing[0] = -1;
            editor.clear();
            add.setText(m.get("builder.add", locale));
            cancel.setVisible(false);
        };
        Runnable[] show = new Runnable[1];
        show[0] = () -> {
            PageOrder.normalize(draft);
            editor.pages(PageOrder.count(draft));
            showQuestions(m, locale, list, draft, show[0], catalog.get(code.getValue().trim()).orElse(null), at -> {
                editing[0] = at;
                editor.load(draft.get(at));
                add.setText(m.get("builder.update", locale));
                cancel.setVisible(true);
                status.setText(m.get("builder.editing", locale, draft.get(at).name()));
            });
        };
        Button addPage = new Button(m.get("builder.addPage", locale), e -> {
            editor.newPage();
            status.setText(m.get("builder.pageAdded", locale, PageOrder.count(draft) + 1));
        });
        addPage.setId("builder-add-page");
        cancel.addClickListener(e -> {
            stopEditing.run();
            status.setText("");
        });
        pick.addValueChangeListener(e -> {
            stopEditing.run();
            draft.clear();
            boolean isNew = NEW.equals(e.getValue());
            code.setReadOnly(!isNew);
            code.setValue(isNew ? "" : e.getValue());
            catalog.get(e.getValue()).ifPresent(s -> {
                draft.addAll(s.current().questions());
                titleZh.setValue(s.current().title().zh());
                titleEn.setValue(s.current().title().en());
                greetingZh.setValue(s.current().greeting() == null ? "" : s.current().greeting().zh());
                greetingEn.setValue(s.current().greeting() == null ? "" : s.current().greeting().en());
            });
            status.setText("");
            show[0].run();
        });
        pick.setValue(NEW);
        add.addClickListener(e -> {
            try {
                Question q = editor.question();
                if (editing[0] >= 0) {
                    draft.set(editing[0], q);
                    stopEditing.run();
                    status.setText(m.get("builder.updated", locale, q.name()));
                    show[0].run();
                    return;
                }
                if (draft.stream().anyMatch(d -> d.name().equals(q.name()))) {
                    status.setText(m.get("builder.q.name.taken", locale, q.name()));
                    return;
                }
                draft.add(q);
                editor.clear();
                status.setText(m.get("builder.added", locale, q.name()));
                show[0].run();
            } catch (QuestionEditor.Invalid invalid) {
                status.setText(invalid.getMessage());
            }
        });
        Button save = new Button(m.get("builder.save", locale), e -> {
            String key = code.getValue().trim();
            if (!key.matches("[a-z][a-z0-9_]{0,39}")) {
                status.setText(m.get("import.key.invalid", locale));
            } else if (draft.isEmpty()) {
                status.setText(m.get("builder.noQuestions", locale));
            } else if (titleZh.getValue().isBlank() && titleEn.getValue().isBlank()) {
                status.setText(m.get("builder.noTitle", locale));
            } else {
                LocalText title = LocalText.of(or(titleZh, titleEn), or(titleEn, titleZh));
                LocalText greeting = greetingZh.getValue().isBlank() && greetingEn.getValue().isBlank() ? null
                        : LocalText.of(or(greetingZh, greetingEn), or(greetingEn, greetingZh));
                int before = catalog.get(key).map(s -> s.current().number()).orElse(0);
                Survey saved = catalog.save(key, title, greeting, List.copyOf(draft),
                        context.currentUsername().orElse(null));
                // an answered version never changes: the save became the next version, results stay comparable
                status.setText(before > 0 && saved.current().number() > before
                        ? m.get("builder.savedNew", locale, before, saved.current().number(), draft.size())
                        : m.get("builder.saved", locale, saved.current().number(), draft.size()));
                stopEditing.run();
                show[0].run();
            }
        });
        save.setId("builder-save");
        page.add(new H3(m.get("builder.title", locale)), pick, code, titleZh, titleEn, greetingZh, greetingEn,
                new H4(m.get("builder.questions", locale)), list, new H4(m.get("builder.addTitle", locale)), addPage,
                editor, add, cancel, save, status);
        return page;
    }

    private static void showQuestions(PluginMessages m, Locale locale, Div list, List<Question> draft,
            Runnable again, Survey saved, java.util.function.IntConsumer edit) {
        list.removeAll();
        list.add(new Paragraph(m.get("builder.count", locale, draft.size())));
        if (draft.isEmpty()) {
            Paragraph empty = new Paragraph(m.get("builder.empty", locale));
            empty.setId("builder-empty");
            list.add(empty);
            return;
        }
        int pages = PageOrder.count(draft);
        for (int i = 0; i < draft.size(); i++) {
            Question q = draft.get(i);
            int at = i;
            if (pages > 1 && (i == 0 || draft.get(i - 1).pageNumber() != q.pageNumber())) {
                list.add(pageHeader(m, locale, draft, q.pageNumber(), pages, again));
            }
            Div row = new Div();
            row.setId("builder-row-" + q.name());
            row.getStyle().set("border-bottom", "1px solid var(--lumo-contrast-10pct)").set("padding", "0.3em 0");
            // question texts come from admins or imports: plain text, never HTML
            Span text = new Span((i + 1) + ". " + q.title(locale) + " — " + q.type().label().in(locale) + " · "
                    + q.dimension().label().in(locale) + " · " + q.name()
                    + (saved != null && saved.wordingChanged(q.name()) ? " · " + m.get("builder.wordingChanged", locale)
                            : ""));
            text.getStyle().set("display", "block");
            // up and down go across into the neighbouring page at a page's edge
            Button up = new Button("↑", e -> {
                PageOrder.up(draft, at);
                again.run();
            });
            up.setId("builder-up-" + q.name());
            up.setEnabled(i > 0);
            up.setAriaLabel(m.get("builder.up", locale));
            Button down = new Button("↓", e -> {
                PageOrder.down(draft, at);
                again.run();
            });
            down.setId("builder-down-" + q.name());
            down.setEnabled(i < draft.size() - 1);
            down.setAriaLabel(m.get("builder.down", locale));
            Button remove = new Button(m.get("builder.remove", locale), e -> {
                draft.remove(at);
                again.run();
            });
            remove.setId("builder-remove-" + q.name());
            Button change = new Button(m.get("builder.edit", locale), e -> edit.accept(at));
            change.setId("builder-edit-" + q.name());
            row.add(text, up, down, change, remove);
            list.add(row);
        }
    }

    /** "第 2 页（3 道题）" with buttons moving the whole page before the previous or after the next one. */
    private static Div pageHeader(PluginMessages m, Locale locale, List<Question> draft, int number, int pages,
            Runnable again) {
        long count = draft.stream().filter(q -> q.pageNumber() == number).count();
        Div header = new Div();
        header.setId("builder-page-" + number);
        header.getStyle().set("margin-top", "0.6em").set("font-weight", "600");
        Span label = new Span(m.get("builder.pageHeader", locale, number, count));
        Button up = new Button(m.get("builder.pageUp", locale), e -> {
            PageOrder.swapPages(draft, number - 1);
            again.run();
        });
        up.setId("builder-page-up-" + number);
        up.setEnabled(number > 1);
        Button down = new Button(m.get("builder.pageDown", locale), e -> {
            PageOrder.swapPages(draft, number);
            again.run();
        });
        down.setId("builder-page-down-" + number);
        down.setEnabled(number < pages);
        header.add(label, up, down);
        return header;
    }

    private static TextField field(String id, String label) {
        TextField f = new TextField(label);
        f.setId(id);
        f.setWidthFull();
        return f;
    }

    private static String or(TextField first, TextField fallback) {
        return first.getValue().isBlank() ? fallback.getValue().trim() : first.getValue().trim();
    }
}
