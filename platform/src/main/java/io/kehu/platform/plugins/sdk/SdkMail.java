package io.kehu.platform.plugins.sdk;

import io.kehu.platform.notifications.OutsideMail;
import io.kehu.sdk.mail.PluginMail;

/** {@link PluginMail} over the platform's {@link OutsideMail}, naming the plugin in the log. */
final class SdkMail implements PluginMail {

    private final String pluginId;
    private final OutsideMail mail;

    SdkMail(String pluginId, OutsideMail mail) {
        this.pluginId = pluginId;
        this.mail = mail;
    }

    @Override
    public boolean configured() {
        return mail.configured();
    }

    @Override
    public String publicUrl() {
        return mail.publicUrl();
    }

    @Override
    public void send(String to, String subject, String text) {
        mail.send(pluginId, to, subject, text);
    }

    @Override
    public void sendNow(String to, String subject, String text) {
        mail.sendNow(to, subject, text).ifPresent(refusal -> {
            throw new io.kehu.sdk.mail.MailNotSentException(refusal.getMessage(), refusal);
        });
    }
}
