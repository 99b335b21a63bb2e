package io.kehu.platform.designer;

import io.kehu.platform.workflow.NotifyChannels;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The webhook channels a workflow's {@code notify} actions name that no enabled endpoint has: a warning, never a
 * refusal (the endpoint may well be set up after the workflow), shown under the editor and in the publish dialog.
 */
final class ChannelWarnings {

    private ChannelWarnings() {
    }

    /** The names, in the order the transitions name them, each once. */
    static List<String> missing(JsonNode workflow, List<NotifyChannels.Channel> channels) {
        List<String> missing = new ArrayList<>();
        for (JsonNode transition : workflow.path("transitions")) {
            for (JsonNode action : transition.path("actions")) {
                String name = action.path("webhook").asString("").strip();
                if ("notify".equals(action.path("type").asString("")) && !name.isEmpty() && !missing.contains(name)
                        && channels.stream().noneMatch(c -> c.enabled() && c.name().equals(name))) {
                    missing.add(name);
                }
            }
        }
        return missing;
    }
}
