package dev.tern.adapters.tcp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sits right after the {@code SslHandler}: a failed handshake (an untrusted, expired or revoked
 * client certificate, a plain-text client on the TLS port, a protocol mismatch) is the peer's
 * problem, so it becomes one INFO line without a stack trace, and the connection is closed. TLS
 * errors after the handshake are logged at DEBUG and close the connection the same way; every
 * other failure passes on to the engine handler.
 *
 * <p>Threading: one instance per channel, on its event loop.
 */
final class TlsHandshakeHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(TlsHandshakeHandler.class);

    private boolean handshakeFailed;

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent completion && !completion.isSuccess()) {
            handshakeFailed = true;
            LOG.info("TLS handshake with {} failed: {}", ctx.channel().remoteAddress(),
                    rootMessage(completion.cause()));
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!isTlsFailure(cause)) {
            ctx.fireExceptionCaught(cause);
            return;
        }
        if (!handshakeFailed) {
            LOG.debug("TLS failure on {}: {}", ctx.channel().remoteAddress(), rootMessage(cause));
        }
        ctx.close();
    }

    private static boolean isTlsFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message says what went wrong ("PKIX path validation failed: ... revoked"). */
    private static String rootMessage(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == cause ? String.valueOf(cause.getMessage())
                : cause.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
