package io.kehu.plugins.survey;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.users.UserInfo;
import io.kehu.sdk.workflows.TaskInfo;
import io.kehu.sdk.workflows.WorkflowActionCall;
import io.kehu.sdk.workflows.WorkflowActionHandler;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * The workflow action {@code send_link}: a personal single-use survey link for the customer of the record a workflow
 * moves (a complaint when it is resolved, a visit when it is signed off), tied to that record, handed to whoever
 * has the follow-up task of kind {@code task} (the revisit) — else to the person who took the step — in a notice.
 * The response the link brings is linked to the record, and the record's handler (field {@code handler}) gets no
 * follow-up task for a low score: someone else checks on it.
 *
 * <p>Parameters (all optional): {@code survey} (code, default {@code satisfaction}), {@code customer} (the field
 * holding the customer, default {@code customer}; on the customer form itself the record is the customer),
 * {@code handler} (a user field), {@code task} (a task kind), {@code days} (validity, 1–365, default 14),
 * {@code to} ({@code owner}: hand the link to the customer's account manager rather than a task's holder or whoever
 * took the step — for links sent without a person acting, e.g. the yearly tier review), {@code campaign} (the name
 * the invitation and its response are counted under), {@code mail} ({@code customer}: also mail the customer their
 * link through the outbox when they have an address and the platform has a mail server).
 *
 * <p>A link is a courtesy: a record without a customer or a survey that does not exist (yet) makes no link and only
 * a warning in the plugin's log, so the complaint still closes. Writing the invitation goes through the one write
 * path in the move's transaction.
 */
@Extension
public class SendSurveyLink implements WorkflowActionHandler {

    static final String NAME = "send_link";

    private final PluginContext context;

    public SendSurveyLink(PluginContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(WorkflowActionCall call) {
        String surveyKey = call.param("survey", StandardSurvey.KEY);
        Long customer = customer(call);
        if (customer == null) {
            context.logger().warn("{} {}/{}: no customer, no survey link", call.source(), call.formId(),
                    call.recordId());
            return;
        }
        Optional<Survey> survey = new SurveyCatalog(context).get(surveyKey);
        if (survey.isEmpty()) {
            context.logger().warn("{} {}/{}: survey {} does not exist (create it under Apps → 满意度调查), no link",
                    call.source(), call.formId(), call.recordId(), surveyKey);
            return;
        }
        int days = days(call.param("days", "14"));
        String handler = username(call.values().get(call.param("handler", "handler")));
        String campaign = call.param("campaign", null);
        Invitations.Issued issued = new Invitations(context).issue(customer, surveyKey, campaign,
                Duration.ofDays(days), call.formId(), call.recordId(), handler);
        String link = LinkAddress.personal(context, issued.token());
        Optional<RecordData> customerRecord = "owner".equals(call.param("to", ""))
                || "customer".equals(call.param("mail", "")) ? context.records().get("customer", customer)
                : Optional.empty();
        String owner = customerRecord.map(c -> username(c.get("account_manager"))).orElse(null);
        if ("customer".equals(call.param("mail", "")) && customerRecord.isPresent() && context.mail().configured()) {
            mail(customerRecord.get(), survey.get().current(), campaign, days, issued.token(), owner);
        }
        List<String> to = "owner".equals(call.param("to", "")) && owner != null ? List.of(owner) : recipients(call);
        if (to.isEmpty()) {
            context.logger().warn("{} {}/{}: survey link made (invitation {}) but nobody to hand it to",
                    call.source(), call.formId(), call.recordId(), issued.invitationId());
            return;
        }
        String title = survey.get().current().title().in(java.util.Locale.CHINESE);
        context.workflows().notify(call.formId(), call.recordId(), to, LocalText.of(
                "请把问卷“" + title + "”的专属链接发给客户（" + days + " 天内有效，只能填写一次）：" + link,
                "Please send the customer the personal link to the survey \""
                        + survey.get().current().title().in(java.util.Locale.ENGLISH) + "\" (valid for " + days
                        + " days, answers once): " + link));
    }

    /** The customer's own mail with their link, through the outbox (retried; reported to the account manager). */
    private void mail(RecordData customer, SurveyVersion survey, String campaign, int days, String token,
            String owner) {
        Object email = customer.get("email");
        if (!(email instanceof String address) || !address.contains("@") || address.trim().contains(" ")) {
            return;
        }
        String name = customer.get("name") instanceof String n ? n : "";
        String url = LinkAddress.personal(context, token);
        String text = (name.isBlank() ? "您好！" : name + "，您好！") + "\n\n"
                + (survey.greeting() == null ? "" : survey.greeting().in(java.util.Locale.CHINESE) + "\n")
                + "请点击下面的专属链接填写问卷“" + survey.title().in(java.util.Locale.CHINESE) + "”（" + days
                + " 天内有效，只能填写一次）：\n" + url + "\n\nHello! Please answer our survey \""
                + survey.title().in(java.util.Locale.ENGLISH) + "\" through your personal link (valid for " + days
                + " days, answers once):\n" + url + "\n";
        MailOutbox outbox = new MailOutbox(context);
        outbox.queue(List.of(new MailOutbox.Mail(address, "满意度调查 Satisfaction survey："
                + survey.title().in(java.util.Locale.CHINESE), text, "link", campaign, customer.id(), owner)));
        outbox.sendSoon();
    }

    private Long customer(WorkflowActionCall call) {
        if ("customer".equals(call.formId())) {
            return call.recordId();
        }
        Object value = call.values().get(call.param("customer", "customer"));
        return value instanceof Number n ? n.longValue() : null;
    }

    /** The holder of the newest open task of the kind asked for, else the person who took the step. */
    private List<String> recipients(WorkflowActionCall call) {
        String kind = call.param("task", "");
        if (!kind.isEmpty()) {
            Optional<String> holder = context.workflows().openTasks(call.formId(), call.recordId()).stream()
                    .filter(t -> kind.equals(t.kind())).max(Comparator.comparingLong(TaskInfo::id))
                    .map(TaskInfo::assignee);
            if (holder.isPresent()) {
                return List.of(holder.get());
            }
        }
        return call.actor() == null ? List.of() : List.of(call.actor());
    }

    private String username(Object userId) {
        return userId instanceof Number n ? context.users().byId(n.longValue()).map(UserInfo::username).orElse(null)
                : null;
    }

    static int days(String value) {
        try {
            return Math.max(1, Math.min(365, Integer.parseInt(value.trim())));
        } catch (NumberFormatException e) {
            return 14;
        }
    }
}
