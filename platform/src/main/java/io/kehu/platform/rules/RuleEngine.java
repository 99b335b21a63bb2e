package io.kehu.platform.rules;

import io.kehu.platform.calendar.BusinessCalendar;
import io.kehu.platform.calendar.BusinessCalendars;
import io.kehu.platform.calendar.CompanyCalendars;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormRule;
import io.kehu.platform.forms.RuleCompileCheck;
import io.kehu.platform.records.FieldError;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordRules;
import io.kehu.platform.records.RecordValidationException;
import io.kehu.platform.records.Records;
import io.kehu.platform.rules.script.RuleContext;
import io.kehu.platform.rules.script.RuleRecord;
import io.kehu.platform.security.Actor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The rules engine: compiles form rules, visibility and required conditions and computed-field expressions in the
 * Groovy sandbox, caches them, and runs them inside every write ({@link RecordRules}) and for the definition reader
 * ({@link RuleCompileCheck}: a rule that does not compile is refused at load and publish). A rule that throws, times
 * out or hits a sandbox limit refuses the save with a message naming it and is logged for the administrator; since
 * rules run inside the write's transaction, nothing is half written.
 */
@Service
public class RuleEngine implements RecordRules, RuleCompileCheck {

    private static final Logger log = LoggerFactory.getLogger(RuleEngine.class);

    private final long timeoutMillis;
    private final long cacheSize;
    private final ObjectProvider<Records> records;
    private final ObjectProvider<FormCatalog> catalog;
    private final ObjectProvider<RuleFunctions> staticFunctions;
    private final ObjectProvider<RuleFunctionSource> dynamicFunctions;
    private final RuleMessages messages;
    private final ObjectProvider<CompanyCalendars> calendars;
    /** The compiler, cache and contexts for the current function sets; replaced whole when plugins come and go. */
    private volatile Bound bound;

    RuleEngine(@Value("${kehu.rules.timeout-ms:200}") long timeoutMillis,
               @Value("${kehu.rules.cache-size:2000}") long cacheSize,
               ObjectProvider<Records> records, ObjectProvider<FormCatalog> catalog,
               ObjectProvider<RuleFunctions> functions, ObjectProvider<RuleFunctionSource> functionSources,
               RuleMessages messages, ObjectProvider<CompanyCalendars> calendars) {
        this.calendars = calendars;
        this.timeoutMillis = timeoutMillis;
        this.cacheSize = cacheSize;
        this.records = records;
        this.catalog = catalog;
        this.staticFunctions = functions;
        this.dynamicFunctions = functionSources;
        this.messages = messages;
        this.bound = bind(currentFunctionSets());
    }

    /**
     * Re-reads the function sets (plugins started or stopped) and, when they changed, starts a fresh compiler and
     * cache for them: compiled rules are typed against the function objects' classes, so old classes cannot serve.
     */
    @EventListener(RuleFunctionsChanged.class)
    public synchronized void refreshFunctions() {
        Map<String, Object> sets = currentFunctionSets();
        if (!sets.equals(bound.sets())) {
            bound = bind(sets);
            log.info("Rule functions now: {}", sets.keySet());
        }
    }

    /** The names of the rule function sets rules can use now (the platform's and those of running plugins). */
    public java.util.Set<String> functionNames() {
        return bound.sets().keySet();
    }

    private Map<String, Object> currentFunctionSets() {
        Map<String, Object> sets = new LinkedHashMap<>();
        staticFunctions.orderedStream().forEach(f -> sets.putIfAbsent(f.name(), f.functions()));
        dynamicFunctions.orderedStream().forEach(source -> source.functions().forEach(sets::putIfAbsent));
        return sets;
    }

    private Bound bind(Map<String, Object> sets) {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        sets.forEach((name, set) -> types.put(name, set.getClass()));
        RuleCache cache = new RuleCache(new RuleCompiler(timeoutMillis, types,
                FunctionClassLoader.over(types.values())), cacheSize);
        RuleContexts contexts = new RuleContexts(records::getObject, catalog::getObject, sets,
                Clock.systemDefaultZone(), this::companyCalendar);
        return new Bound(Map.copyOf(sets), cache, contexts);
    }

    /** The calendar rules count holidays in: the company's, or the shipped one where no company calendar runs. */
    private BusinessCalendar companyCalendar() {
        CompanyCalendars company = calendars.getIfAvailable();
        return company == null ? BusinessCalendars.chinaMainland() : company.current();
    }

    private record Bound(Map<String, Object> sets, RuleCache cache, RuleContexts contexts) {
    }

    /**
     * Compiles {@code script} as a rule of {@code form} (cached), or says why it cannot run.
     *
     * @throws RuleCompileException with line, column and reason
     */
    public void compile(FormDefinition form, String script) {
        bound.cache().get(script, RecordTyping.of(form));
    }

