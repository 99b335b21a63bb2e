package io.kehu.platform.views;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who made a change, as a person reads it: a user's display name (李强, not {@code liqiang}), and for the platform's
 * own writers a name in the user's language: "演示数据", "规则", "分级插件（代 管理员）" instead of the audit trail's
 * {@code demo-data}, {@code rules} and {@code plugin:tiering for admin}.
 */
final class ActorName {

    /** {@code plugin:<id>}, optionally {@code for <username>} when a plugin wrote on a user's behalf. */
    private static final Pattern PLUGIN = Pattern.compile("plugin:([A-Za-z0-9._-]+)(?: for (.+))?");

    private ActorName() {
    }

    /**
     * @param userId the user who made the change, or {@code null} for the platform itself
     * @param recorded the name the audit trail recorded (sign-in name, or the writer's code)
     * @param translate a message key to its text in the user's language ({@code !key!} when missing)
     */
    static String of(Long userId, String recorded, UserDirectory users, Function<String, String> translate) {
        if (userId != null) {
            return users.account(userId) != null ? users.name(userId) : nameOf(recorded, users);
        }
        if (recorded == null || recorded.isBlank()) {
            return translate.apply("views.actor.system");
        }
        Matcher plugin = PLUGIN.matcher(recorded);
        if (plugin.matches()) {
            String pluginName = known(translate, "views.actor.plugin." + plugin.group(1))
                    .orElseGet(() -> translate.apply("views.actor.pluginNamed").replace("{0}", plugin.group(1)));
            return plugin.group(2) == null ? pluginName
                    : translate.apply("views.actor.onBehalf").replace("{0}", pluginName)
                            .replace("{1}", nameOf(plugin.group(2), users));
        }
        return known(translate, "views.actor." + recorded).orElseGet(() -> translate.apply("views.actor.system"));
    }

    private static String nameOf(String username, UserDirectory users) {
        return users.byUsername(username).map(a -> a.displayName()).orElse(username);
    }

    private static java.util.Optional<String> known(Function<String, String> translate, String key) {
        String text = translate.apply(key);
        return text.startsWith("!") ? java.util.Optional.empty() : java.util.Optional.of(text);
    }
}
