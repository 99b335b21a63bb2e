package io.kehu.platform.startup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says in one log line when Kehu can be used. The web server answers as soon as it is up, while the first start is
 * still publishing forms and writing demo data; without this line a person watching the console cannot tell a login
 * page that works from one that shows an empty archive.
 */
@Component
class ReadyAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(ReadyAnnouncement.class);

    private final Environment env;

    ReadyAnnouncement(Environment env) {
        this.env = env;
    }

    /** Runs after the first-start work (application runners) and after the other ready listeners, plugins included. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void announce() {
        String port = env.getProperty("local.server.port");
        if (port != null) {
            log.info("Kehu is ready on http://localhost:{}", port);
        }
    }
}
