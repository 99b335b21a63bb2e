package io.kehu.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private final Messages messages = new Messages();

    @Test
    void everyBundleHasTheSameKeysInBothLanguagesAndNoEmptyText() throws IOException {
        java.util.Set<String> allKeys = new java.util.HashSet<>();
        int bundles = 0;
        for (String name : Messages.BUNDLES) {
            String file = name.substring(name.indexOf('.') + 1);
            if (MessagesTest.class.getResource("/i18n/" + file + "_en.properties") == null) {
                assertThat(MessagesTest.class.getResource("/i18n/" + file + "_zh_CN.properties")).as(file).isNull();
                continue;
            }
            bundles++;
            Properties zh = load(file + "_zh_CN.properties");
            Properties en = load(file + "_en.properties");
            assertThat(zh.stringPropertyNames()).as(file).isEqualTo(en.stringPropertyNames()).isNotEmpty();
            assertThat(zh.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
            assertThat(en.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
            for (String key : en.stringPropertyNames()) {
                assertThat(allKeys.add(key)).as("key %s defined in two bundles", key).isTrue();
            }
        }
        assertThat(bundles).isPositive();
    }

    @Test
    void translatesWithParametersPerLanguage() {
        assertThat(messages.getTranslation("home.welcome", Locale.SIMPLIFIED_CHINESE, "李强")).isEqualTo("欢迎回来，李强");
        assertThat(messages.getTranslation("home.welcome", Locale.ENGLISH, "Li")).isEqualTo("Welcome back, Li");
    }

    @Test
    void anyChineseIsChineseAndEverythingElseEnglish() {
        assertThat(messages.getTranslation("nav.home", Locale.TRADITIONAL_CHINESE)).isEqualTo("首页");
        assertThat(messages.getTranslation("nav.home", Locale.GERMAN)).isEqualTo("Home");
        assertThat(messages.getTranslation("nav.home", null)).isEqualTo("Home");
        assertThat(Languages.other(Locale.ENGLISH)).isEqualTo(Languages.CHINESE);
    }

    @Test
    void englishIsNotReplacedByTheServersDefaultLocale() {
        Locale previous = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertThat(messages.getTranslation("nav.home", Locale.ENGLISH)).isEqualTo("Home");
        } finally {
            Locale.setDefault(previous);
        }
    }

    @Test
    void aMissingKeyIsVisibleButHarmless() {
        assertThat(messages.getTranslation("no.such.key", Locale.ENGLISH)).isEqualTo("!no.such.key!");
    }

    private static Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/" + file)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
