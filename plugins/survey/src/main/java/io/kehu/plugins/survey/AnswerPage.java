package io.kehu.plugins.survey;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.ui.PublicPage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.pf4j.Extension;

/**
 * The public answer page {@code public/survey/answer?t=<token>} a personal link opens: no sign-in, phone-first (one
 * column, ratings that wrap), zh/en by the browser's language with a switch. It shows the survey's title, greeting
 * and questions — nothing about the customer — and says kindly when the link is used, expired or wrong. The submit is
 * idempotent (the link's token is the submission key). A bar keeps count of the questions answered; a personal
 * link's answers are kept in the browser while typing ({@link AnswerDraft}), so a reload or a call in between loses
 * nothing. A survey of several pages is answered page by page: 下一页 checks the page's required questions first,
 * 上一页 goes back without losing anything, the submit is on the last page only, and the draft remembers the page.
 */
@Extension
public class AnswerPage implements PublicPage {

    static final String PATH = "answer";

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public LocalText title() {
        return LocalText.of("满意度调查", "Satisfaction survey");
    }

    @Override
    public Component create(PluginContext context, Map<String, List<String>> parameters) {
        String token = parameters.getOrDefault("t", List.of("")).stream().findFirst().orElse("");
        Invitations links = new Invitations(context);
        return page(context, new Access() {
            @Override
            public Invitations.Opened open() {
                return links.visit(token);
            }

            @Override
            public String draftKey() {
                // the link's own fingerprint, never the token: the browser's storage may be read by other scripts
                return "kehu-survey-" + Invitations.hash(token).substring(0, 24);
            }

            @Override
            public SurveyService.Result answer(Map<String, Object> answers) {
                return links.answer(token, answers);
            }
        });
    }

    /** What a link lets the visitor do: see the survey (or why not) and answer it. */
    interface Access {

        Invitations.Opened open();

        SurveyService.Result answer(Map<String, Object> answers);

        /** Where this browser keeps the unsent answers, or null for no autosave (a public link's shared kiosk). */
        default String draftKey() {
            return null;
        }
    }

    /** The answer page of a link, personal or public: the same screen, the same kind words. */
    static Component page(PluginContext context, Access access) {
        Locale start = UI.getCurrent() == null ? Locale.ENGLISH : UI.getCurrent().getLocale();
        Div page = new Div();
        page.setId("survey-answer");
        page.setWidthFull();
        page.getStyle().set("max-width", "40rem").set("margin", "0 auto").set("padding", "0 0.75em")
                .set("box-sizing", "border-box");
        show(context, access, page, start);
        return page;
    }

    /** Back to the top of the new page (a phone has scrolled down to the button). */
    private static void top() {
        if (UI.getCurrent() != null) {
            UI.getCurrent().getPage().executeJs("window.scrollTo(0, 0)");
        }
    }

    private static void show(PluginContext context, Access access, Div page, Locale locale) {
        page.removeAll();
        boolean zh = "zh".equals(locale.getLanguage());
        Button other = new Button(zh ? "English" : "中文", e -> show(context, access, page,
                zh ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE));
        other.setId("survey-answer-language");
        page.add(other);
        Invitations.Opened opened = access.open();
        Paragraph message = new Paragraph(opened.message() == null ? "" : opened.message().in(locale));
        message.setId("survey-answer-message");
        if (opened.state() != Invitations.State.OPEN) {
            page.add(message);
            return;
        }
        AnswerForm form = new AnswerForm(opened.survey(), locale, true);
        AnswerProgress progress = new AnswerProgress(form, zh);
        AnswerDraft draft = new AnswerDraft(context, form, access.draftKey());
        Paragraph status = new Paragraph();
        status.setId("survey-answer-status");
        Button back = new Button(zh ? "上一页" : "Previous");
        back.setId("survey-answer-previous");
        Button forward = new Button(zh ? "下一页" : "Next");
        forward.setId("survey-answer-next");
        forward.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_PRIMARY);
        Button submit = new Button(zh ? "提交" : "Submit");
        submit.setId("survey-answer-submit");
        submit.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_PRIMARY);
        submit.setDisableOnClick(true);
        // the buttons follow the page: 下一页 until the last page, 提交 only there, 上一页 after the first
        Runnable buttons = () -> {
            boolean last = form.onLastPage();
            submit.setVisible(last);
            forward.setVisible(!last);
            back.setVisible(form.hasPreviousPage());
        };
        form.onChange(buttons);
        buttons.run();
        back.addClickListener(e -> {
            status.setText("");
            if (form.previous()) {
                draft.pageTurned();
                top();
            }
        });
        forward.addClickListener(e -> {
            List<LocalText> problems = form.problemsOnPage();
            if (!problems.isEmpty()) {
                // this page's required questions first: the customer never meets them again only at the submit
                status.setText(problems.stream().map(p -> p.in(locale)).collect(Collectors.joining(zh ? "；" : "; ")));
                return;
            }
            status.setText("");
            if (form.next()) {
                draft.pageTurned();
                top();
            }
        });
        submit.addClickListener(e -> {
            SurveyService.Result r = access.answer(form.answers());
            if (r.stored()) {
                draft.clear();
                page.removeAll();
                Paragraph thanks = new Paragraph(zh ? "提交成功，感谢您的反馈！" : "Sent. Thank you for your feedback!");
                thanks.setId("survey-answer-thanks");
                page.add(thanks);
            } else {
                status.setText(r.problems().stream().map(p -> p.in(locale)).collect(Collectors.joining(zh ? "；" : "; ")));
                submit.setEnabled(true);
            }
        });
        Div navigation = new Div(back, forward, submit);
        navigation.setId("survey-answer-navigation");
        navigation.getStyle().set("display", "flex").set("gap", "0.5em").set("flex-wrap", "wrap");
        back.getStyle().set("flex", "1 1 8em").set("min-height", "44px");
        forward.getStyle().set("flex", "1 1 8em").set("min-height", "44px");
        submit.getStyle().set("flex", "1 1 8em").set("min-height", "44px");
        page.add(new H2(opened.survey().title().in(locale)), message, progress, form, status, navigation);
        draft.restore(zh);
    }
}
