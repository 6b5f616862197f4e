package dev.tern.bootstrap.config;

import dev.tern.application.port.plugin.Setting;
import java.net.InetAddress;
import java.util.Objects;

/**
 * The {@code $SYS} topics: how often the broker's figures are published, and which client events.
 *
 * @param interval           seconds between two publications of {@code $SYS/broker/...}; 0 = none
 * @param nodeName           the {@code <node>} of {@code $SYS/brokers/<node>/clients/...}; {@code auto} = the host name
 *                           (in a cluster the node id, which the broker's assembly knows)
 * @param clientEvents       whether {@code connected} and {@code disconnected} events are published
 * @param subscriptionEvents whether {@code subscribed} and {@code unsubscribed} events are published
 */
public record SysConfig(
        @Setting(defaultValue = "10", min = 0, max = 86_400,
                description = "seconds between two publications of the $SYS/broker/... topics; 0 = none")
        int interval,
        @Setting(defaultValue = "auto", description =
                "<node> in $SYS/brokers/<node>/clients/...; auto = the host name (tern without one), "
                        + "in a cluster the node id")
        String nodeName,
        @Setting(defaultValue = "true",
                description = "publish $SYS/brokers/<node>/clients/<clientid>/connected and .../disconnected")
        boolean clientEvents,
        @Setting(defaultValue = "false",
                description = "publish $SYS/brokers/<node>/clients/<clientid>/subscribed and .../unsubscribed")
        boolean subscriptionEvents) {

    public static final String AUTO = "auto";

    public SysConfig {
        Objects.requireNonNull(nodeName, "nodeName");
        nodeName = nodeName.strip();
        if (nodeName.isEmpty() || nodeName.chars().anyMatch(c -> c == '/' || c == '+' || c == '#' || c < 0x20)) {
            throw new IllegalArgumentException("nodeName must be one topic level, without /, + or #: " + nodeName);
        }
    }

    /** The node name in force: the one set, or for {@code auto} the host name ({@code tern} without one). */
    public String resolvedNodeName() {
        if (!nodeName.equals(AUTO)) {
            return nodeName;
        }
        try {
            String host = InetAddress.getLocalHost().getHostName();
            return host == null || host.isBlank() ? "tern" : host;
        } catch (java.io.IOException | SecurityException e) {
            return "tern";
        }
    }
}
