package dev.tern.e2e.hostile;

import static dev.tern.e2e.raw.ClientPackets.disconnect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.e2e.durability.BrokerProcess;
import dev.tern.e2e.raw.ConnectPacket;
import dev.tern.e2e.websocket.LoopbackCertificates;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reconnect storm: 5,000 clients, sixteen at a time, each doing a full TLS handshake (no
 * session resumption), CONNECT, CONNACK and DISCONNECT, as a fleet does after an outage. Every
 * one is answered, the heap stays bounded while the storm runs, nothing is left behind, and a
 * client on the plain TCP listener is served throughout. Sixteen at a time keeps both processes
 * far below this machine's 20,000 descriptors each.
 *
 * <p>Each client costs about 8 ms of processor time (both sides of a handshake), so the count is
 * what the test costs: 5,000 clients take some 25 s on two cores. What is left behind after the
 * storm may be {@value #HEAP_LEFT_MEGABYTES} MB of live heap, 800 bytes per client: anything a
 * connection's end fails to release (its channel, TLS engine or session) is larger, so a leak
 * shows as surely as it did with 10,000 clients and 8 MB. The storms so far left 1 MB at most
 * (15 MB before, 16 MB after, with 10,000 clients and with 5,000).
 */
@DisplayName("Hostile clients: a reconnect storm of 5,000 clients over TLS")
class TlsReconnectStormIT {

    private static final int CLIENTS = 5_000;
    private static final int HEAP_LEFT_MEGABYTES = 4;
    private static final int AT_ONCE = 16;
    private static final byte[] CONNACK_ACCEPTED = {0x20, 0x02, 0x00, 0x00};

    @TempDir
    Path dir;

    @Test
    void fiveThousandTlsReconnectsAreAllAnsweredInBoundedHeapAndLeaveNothingBehind() throws Exception {
        LoopbackCertificates certificates = LoopbackCertificates.writeTo(dir);
        int tlsPort = BrokerProcess.freePort();
        try (HostileBroker broker = HostileBroker.start(dir, "listeners.tls.enabled=true",
                "listeners.tls.port=" + tlsPort, "listeners.tls.cert-file=" + certificates.certFile(),
                "listeners.tls.key-file=" + certificates.keyFile())) {
            SSLContext tls = trusting(certificates.caFile());
            BrokerFootprint before = broker.footprint();
            BrokerFootprint during;
            AtomicInteger accepted = new AtomicInteger();
            List<String> failures = new CopyOnWriteArrayList<>();
            ExecutorService storm = Executors.newFixedThreadPool(AT_ONCE);
            long started = System.nanoTime();
            Duration testCpuBefore = ProcessHandle.current().info().totalCpuDuration().orElseThrow();
            try (Bystander bystander = Bystander.start(broker.port())) {
                List<Future<?>> clients = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    String clientId = "storm-" + i;
                    clients.add(storm.submit(() -> connectOnce(tls, tlsPort, clientId, accepted, failures)));
                }
                while (accepted.get() + failures.size() < CLIENTS / 2) {
                    Thread.sleep(100);
                }
                during = broker.footprint();
                for (Future<?> client : clients) {
                    client.get(5, TimeUnit.MINUTES);
                }
                bystander.assertServedWithin(Duration.ofSeconds(2), 10);
            } finally {
                storm.shutdownNow();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            Duration clientCpu = ProcessHandle.current().info().totalCpuDuration().orElseThrow().minus(testCpuBefore);
            assertThat(failures).as("clients not answered").isEmpty();
            assertThat(accepted.get()).isEqualTo(CLIENTS);
            BrokerFootprint after = broker.footprint();
            System.out.printf("TLS reconnect storm, %d clients in %s, processor time per client: broker %d ms, "
                    + "test JVM %d ms: before %s; during %s; after %s%n", CLIENTS, took,
                    after.cpu().minus(before.cpu()).toMillis() / CLIENTS, clientCpu.toMillis() / CLIENTS,
                    before, during, after);
            new FootprintBudget(32).assertHeld(before, during);
            new FootprintBudget(HEAP_LEFT_MEGABYTES).assertHeld(before, after);
            FootprintBudget.assertNoDescriptorsLeaked(before, after);
        }
    }

    /** One client of the storm: handshake, CONNECT, CONNACK, DISCONNECT; its TLS session is not resumed. */
    private static void connectOnce(SSLContext tls, int port, String clientId, AtomicInteger accepted,
            List<String> failures) {
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(30_000);
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            out.write(ConnectPacket.v311(clientId).toBytes());
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] connack = in.readNBytes(CONNACK_ACCEPTED.length);
            if (!Arrays.equals(connack, CONNACK_ACCEPTED)) {
                failures.add(clientId + ": " + HexFormat.of().formatHex(connack));
                return;
            }
            out.write(disconnect());
            out.flush();
            // Invalidated, the session is not offered for resumption: the next client's handshake is a full one.
            socket.getSession().invalidate();
            accepted.incrementAndGet();
        } catch (Exception e) {
            failures.add(clientId + ": " + e);
        }
    }

    private static SSLContext trusting(Path caFile) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream ca = Files.newInputStream(caFile)) {
            trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(ca));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
