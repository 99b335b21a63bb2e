package io.kehu.platform.designer;

import io.kehu.platform.forms.FormSeeder;
import io.kehu.platform.plugins.PluginHost;
import io.kehu.platform.plugins.PluginInfo;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * Who changed a form, as people read it: a user by the name the company gave the account, the seeded forms as 系统 /
 * "System", and a plugin's forms as "客户分级插件" by the plugin's own name, never {@code system} or
 * {@code plugin:tiering}.
 */
final class Authors {

    private static final String PLUGIN = "plugin:";

    private final UserAccounts accounts;
    private final PluginHost plugins;

    Authors(UserAccounts accounts, PluginHost plugins) {
        this.accounts = accounts;
        this.plugins = plugins;
    }

    /** {@code author} (a username, {@code system} or {@code plugin:<id>}) in words; {@code text} translates keys. */
    String name(String author, Locale locale, BiFunction<String, Object[], String> text) {
        if (author == null || author.isBlank()) {
            return "";
        }
        if (author.equals(FormSeeder.SEEDED_BY)) {
            return text.apply("designer.author.system", new Object[0]);
        }
        if (author.startsWith(PLUGIN)) {
            String id = author.substring(PLUGIN.length());
            String fallback = plugins.plugin(id).map(PluginInfo::name).orElse(id);
            String name = plugins.displayName(id, fallback, locale);
            return text.apply("designer.author.plugin", new Object[] {name});
        }
        return accounts.findByUsername(author).map(UserAccount::displayName).filter(n -> !n.isBlank())
                .orElse(author);
    }
}
