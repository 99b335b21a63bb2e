package io.kehu.platform.plugins;

import io.kehu.platform.plugins.sdk.SdkRecords;

import io.kehu.platform.records.BulkRecords;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.KehuUserDetails;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.jobs.JobStatus;
import io.kehu.sdk.records.PluginRecords;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The seam the SDK testkit ({@code sdk/testkit}) drives a started plugin through: its context, its extension
 * instances, its jobs run synchronously, and records or code run as a given user. It hands out nothing a plugin does
 * not already get; it exists so plugin tests go through the host's real objects instead of copies. Plugins cannot
 * reach it (they see only the SDK).
 */
@Component
public class PluginHarness {

    private final PluginRegistry registry;
    private final PluginJobScheduler jobs;
    private final Records records;
    private final BulkRecords bulk;
    private final UserAccounts accounts;

    private final io.kehu.platform.records.SavedListViews views;

    PluginHarness(PluginRegistry registry, PluginJobScheduler jobs, Records records, BulkRecords bulk,
                  UserAccounts accounts, io.kehu.platform.records.SavedListViews views) {
        this.views = views;
        this.registry = registry;
        this.jobs = jobs;
        this.records = records;
        this.bulk = bulk;
        this.accounts = accounts;
    }

    /** Whether the plugin is started (its extensions plugged in). */
    public boolean started(String pluginId) {
        return registry.get(pluginId).isPresent();
    }

    /** The context the started plugin was lent. */
    public PluginContext context(String pluginId) {
        return active(pluginId).context();
    }

    /** The instances of one extension point the host took from the started plugin. */
    public <T> List<T> extensions(String pluginId, Class<T> point) {
        return active(pluginId).get(point);
    }

    /** Runs one of the plugin's jobs on the calling thread; its state afterwards. */
    public JobStatus runJob(String pluginId, String jobId) {
        active(pluginId);
        return jobs.runAndWait(pluginId, jobId)
                .orElseThrow(() -> new IllegalStateException("Job " + jobId + " left no state"));
    }

    /** Records as {@code username} sees and changes them: that user's permissions, audited under that name. */
    public PluginRecords recordsAs(String username) {
        Actor actor = Actor.of(account(username));
        return new SdkRecords(records, bulk, () -> actor, views);
    }

    /**
     * Runs {@code action} signed in as {@code username} on this thread (as during one of that user's requests), so
     * {@code recordsOfCurrentUser()} and permission checks see that user; the previous sign-in is restored after.
     */
    public <T> T asUser(String username, Supplier<T> action) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext signedIn = SecurityContextHolder.createEmptyContext();
        signedIn.setAuthentication(authentication(username));
        SecurityContextHolder.setContext(signedIn);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** An authenticated token for {@code username}, as the sign-in form would produce. */
    public Authentication authentication(String username) {
        UserAccount account = account(username);
        List<Role> roles = List.copyOf(account.roles());
        var principal = new KehuUserDetails(account.username(), account.displayName(), roles);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    private UserAccount account(String username) {
        return accounts.findByUsername(username)
                .orElseThrow(() -> new IllegalArgumentException("No user account " + username));
    }

    private ActivePlugin active(String pluginId) {
        return registry.get(pluginId).orElseThrow(() -> new IllegalStateException(
                "Plugin " + pluginId + " is not started"));
    }
}
