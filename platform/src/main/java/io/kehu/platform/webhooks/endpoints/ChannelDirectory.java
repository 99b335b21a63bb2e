package io.kehu.platform.webhooks.endpoints;

import io.kehu.platform.workflow.NotifyChannels;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** The webhooks console's channel names, for the workflow editor ({@link NotifyChannels}). */
@Component
class ChannelDirectory implements NotifyChannels {

    private final EndpointStore endpoints;

    ChannelDirectory(EndpointStore endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public List<Channel> channels() {
        return endpoints.all(Instant.now()).stream().filter(e -> e.channel() != null)
                .map(e -> new Channel(e.channel(), e.description() == null ? "" : e.description(), e.enabled()))
                .sorted(Comparator.comparing(Channel::name)).toList();
    }
}
