package dev.tern.adapters.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading replies: whole replies are consumed, errors anywhere inside them are found. */
class RespRepliesTest {

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void skipsANestedArrayWithBulkStringsHoldingLineBreaks() throws Exception {
        InputStream in = stream("*3\r\n:1\r\n$4\r\na\r\nb\r\n*2\r\n$-1\r\n+OK\r\n+NEXT\r\n");

        assertThat(RespReplies.skip(in)).isNull();
        assertThat(RespReplies.line(in)).isEqualTo("+NEXT");
    }

    @Test
    void reportsTheErrorInsideAnArray() throws Exception {
        InputStream in = stream("*2\r\n:1\r\n-WRONGTYPE Operation against a key\r\n");

        assertThat(RespReplies.skip(in)).isEqualTo("WRONGTYPE Operation against a key");
    }

    @Test
    void failsOnAReplyCutShort() {
        assertThatThrownBy(() -> RespReplies.skip(stream("*2\r\n:1\r\n"))).isInstanceOf(EOFException.class);
    }
}
