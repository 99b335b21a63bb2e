package io.kehu.platform.workflow;

import java.util.List;

/**
 * Extension point: the channels outside the app a {@code notify} action may name (the webhooks console's channel
 * names, e.g. a WeCom group robot). The webhooks feature provides it; the workflow editor offers the names and warns
 * about one nobody has set up. It lives here, not in webhooks, so the editor need not depend on webhooks (which
 * depends on workflows for their events).
 */
public interface NotifyChannels {

    /**
     * A channel an administrator has named.
     *
     * @param name the name a {@code notify} uses
     * @param description what the administrator wrote about the endpoint (may be empty)
     * @param enabled whether the endpoint is switched on (a notice to a switched-off channel is not sent)
     */
    record Channel(String name, String description, boolean enabled) {
    }

    /** The named channels, by name. */
    List<Channel> channels();
}
