package io.kehu.plugins.visits;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordAction;
import io.kehu.sdk.records.RecordChange;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordEvent;
import io.kehu.sdk.records.RecordListener;
import io.kehu.sdk.records.Veto;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * The rules of a visit, checked on the server inside every write of a visit or a check (the plugin's screens, the
 * record view, import, REST):
 * <ul>
 * <li>a new visit starts booked or confirmed (the moves after that are the workflow {@code service_visit_flow}'s,
 * enforced by the platform's workflow engine);</li>
 * <li>it ends after it starts;</li>
 * <li>one person never has two active visits that overlap: the check holds the lock {@code visitor:<id>} until the
 * write commits, so two bookings racing for the same hour on any node are serialised and the second is refused;</li>
 * <li>sign-off needs the signer's name, the signature and every required checklist item answered (the workflow
 * asks for the first two as well; only the plugin can see the checklist);</li>
 * <li>a line done that asks for a photo needs one at sign-off; the line's photo count is the stored photos';</li>
 * <li>the answers of a signed-off or cancelled visit are frozen;</li>
 * <li>a visit assigned to a team is visited by the team's manager or a member of the team.</li>
 * </ul>
 */
@Extension
public class VisitRules implements RecordListener {

    private final PluginContext context;

    public VisitRules(PluginContext context) {
        this.context = context;
    }

    @Override
    public boolean handles(String formId) {
        return VisitForms.VISIT.equals(formId) || VisitForms.CHECK.equals(formId);
    }

    @Override
    public Optional<Veto> beforeSave(RecordChange change) {
        return VisitForms.VISIT.equals(change.formId()) ? visit(change) : check(change);
    }

    @Override
    public Optional<Veto> beforeDelete(RecordChange change) {
        if (VisitForms.VISIT.equals(change.formId())
                && VisitStatus.SIGNED_OFF.code().equals(change.oldValues().get("status"))) {
            return veto("veto.signed.delete");
        }
        return VisitForms.CHECK.equals(change.formId()) ? frozen(change.oldValues().get("visit")) : Optional.empty();
    }

    /**
     * A visit created elsewhere than the planner (the record view, import, REST) gets its checklist copied here,
     * once it is committed; the planner writes the copy in the booking's own transaction, so this finds it and
     * does nothing.
     */
    @Override
    public void afterSave(RecordEvent event) {
        if (VisitForms.VISIT.equals(event.formId()) && event.action() == RecordAction.UPDATE
                && event.changedFields().contains("status")) {
            tellComplaintHandler(event.id());
            seal(event.id());
        }
        if (!VisitForms.VISIT.equals(event.formId()) || event.action() != RecordAction.CREATE) {
            return;
        }
        tellVisitor(event);
        boolean hasChecks = !context.records().search(VisitForms.CHECK)
                .where("visit", FilterOperator.EQUALS, event.id()).limit(1).list().isEmpty();
        if (!hasChecks) {
            context.records().get(VisitForms.VISIT, event.id())
                    .filter(v -> v.get("visit_type") instanceof Long)
                    .ifPresent(v -> new VisitPlanner(context, context.records())
                            .copyChecklist(v.id(), (Long) v.get("visit_type")));
        }
    }

    /**
     * A visit just signed off — on the phone, in the record view, by import or REST — gets what its signature is
     * bound to if it has not yet (the hash; the phone writes it in the sign-off's own transaction) and its
     * first-time-fix mark ({@link SignOffSeal}).
     */
    private void seal(long visitId) {
        context.records().get(VisitForms.VISIT, visitId)
                .filter(v -> VisitStatus.SIGNED_OFF.code().equals(v.get("status")))
                .ifPresent(v -> {
                    java.util.Map<String, Object> changes = SignOffSeal.missing(context, v);
                    if (!changes.isEmpty()) {
                        context.records().update(VisitForms.VISIT, v.id(), v.rowVersion(), changes);
                    }
                });
    }

