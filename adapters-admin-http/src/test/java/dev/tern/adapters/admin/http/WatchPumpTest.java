package dev.tern.adapters.admin.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.in.admin.WatchedMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WatchPumpTest {

    private static final Instant AT = Instant.parse("2026-12-06T20:00:00Z");

    private static WatchedMessage message(String topic, byte[] payload) {
        return new WatchedMessage(topic, 1, false, payload, AT);
    }

    @Test
    void framesEachMessageAsOneDataEventTextOrBase64() {
        WatchBuffer buffer = new WatchBuffer(8);
        buffer.offer(message("a/b", "on\nline".getBytes(StandardCharsets.UTF_8)));
        buffer.offer(message("a/c", new byte[] {(byte) 0xff, 0}));
        List<String> written = new ArrayList<>();
        WatchPump pump = new WatchPump(buffer, frames -> {
            written.add(frames);
            if (written.size() == 2) {
                buffer.close();
            }
        }, 10_000, 60_000, System::currentTimeMillis);

        assertThat(pump.run()).isEqualTo(WatchPump.End.WATCH_CLOSED);
        assertThat(written.get(0)).isEqualTo(SseFrames.KEEP_ALIVE);
        assertThat(written.get(1)).isEqualTo(
                "data: {\"topic\": \"a/b\", \"qos\": 1, \"retain\": false, \"payload\": \"on\\nline\", \"at\": \"2026-12-06T20:00:00Z\"}\n\n"
                + "data: {\"topic\": \"a/c\", \"qos\": 1, \"retain\": false, \"payload_base64\": \"/wA=\", \"at\": \"2026-12-06T20:00:00Z\"}\n\n");
    }

    @Test
    void aFullBufferDropsTheOldestAndSaysHowMany() throws Exception {
        WatchBuffer buffer = new WatchBuffer(3);
        for (int i = 1; i <= 5; i++) {
            buffer.offer(message("t/" + i, new byte[0]));
        }
        WatchBuffer.Batch batch = buffer.take(0);
        assertThat(batch.dropped()).isEqualTo(2);
        assertThat(batch.messages()).extracting(entry -> entry.message().topic()).containsExactly("t/3", "t/4", "t/5");
        assertThat(SseFrames.dropped(batch.dropped())).isEqualTo("event: dropped\ndata: {\"dropped\": 2}\n\n");
        assertThat(buffer.take(0).isEmpty()).isTrue();
    }

    @Test
    void largePayloadsAreCutAndMarked() throws Exception {
        WatchBuffer buffer = new WatchBuffer(1);
        buffer.offer(message("big", new byte[WatchBuffer.MAX_PAYLOAD + 10]));
        WatchBuffer.Entry entry = buffer.take(0).messages().get(0);
        assertThat(entry.message().payload()).hasSize(WatchBuffer.MAX_PAYLOAD);
        assertThat(SseFrames.message(entry)).contains("\"truncated\": true, \"size\": " + (WatchBuffer.MAX_PAYLOAD + 10));
    }

    @Test
    void quietStreamsGetKeepAlivesAndEndAtTheMaximumDuration() {
        AtomicLong now = new AtomicLong();
        List<String> written = new ArrayList<>();
        WatchPump pump = new WatchPump(new WatchBuffer(4), frames -> {
            written.add(frames);
            now.addAndGet(40);
        }, 1, 100, now::get);

        assertThat(pump.run()).isEqualTo(WatchPump.End.MAX_DURATION);
        assertThat(written).startsWith(SseFrames.KEEP_ALIVE, SseFrames.KEEP_ALIVE)
                .endsWith("event: end\ndata: {\"reason\": \"max_duration\"}\n\n");
    }

    @Test
    void aFailedWriteMeansTheClientIsGone() {
        WatchPump pump = new WatchPump(new WatchBuffer(4), frames -> {
            throw new IOException("broken pipe");
        }, 1, 60_000, System::currentTimeMillis);
        assertThat(pump.run()).isEqualTo(WatchPump.End.CLIENT_GONE);
    }
}
