package io.kehu.platform.forms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * On the first start publishes the company's form definitions: those in {@code kehu.forms.seed-dir}
 * ({@code KEHU_FORMS_DIR}) when set, else the ones shipped in the jar (the repository's {@code form-definitions/}).
 * A database that already has forms is left alone. Invalid files stop start-up with every problem listed, because
 * starting without the forms would only move the surprise to the first user.
 */
@Component
@Order(20)
class FirstStartForms implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStartForms.class);

    private final DefinitionReader reader;
    private final FormSeeder seeder;
    private final Environment env;

    FirstStartForms(DefinitionReader reader, FormSeeder seeder, Environment env) {
        this.reader = reader;
        this.seeder = seeder;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        // A restart leaves the forms alone, so it need not read and check the files either (their rules take a
        // noticeable part of start-up to compile).
        if (!env.getProperty("kehu.forms.seed", Boolean.class, true) || !seeder.needsSeeding()) {
            return;
        }
        String dir = env.getProperty("kehu.forms.seed-dir", "");
        List<FormDefinition> definitions = dir.isBlank() ? reader.readAll(shipped()) : reader.readFolder(Path.of(dir));
        if (seeder.seedIfEmpty(definitions)) {
            log.info("Published {} forms from {}: {}", definitions.size(), dir.isBlank() ? "the shipped definitions" : dir,
                    definitions.stream().map(FormDefinition::id).toList());
        }
    }

    static List<DefinitionSource> shipped() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:form-definitions/*.json");
            List<DefinitionSource> sources = new ArrayList<>();
            for (Resource file : files) {
                try (var in = file.getInputStream()) {
                    sources.add(new DefinitionSource(file.getFilename(),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            sources.sort(Comparator.comparing(DefinitionSource::name));
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the shipped form definitions", e);
        }
    }

}
