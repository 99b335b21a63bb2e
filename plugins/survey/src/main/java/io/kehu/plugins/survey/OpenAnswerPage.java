package io.kehu.plugins.survey;

import com.vaadin.flow.component.Component;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.ui.PublicPage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pf4j.Extension;

/**
 * The page of a campaign's public link, {@code public/survey/open?c=<token>}: the same answer screen as a personal
 * link, anonymous, many answers per link. This visit's random key makes its submit idempotent.
 */
@Extension
public class OpenAnswerPage implements PublicPage {

    static final String PATH = "open";

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
        String token = parameters.getOrDefault("c", List.of("")).stream().findFirst().orElse("");
        String visit = UUID.randomUUID().toString();
        PublicLinks links = new PublicLinks(context);
        return AnswerPage.page(context, new AnswerPage.Access() {
            @Override
            public Invitations.Opened open() {
                return links.open(token);
            }

            @Override
            public SurveyService.Result answer(Map<String, Object> answers) {
                return links.answer(token, visit, answers);
            }
        });
    }
}
