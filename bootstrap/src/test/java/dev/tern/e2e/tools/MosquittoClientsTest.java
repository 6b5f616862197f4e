package dev.tern.e2e.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.bootstrap.TernBroker;
import dev.tern.bootstrap.config.CommandLine;
import dev.tern.bootstrap.config.CommandLineResult;
import dev.tern.bootstrap.config.ConfigLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tern as the broker of the Mosquitto command-line clients, as a device fleet's scripts use it. */
class MosquittoClientsTest {

    private TernBroker broker;
    private String port;

    @BeforeEach
    void startBroker() throws Exception {
        CommandLine commandLine = ((CommandLineResult.Run) CommandLine.parse(
                List.of("--set", "storage.backend=memory", "--set", "listeners.tcp.port=0", "--set", "listeners.websocket.port=0",
                        "--set", "admin.http.port=0"))).commandLine();
        broker = TernBroker.start(ConfigLoader.load(commandLine, Map.of()));
        port = String.valueOf(broker.port("tcp"));
    }

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    private MosquittoTool.Running subscribe(String... extra) throws Exception {
        String[] args = new String[extra.length + 5];
        args[0] = "-h";
        args[1] = "127.0.0.1";
        args[2] = "-p";
        args[3] = port;
        args[4] = "-d";
        System.arraycopy(extra, 0, args, 5, extra.length);
        MosquittoTool.Running sub = new MosquittoTool.Running("mosquitto_sub", args);
        sub.awaitLine("SUBACK", 5_000);
        return sub;
    }

    private int publish(String... args) throws Exception {
        String[] all = new String[args.length + 4];
        all[0] = "-h";
        all[1] = "127.0.0.1";
        all[2] = "-p";
        all[3] = port;
        System.arraycopy(args, 0, all, 4, args.length);
        return MosquittoTool.run(10, "mosquitto_pub", all);
    }

    @Test
    void mosquittoSubReceivesWhatMosquittoPubSendsAtEachQos() throws Exception {
        try (MosquittoTool.Running sub = subscribe("-t", "fleet/#", "-q", "2", "-F", "%q %t %p")) {
            for (int qos = 0; qos <= 2; qos++) {
                assertThat(publish("-t", "fleet/q" + qos, "-m", "hello " + qos, "-q", String.valueOf(qos))).isZero();
            }
            sub.awaitExactLine("0 fleet/q0 hello 0", 5_000);
            sub.awaitExactLine("1 fleet/q1 hello 1", 5_000);
            sub.awaitExactLine("2 fleet/q2 hello 2", 5_000);
        }
    }

    @Test
    void aRetainedMessageFromMosquittoPubReachesALaterMosquittoSubWithTheRetainFlag() throws Exception {
        assertThat(publish("-t", "fleet/config", "-m", "rate=5", "-r", "-q", "1")).isZero();

        try (MosquittoTool.Running sub = new MosquittoTool.Running("mosquitto_sub", "-h", "127.0.0.1", "-p", port,
                "-t", "fleet/config", "-C", "1", "-F", "%r %t %p")) {
            sub.awaitExactLine("1 fleet/config rate=5", 5_000);
        }
    }

    @Test
    void theWillOfAKilledMosquittoSubIsPublished() throws Exception {
        try (MosquittoTool.Running watcher = subscribe("-t", "fleet/+/status", "-v")) {
            MosquittoTool.Running device = subscribe("-t", "fleet/commands", "-i", "device-7",
                    "--will-topic", "fleet/device-7/status", "--will-payload", "offline", "--will-qos", "1");
            device.kill();

            watcher.awaitExactLine("fleet/device-7/status offline", 5_000);
        }
    }
}
