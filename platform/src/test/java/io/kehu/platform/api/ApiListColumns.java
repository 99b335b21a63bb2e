package io.kehu.platform.api;

import io.kehu.platform.records.ContributedColumn;
import io.kehu.platform.records.ContributedColumns;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** List columns a test contributes, as a plugin would through the SDK's {@code ListColumnContribution}. */
@TestConfiguration(proxyBeanMethods = false)
class ApiListColumns {

    static final List<ContributedColumn> COLUMNS = new CopyOnWriteArrayList<>();

    @Bean
    ContributedColumns testContributedColumns() {
        return formId -> COLUMNS.stream().filter(c -> c.formId().equals(formId)).toList();
    }
}
