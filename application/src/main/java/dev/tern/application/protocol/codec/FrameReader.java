package dev.tern.application.protocol.codec;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Finds packet boundaries in a byte stream: the fixed header (type byte and Remaining Length) and
 * then the body. A body that arrived whole is read in place from the caller's buffer; only an
 * incomplete one is copied into an internal buffer, which is reused and released when large. A
 * large body assembled there may be kept by the decoded packet ({@link #bodyMayBeKept}): its
 * payload is then that buffer's tail instead of one more copy.
 *
 * <p>Usage per frame: {@link #readHeader} until {@link Status#HEADER}, then {@link #readBody}
 * until it returns a buffer, decode it, then {@link #finish}. Not thread-safe: one per connection.
 */
final class FrameReader {

    enum Status { NEED_MORE, HEADER, LENGTH_TOO_LONG }

    /** Larger partial buffers are released after use so that one big packet does not pin memory. */
    private static final int RETAINED_BUFFER_BYTES = 64 * 1024;
    private static final int NO_LIMIT = -1;
    private static final int MIN_GROWTH_BYTES = 1024;
    /**
     * Once this share of a body has arrived, the buffer takes the body's whole size at once instead
     * of doubling on: a large packet is copied into its final buffer about once, not once per
     * doubling, and memory stays bounded by what the client actually sent (at most this many times).
     */
    private static final int WHOLE_BODY_AFTER_ONE_IN = 8;
    /** Bodies from this size on may be kept by their packet; below it a copy is cheaper than a new buffer. */
    static final int KEEPABLE_BODY_BYTES = 4096;

    private int firstByte = -1;
    private int remainingLength;
    private int lengthBytes;
    private boolean headerDone;

    /** Shared by every reader that holds no partial frame: an idle connection buffers nothing. */
    private static final byte[] NONE = new byte[0];

    private byte[] partial = NONE;
    /** A view of {@link #partial}, made with it; null while that is {@link #NONE}. */
    private ByteBuffer partialView;
    private int partialFill;
    private boolean bodyFromPartial;

    private int callerLimit = NO_LIMIT;
    private int callerBodyEnd;

    /** Reads as much of the fixed header as {@code in} holds. */
    Status readHeader(ByteBuffer in) {
        if (headerDone) {
            return Status.HEADER;
        }
        if (firstByte < 0) {
            if (!in.hasRemaining()) {
                return Status.NEED_MORE;
            }
            firstByte = in.get() & 0xFF;
        }
        while (in.hasRemaining()) {
            int b = in.get() & 0xFF;
            remainingLength |= (b & 0x7F) << (7 * lengthBytes);
            lengthBytes++;
            if ((b & 0x80) == 0) {
                headerDone = true;
                return Status.HEADER;
            }
            if (lengthBytes == VariableByteInteger.MAX_BYTES) {
                // A continuation bit on the fourth byte: [MQTT-1.5.5-1] / 2.2.3 allow at most four.
                return Status.LENGTH_TOO_LONG;
            }
        }
        return Status.NEED_MORE;
    }

    int firstByte() {
        return firstByte;
    }

    int remainingLength() {
        return remainingLength;
    }

    /** The size of the whole packet: fixed header plus Remaining Length. */
    long packetSize() {
        return 1L + lengthBytes + remainingLength;
    }

    /**
     * The body, positioned at its start and limited to its end, or null when more input is needed
     * (what arrived is then buffered and {@code in} is consumed).
     */
    ByteBuffer readBody(ByteBuffer in) {
        if (partialFill == 0 && in.remaining() >= remainingLength) {
            callerLimit = in.limit();
            callerBodyEnd = in.position() + remainingLength;
            in.limit(callerBodyEnd);
            return in;
        }
        int chunk = Math.min(in.remaining(), remainingLength - partialFill);
        ensureCapacity(partialFill + chunk);
        in.get(partial, partialFill, chunk);
        partialFill += chunk;
        if (partialFill < remainingLength) {
            return null;
        }
        bodyFromPartial = true;
        partialView.clear().limit(remainingLength);
        return partialView;
    }

    /**
     * Grows the buffer with what has arrived, doubling until an eighth of the announced length is
     * there, then to the whole length: a client that announces a large Remaining Length and sends
     * little costs memory for what it sent, not for what it announced (one header of 268 MB must not
     * allocate 268 MB).
     */
    private void ensureCapacity(int needed) {
        if (partial.length >= needed) {
            return;
        }
        long size = (long) needed * WHOLE_BODY_AFTER_ONE_IN >= remainingLength
                ? remainingLength
                : Math.min(remainingLength, Math.max(needed, Math.max(MIN_GROWTH_BYTES, 2L * partial.length)));
        partial = Arrays.copyOf(partial, (int) size);
        partialView = ByteBuffer.wrap(partial);
    }

    /**
     * Whether the body {@link #readBody} just returned lies in a buffer of this reader's that the
     * decoded packet may keep (a large body assembled in a buffer of about its own size): then
     * {@link #finish} with {@code kept} true lets go of that buffer instead of reusing it.
     */
    boolean bodyMayBeKept() {
        return bodyFromPartial && remainingLength >= KEEPABLE_BODY_BYTES
                && partial.length - remainingLength <= remainingLength / 4;
    }

    /** The bytes still missing from the frame whose header has been read; 0 between frames. */
    int bytesAwaited() {
        return headerDone ? remainingLength - partialFill : 0;
    }

    /** The bytes the partial buffer holds room for now. */
    int bufferCapacity() {
        return partial.length;
    }

    /**
     * Ends the current frame: restores the caller's buffer past the body and resets the header.
     * {@code kept}: the decoded packet holds on to the body's buffer ({@link #bodyMayBeKept}), so
     * it must never be written again.
     */
    void finish(ByteBuffer in, boolean kept) {
        if (callerLimit != NO_LIMIT) {
            in.limit(callerLimit);
            in.position(callerBodyEnd);
            callerLimit = NO_LIMIT;
        }
        if (bodyFromPartial && (kept || partial.length > RETAINED_BUFFER_BYTES)) {
            partial = NONE;
            partialView = null;
        }
        bodyFromPartial = false;
        partialFill = 0;
        firstByte = -1;
        remainingLength = 0;
        lengthBytes = 0;
        headerDone = false;
    }
}
