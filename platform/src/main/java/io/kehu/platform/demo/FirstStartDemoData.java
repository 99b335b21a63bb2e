package io.kehu.platform.demo;

import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.plugins.PluginHost;
import io.kehu.platform.plugins.PluginsStarted;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * After the first accounts and forms, fills an installation that has no customer yet with
 * {@code kehu.demo.customers} ({@code KEHU_DEMO_CUSTOMERS}, default 200) demo customers. Off with {@code KEHU_DEMO=false}
 * or when the seeded forms have no {@code customer} form. Once the plugins have started, some complaints and customer
 * events are walked through the shipped processes by the demo people ({@link DemoProcesses}), and the tiering plugin's
 * evaluation classifies the customers (when that plugin is installed).
 */
@Component
@Order(35)
class FirstStartDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStartDemoData.class);
    private static final long SEED = 20261123L;
    /** The bundled tiering plugin and its job that evaluates the last period and applies the levels. */
    static final String TIERING_PLUGIN = "tiering";
    static final String TIERING_JOB = "evaluate";

    private final DemoData demoData;
    private final DemoProcesses processes;
    private final Records records;
    private final FormCatalog catalog;
    private final Environment env;
    private final PluginHost plugins;
    /** Whether this start generated the demo data, which the tier evaluation then classifies. */
    private volatile boolean generated;

    FirstStartDemoData(DemoData demoData, DemoProcesses processes, Records records, FormCatalog catalog,
            Environment env, PluginHost plugins) {
        this.processes = processes;
        this.plugins = plugins;
        this.demoData = demoData;
        this.records = records;
        this.catalog = catalog;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        int customers = env.getProperty("kehu.demo.customers", Integer.class, 200);
        boolean wanted = env.getProperty("kehu.accounts.demo-users", Boolean.class, true) && customers > 0;
        if (!wanted || !DemoData.FORMS.stream().allMatch(f -> catalog.published(f).isPresent())) {
            return;
        }
        Actor system = Actor.system("demo-data");
        if (!records.query(system, RecordQuery.of("customer").limit(1)).isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        int[] written = {0};
        try {
            demoData.generate(customers, SEED, done -> {
                written[0] = done;
                if (done % 50 == 0) {
                    log.info("Demo data: {} of {} customers", done, customers);
                }
            });
        } catch (RuntimeException e) {
            // Demo data is a convenience: a company's own rules may refuse it, which must not stop Kehu from starting.
            log.warn("Demo data stopped after {} customers: {}", written[0], e.getMessage());
            return;
        }
        log.info("Demo data: {} customers with contacts, interactions, purchases and feedback in {} ms", customers,
                (System.nanoTime() - start) / 1_000_000);
        generated = true;
    }

    /**
     * Once the plugins run, walks the demo complaints and events through their processes — after, not before: the
     * processes' plugin actions (the survey plugin's revisit link on a resolved complaint) then act as they will for
     * the company's own complaints instead of being skipped — and classifies the new demo customers, so the first
     * home page shows tiers instead of 0/0/0: the tiering plugin's own scheduled job, started now (nothing happens
     * without that plugin).
     */
    @EventListener(PluginsStarted.class)
    void walkProcessesAndClassify() {
        if (generated) {
            generated = false;
            try {
                DemoProcesses.Walked walked = processes.walk();
                log.info("Demo data: {} complaints and {} customer events walked through their processes",
                        walked.complaints(), walked.events());
            } catch (RuntimeException e) {
                log.warn("Demo processes stopped: {}", e.getMessage());
            }
            boolean started = plugins.runJobNow(TIERING_PLUGIN, TIERING_JOB);
            log.info(started ? "Demo data: tier evaluation started" : "Demo data: no tiering plugin to classify with");
        }
    }
}
