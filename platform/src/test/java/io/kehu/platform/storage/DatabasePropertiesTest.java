package io.kehu.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabasePropertiesTest {

    @Test
    void noUrlMeansH2InTheDataDirectory() {
        var db = new DatabaseProperties(" ", null, null, Path.of("/srv/kehu"));
        assertThat(db.embedded()).isTrue();
        assertThat(db.effectiveUrl()).isEqualTo(
                "jdbc:h2:file:/srv/kehu/kehu;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        assertThat(db.effectiveUser()).isEqualTo("sa");
    }

    @Test
    void aRelativeDataDirectoryIsResolvedAgainstTheWorkingDirectory() {
        var db = new DatabaseProperties(null, null, null, null);
        assertThat(db.effectiveUrl()).startsWith("jdbc:h2:file:" + Path.of("data").toAbsolutePath());
    }

    @Test
    void aConfiguredUrlIsUsedAsItIs() {
        var db = new DatabaseProperties("jdbc:postgresql://db/kehu", "kehu", "secret", null);
        assertThat(db.embedded()).isFalse();
        assertThat(db.effectiveUrl()).isEqualTo("jdbc:postgresql://db/kehu");
        assertThat(db.effectiveUser()).isEqualTo("kehu");
    }
}
