package io.kehu.platform.plugins;

import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.DefinitionSource;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.sdk.forms.DefinitionText;
import io.kehu.sdk.forms.FormDefinitionProvider;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Publishes the form definitions a plugin ships, through the same reader (syntax, schema, meaning) and publisher
 * (additive schema sync, version history) as every other definition. Only definitions that differ from the published
 * version are published, so restarting never piles up versions. Forms are never unpublished when their plugin stops:
 * they and their records belong to the company.
 */
@Component
class PluginForms {

    private final DefinitionReader reader;
    private final FormPublisher publisher;
    private final FormCatalog catalog;

    PluginForms(DefinitionReader reader, FormPublisher publisher, FormCatalog catalog) {
        this.reader = reader;
        this.publisher = publisher;
        this.catalog = catalog;
    }

    /** Publishes what changed; throws the reader's or publisher's refusal, naming the plugin's files. */
    void publish(String pluginId, String version, List<FormDefinitionProvider> providers) {
        List<DefinitionSource> sources = providers.stream()
                .flatMap(p -> p.definitions().stream())
                .map((DefinitionText t) -> new DefinitionSource(pluginId + "/" + t.name(), t.json()))
                .toList();
        if (sources.isEmpty()) {
            return;
        }
        Set<String> known = catalog.allPublished().stream().map(FormDefinition::id).collect(Collectors.toSet());
        List<FormDefinition> changed = reader.readAll(sources, known).stream()
                .filter(d -> !catalog.published(d.id()).equals(Optional.of(d)))
                .toList();
        if (!changed.isEmpty()) {
            publisher.publishAll(changed, "plugin:" + pluginId, "Shipped with plugin " + pluginId + " " + version);
        }
    }
}
