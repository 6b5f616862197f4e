package dev.tern.testkit.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * Raw-socket checks of what a TLS server answers: a client's first handshake flight (ClientHello)
 * to send by hand, and the first bytes that come back, so that a test can tell a server that began
 * the handshake (a ServerHello record, content type 22) from one that closed without a word.
 *
 * <p>Threading: stateless.
 */
public final class TlsProbe {

    /** The TLS record content type of handshake messages, which a ServerHello is. */
    public static final int HANDSHAKE_RECORD = 22;

    private TlsProbe() {
    }

    /** A ClientHello as the JDK's default TLS client sends it to {@code host}. */
    public static byte[] clientHello(String host) throws GeneralSecurityException, IOException {
        SSLEngine engine = SSLContext.getDefault().createSSLEngine(host, 443);
        engine.setUseClientMode(true);
        engine.beginHandshake();
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        engine.wrap(ByteBuffer.allocate(0), out);
        out.flip();
        byte[] hello = new byte[out.remaining()];
        out.get(hello);
        return hello;
    }

    /**
     * Sends a ClientHello on {@code socket} and returns the first byte that comes back, or -1 when
     * the server closed (or reset) the connection without sending any.
     *
     * @throws SocketTimeoutException when the server neither answers nor closes within the socket's timeout
     */
    public static int firstByteAfterClientHello(Socket socket) throws IOException, GeneralSecurityException {
        try {
            socket.getOutputStream().write(clientHello(socket.getInetAddress().getHostAddress()));
            socket.getOutputStream().flush();
        } catch (SocketException closedAlready) {
            return -1;
        }
        InputStream in = socket.getInputStream();
        try {
            return in.read();
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (SocketException reset) {
            return -1;
        }
    }
}