    /** A visit booked from a complaint was signed off: the complaint's handler hears of it on the complaint. */
    private void tellComplaintHandler(long visitId) {
        context.records().get(VisitForms.VISIT, visitId)
                .filter(v -> VisitStatus.SIGNED_OFF.code().equals(v.get("status")))
                .filter(v -> v.get("complaint") instanceof Long)
                .ifPresent(v -> context.records().get(ComplaintVisitsPanel.COMPLAINT, (Long) v.get("complaint"))
                        .filter(c -> c.get("handler") instanceof Long)
                        .ifPresent(c -> context.workflows().enabledUsername((Long) c.get("handler")).ifPresent(h -> {
                            String what = String.valueOf(c.get("description"));
                            String shortWhat = what.length() > 40 ? what.substring(0, 40) + "…" : what;
                            String when = Texts.dayTime((OffsetDateTime) v.get("signed_at"));
                            context.workflows().notify(ComplaintVisitsPanel.COMPLAINT, c.id(), List.of(h),
                                    LocalText.of(context.messages().get("notice.complaint.signed",
                                            Locale.SIMPLIFIED_CHINESE, shortWhat, v.get("signer_name"), when),
                                            context.messages().get("notice.complaint.signed", Locale.ENGLISH,
                                                    shortWhat, v.get("signer_name"), when)));
                        })));
    }

    /** The visitor hears of a visit booked for them by someone else (in the app's notices). */
    private void tellVisitor(RecordEvent event) {
        context.records().get(VisitForms.VISIT, event.id()).ifPresent(v -> {
            if (v.get("visitor") instanceof Long visitor) {
                context.users().byId(visitor).filter(u -> !u.username().equals(event.actor())).ifPresent(u -> {
                    String when = Texts.span((OffsetDateTime) v.get("planned_start"),
                            (OffsetDateTime) v.get("planned_end"));
                    context.workflows().notify(VisitForms.VISIT, v.id(), List.of(u.username()), LocalText.of(
                            context.messages().get("notice.booked", Locale.SIMPLIFIED_CHINESE, v.get("subject"), when),
                            context.messages().get("notice.booked", Locale.ENGLISH, v.get("subject"), when)));
                });
            }
        });
    }

    private Optional<Veto> visit(RecordChange change) {
        Optional<VisitStatus> status = VisitStatus.of(change.values().get("status"));
        if (status.isEmpty()) {
            return veto("veto.status.unknown");
        }
        if (change.action() == RecordAction.CREATE) {
            if (status.get() != VisitStatus.BOOKED && status.get() != VisitStatus.CONFIRMED) {
                return veto("veto.status.new");
            }
        } else {
            // the moves themselves are the workflow's (service_visit_flow): the engine refuses any other change of
            // the status, whatever the path
            Optional<VisitStatus> before = VisitStatus.of(change.oldValues().get("status"));
            if (before.orElse(null) == VisitStatus.SIGNED_OFF && signedContentChanged(change)
                    && !SignOffSeal.fillsHash(context, change) && !SignOffSeal.resigns(context, change)) {
                return veto("veto.signed.change");
            }
            if (!Objects.equals(change.values().get("previous_signatures"), change.oldValues().get("previous_signatures"))
                    && !SignOffSeal.resigns(context, change)) {
                return veto("veto.signed.change");
            }
        }
        OffsetDateTime start = (OffsetDateTime) change.values().get("planned_start");
        OffsetDateTime end = (OffsetDateTime) change.values().get("planned_end");
        if (start != null && end != null && !end.isAfter(start)) {
            return veto("veto.end.before.start");
        }
        if (status.get() == VisitStatus.ON_SITE && change.values().get("visitor") == null) {
            return veto("veto.visitor.missing");
        }
        if (status.get() == VisitStatus.SIGNED_OFF && change.action() != RecordAction.CREATE) {
            Optional<Veto> signOff = signOff(change);
            if (signOff.isPresent()) {
                return signOff;
            }
        }
        for (String field : List.of("check_in_location", "check_out_location")) {
            Object position = change.values().get(field);
            if (position != null && !Objects.equals(position, change.oldValues().get(field))) {
                // a position is personal data of the customer's place: kept only with their consent
                if (!Boolean.TRUE.equals(change.values().get("location_consent"))) {
                    return veto("location.consent");
                }
                if (VisitLocation.parse(position).isEmpty()) {
                    return veto("location.bad");
                }
            }
        }
        Object visitor = change.values().get("visitor");
        Object team = change.values().get("team");
        if (team instanceof Number lead && visitor instanceof Number person && lead.longValue() != person.longValue()
                && (!Objects.equals(team, change.oldValues().get("team"))
                        || !Objects.equals(visitor, change.oldValues().get("visitor")))
                && context.users().team(lead.longValue()).stream().noneMatch(u -> u.id() == person.longValue())) {
            return veto("veto.team.member");
        }
        if (status.get().active() && visitor != null && start != null && end != null) {
            return context.locks().exclusively("visitor:" + visitor, () -> overlap(change.id(), visitor, start, end));
        }
        return Optional.empty();
    }

