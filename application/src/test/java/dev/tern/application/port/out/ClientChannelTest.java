package dev.tern.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientChannelTest {

    /** A transport that keeps what it is given and later consumes it, as a queueing one does. */
    private static final class KeepingChannel implements ClientChannel {
        final List<ByteBuffer> kept = new ArrayList<>();

        @Override
        public void write(ByteBuffer bytes) {
            kept.add(bytes);
        }

        @Override
        public void flush() {
            kept.forEach(b -> b.position(b.limit()));
        }

        @Override
        public void close() {
        }

        @Override
        public boolean isWritable() {
            return true;
        }

        @Override
        public String remoteAddress() {
            return "test";
        }

        @Override
        public TaskExecutor executor() {
            return null;
        }
    }

    @Test
    void sharedBytesGoToATransportThatKeepsThemAsItsOwnViewSoTheNextConnectionGetsThemWhole() {
        ByteBuffer shared = ByteBuffer.wrap(new byte[] {1, 2, 3});
        KeepingChannel first = new KeepingChannel();
        KeepingChannel second = new KeepingChannel();

        first.writeShared(shared);
        first.flush();
        second.writeShared(shared);

        assertThat(first.kept.get(0)).isNotSameAs(shared);
        assertThat(shared.position()).isZero();
        assertThat(second.kept.get(0).remaining()).isEqualTo(3);
    }
}
