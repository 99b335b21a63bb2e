package io.kehu.platform.workflow;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on Spring's scheduler for the workflow timers' poller ({@link DueTimers}). */
@Configuration
@EnableScheduling
class WorkflowScheduling {
}
