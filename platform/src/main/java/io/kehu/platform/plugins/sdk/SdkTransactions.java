package io.kehu.platform.plugins.sdk;

import io.kehu.sdk.records.PluginTransactions;
import io.kehu.sdk.records.RecordException;
import java.util.function.Supplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link PluginTransactions} over Spring's transaction manager: the platform's record writes are
 * {@code @Transactional} (REQUIRED) and the connection proxy joins a running transaction, so everything the plugin
 * writes inside {@link #call} commits or rolls back together. Database refusals become {@link RecordException}s
 * ({@link DatabaseRefusals}).
 */
public final class SdkTransactions implements PluginTransactions {

    private final TransactionTemplate template;

    SdkTransactions(PlatformTransactionManager transactions) {
        this.template = new TransactionTemplate(transactions);
        this.template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    }

    @Override
    public <T> T call(Supplier<T> work) {
        try {
            return template.execute(status -> work.get());
        } catch (RecordException e) {
            throw e;
        } catch (RuntimeException e) {
            throw DatabaseRefusals.translated(e);
        }
    }
}