    @Override
    public Optional<String> problem(FormDefinition form, ScriptKind kind, String script) {
        try {
            compile(form, script);
            return Optional.empty();
        } catch (RuleCompileException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The fields of {@code form} that {@code script} reads by name; empty when it may read any. */
    @Override
    public Optional<Set<String>> fieldsRead(FormDefinition form, String script) {
        try {
            return bound.cache().get(script, RecordTyping.of(form)).fieldsRead();
        } catch (RuleCompileException e) {
            return Optional.of(Set.of()); // refused as not compiling; a script that cannot run reads nothing
        }
    }

    /**
     * Runs {@code script} once on sample {@code values} as the rule console does: compile errors and run-time
     * failures are reported in the result, not thrown.
     */
    public RuleRun tryRule(FormDefinition form, String script, Map<String, ?> values, Long recordId, Actor actor) {
        CompiledRule rule;
        try {
            rule = bound.cache().get(script, RecordTyping.of(form));
        } catch (RuleCompileException e) {
            return new RuleRun(null, 0, e.reason(), e.line(), e.column());
        }
        RuleContext context = bound.contexts().of(form, new RuleRecord(recordId, values), RuleRecord.EMPTY, actor);
        long start = System.nanoTime();
        try {
            Object result = rule.evaluate(context);
            return new RuleRun(result, System.nanoTime() - start, null, 0, 0);
        } catch (Throwable e) {
            rethrowFatal(e);
            return new RuleRun(null, System.nanoTime() - start, RuleFailure.describe(e), 0, 0);
        }
    }

    @Override
    public List<FieldError> validate(FormDefinition form, Map<String, Object> values, Optional<Record> old,
                                     Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        RuleContext context = null;
        for (int i = 0; i < form.rules().size(); i++) {
            FormRule rule = form.rules().get(i);
            if (!"validate".equals(rule.on()) || rule.script() == null) {
                continue;
            }
            context = context != null ? context : bound.contexts().of(form, values, old, actor);
            int index = i;
            // The name only appears in a refusal or a failure: not built for every record of a bulk write.
            Supplier<String> name = () -> messages.ruleName(index, rule.script());
            if (!truth(run(form, rule.script(), context, name, null))) {
                errors.add(new FieldError(null, "rule", rule.message().isEmpty()
                        ? messages.text("rules.refused", name.get()) : rule.message()));
            }
        }
        return errors;
    }

    @Override
    public Map<String, Object> compute(FormDefinition form, Map<String, Object> values) {
        return compute(form, values, Optional.empty(), Actor.system("rules"));
    }

    @Override
    public Map<String, Object> compute(FormDefinition form, Map<String, Object> values, Optional<Record> old,
                                       Actor actor) {
        Map<String, Object> working = null;
        Map<String, Object> computed = new LinkedHashMap<>();
        for (FieldDefinition f : form.fields()) {
            if (f.type() == FieldType.COMPUTED && f.expression() != null) {
                // Copied only for forms that have computed fields: most have none, and bulk writes ask per record.
                working = working != null ? working : new LinkedHashMap<>(values);
                Object value = run(form, f.expression(), bound.contexts().of(form, working, old, actor), f.id(), f.id());
                working.put(f.id(), value);
                computed.put(f.id(), value);
            }
        }
        return computed;
    }

    @Override
    public boolean isVisible(FormDefinition form, FieldDefinition field, Map<String, Object> values, Actor actor) {
        if (field.visibleWhen() == null) {
            return true;
        }
        try {
            return truth(run(form, field.visibleWhen(), bound.contexts().of(form, values, Optional.empty(), actor),
                    field.id(), field.id()));
        } catch (RecordValidationException e) {
            return true;
        }
    }

    @Override
    public boolean isRequired(FormDefinition form, FieldDefinition field, Map<String, Object> values, Actor actor) {
        return field.required() || field.requiredWhen() != null && truth(run(form, field.requiredWhen(),
                bound.contexts().of(form, values, Optional.empty(), actor), field.id(), field.id()));
    }

    /**
     * Whether condition {@code script} holds for a record's {@code values} (workflow guards and actor conditions use
     * it), run in the sandbox like a validation rule. A script that fails refuses like a failing rule does.
     *
     * @param name names the condition in the refusal and the log, e.g. {@code complaint_handling / resolve}
     * @throws RecordValidationException when the script fails
     */
    public boolean holds(FormDefinition form, String script, Map<String, Object> values, Optional<Record> old,
                         Actor actor, String name) {
        return truth(run(form, script, bound.contexts().of(form, values, old, actor), name, null));
    }

    /**
     * The value of expression {@code script} over a record's {@code values} (a workflow's {@code createRecord}
     * prefills a record in another form with it), run in the sandbox like a computed field.
     *
     * @param name names the expression in the refusal and the log, e.g. {@code complaint_handling / revisit_ok / summary}
     * @throws RecordValidationException when the script fails
     */
    public Object value(FormDefinition form, String script, Map<String, Object> values, Optional<Record> old,
                        Actor actor, String name) {
        return run(form, script, bound.contexts().of(form, values, old, actor), name, null);
    }

    /** Runs one script; any failure becomes a refusal naming the rule, logged with its details. */
    private Object run(FormDefinition form, String script, RuleContext context, String name, String fieldId) {
        return run(form, script, context, () -> name, fieldId);
    }

    private Object run(FormDefinition form, String script, RuleContext context, Supplier<String> named,
                       String fieldId) {
        try {
            return bound.cache().get(script, RecordTyping.of(form)).evaluate(context);
        } catch (Throwable e) {
            rethrowFatal(e);
            String name = named.get();
            RuleFailure failure = new RuleFailure(form.id() + " / " + name, e);
            log.warn("Rule failed in form {} ({}): {}", form.id(), name, failure.getMessage(), e);
            throw new RecordValidationException(List.of(new FieldError(fieldId, "rule_failed",
                    messages.text("rules.failed", name))));
        }
    }

    private static boolean truth(Object result) {
        return DefaultTypeTransformation.castToBoolean(result);
    }

    private static void rethrowFatal(Throwable e) {
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
            throw (VirtualMachineError) e;
        }
    }
}
