package dev.tern.adapters.storage.redis;

import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.client.codec.Codec;
import org.redisson.client.codec.StringCodec;
import org.redisson.codec.CompositeCodec;

/**
 * The Redisson codecs the stores use, chosen explicitly so that nothing falls back to Redisson's
 * default (binary Kryo) codec: key names, hash fields and set members are UTF-8 text that
 * {@code redis-cli} shows as written; values are the bytes of {@link StoredValues}.
 */
final class Codecs {

    /** Text members (client ids, packet ids, filters in an order set). */
    static final Codec TEXT = StringCodec.INSTANCE;

    /** Hashes with text fields and binary values. */
    static final Codec TEXT_TO_BYTES = new CompositeCodec(StringCodec.INSTANCE, ByteArrayCodec.INSTANCE,
            ByteArrayCodec.INSTANCE);

    /** Script arguments, passed as raw bytes. */
    static final Codec BYTES = ByteArrayCodec.INSTANCE;

    private Codecs() {
    }
}