    private static boolean signedContentChanged(RecordChange change) {
        for (String field : List.of("customer", "visit_type", "visitor", "signer_name", "signed_at", "signature",
                "content_hash")) {
            if (!java.util.Objects.equals(change.values().get(field), change.oldValues().get(field))) {
                return true;
            }
        }
        return false;
    }

    private Optional<Veto> signOff(RecordChange change) {
        if (blank(change.values().get("signer_name")) || blank(change.values().get("signature"))
                || change.values().get("signed_at") == null) {
            return veto("veto.signoff.signature");
        }
        List<RecordData> open = context.records().search(VisitForms.CHECK)
                .where("visit", FilterOperator.EQUALS, change.id()).where("required", FilterOperator.EQUALS, true)
                .where("result", FilterOperator.IS_EMPTY).limit(1000).list();
        if (!open.isEmpty()) {
            return veto("veto.signoff.open", open.size(), open.getFirst().get("item"));
        }
        // a line done that asks for a photo needs one, counted from the stored files rather than the field
        List<RecordData> noPhoto = context.records().search(VisitForms.CHECK)
                .where("visit", FilterOperator.EQUALS, change.id())
                .where("photo_required", FilterOperator.EQUALS, true)
                .where("result", FilterOperator.EQUALS, "done").limit(1000).list().stream()
                .filter(c -> context.files().list(VisitService.photoKey(c.id())).isEmpty()).toList();
        if (!noPhoto.isEmpty()) {
            return veto("veto.signoff.photo", noPhoto.size(), noPhoto.getFirst().get("item"));
        }
        return Optional.empty();
    }

    private Optional<Veto> overlap(Long self, Object visitor, OffsetDateTime start, OffsetDateTime end) {
        List<RecordData> others = context.records().search(VisitForms.VISIT)
                .where("visitor", FilterOperator.EQUALS, visitor)
                .where("status", FilterOperator.IN, VisitStatus.ACTIVE.toArray())
                .where("planned_start", FilterOperator.LESS, end)
                .where("planned_end", FilterOperator.GREATER, start)
                .fields("subject", "planned_start", "planned_end").limit(5).list();
        return others.stream().filter(o -> self == null || o.id() != self).findFirst()
                .flatMap(o -> veto("veto.overlap", o.get("subject"),
                        Texts.span((OffsetDateTime) o.get("planned_start"), (OffsetDateTime) o.get("planned_end"))));
    }

    private Optional<Veto> check(RecordChange change) {
        Optional<Veto> frozen = frozen(change.values().get("visit"));
        if (frozen.isPresent()) {
            return frozen;
        }
        // the photo count follows the stored photos; nobody types it
        Object photos = change.values().get("photos");
        if (change.id() != null && !java.util.Objects.equals(photos, change.oldValues().get("photos"))
                && VisitCatalog.number(photos) != context.files().list(VisitService.photoKey(change.id())).size()) {
            return veto("veto.photos.count");
        }
        // the record of deleted photos is only ever added to
        Object removed = change.values().get("photos_removed");
        Object removedBefore = change.oldValues().get("photos_removed");
        if (change.id() != null && removedBefore != null && !removedBefore.toString().isEmpty()
                && (removed == null || !removed.toString().startsWith(removedBefore.toString()))) {
            return veto("veto.photos.removed");
        }
        return Optional.empty();
    }

    private Optional<Veto> frozen(Object visitId) {
        if (!(visitId instanceof Long id)) {
            return Optional.empty();
        }
        return context.records().get(VisitForms.VISIT, id)
                .flatMap(v -> VisitStatus.of(v.get("status")))
                .filter(s -> s == VisitStatus.SIGNED_OFF || s == VisitStatus.CANCELLED)
                .flatMap(s -> veto("veto.check.frozen", Texts.status(context, s)));
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }

    /** A veto in both languages; arguments that are {@link LocalText} are put in each in its language. */
    private Optional<Veto> veto(String key, Object... arguments) {
        return Optional.of(new Veto(LocalText.of(
                context.messages().get(key, Locale.SIMPLIFIED_CHINESE, in(arguments, Locale.SIMPLIFIED_CHINESE)),
                context.messages().get(key, Locale.ENGLISH, in(arguments, Locale.ENGLISH)))));
    }

    private static Object[] in(Object[] arguments, Locale locale) {
        Object[] out = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            out[i] = arguments[i] instanceof LocalText t ? t.in(locale) : arguments[i];
        }
        return out;
    }
}
