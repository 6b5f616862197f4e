package dev.tern.adapters.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class PeerAddressTest {

    private static final InetSocketAddress PROXY = new InetSocketAddress("127.0.0.1", 40_000);

    @Test
    void namesTheSocketPeerWhenForwardedForIsNotTrusted() {
        assertThat(PeerAddress.describe(PROXY, "203.0.113.5", false)).isEqualTo("127.0.0.1:40000");
    }

    @Test
    void namesTheFirstForwardedClientViaTheProxyWhenTrusted() {
        assertThat(PeerAddress.describe(PROXY, " 203.0.113.5, 10.0.0.1", true))
                .isEqualTo("203.0.113.5 via 127.0.0.1:40000");
    }

    @Test
    void fallsBackToTheSocketPeerWithoutTheHeader() {
        assertThat(PeerAddress.describe(PROXY, null, true)).isEqualTo("127.0.0.1:40000");
        assertThat(PeerAddress.describe(PROXY, " ", true)).isEqualTo("127.0.0.1:40000");
    }

    @Test
    void bracketsIpv6Peers() {
        assertThat(PeerAddress.describe(new InetSocketAddress("::1", 1883), null, false)).isEqualTo("[0:0:0:0:0:0:0:1]:1883");
    }
}
