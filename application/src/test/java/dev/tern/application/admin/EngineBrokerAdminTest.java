package dev.tern.application.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.in.admin.AdminOutcome;
import dev.tern.application.port.in.admin.AdminPublish;
import dev.tern.application.port.in.admin.ClientQuery;
import dev.tern.application.port.in.admin.ClientSummary;
import dev.tern.application.port.in.admin.PageRequest;
import dev.tern.application.port.in.admin.RetainedView;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Subscribe;
import dev.tern.application.protocol.packet.TopicSubscription;
import dev.tern.application.sys.BrokerStatistics;
import dev.tern.application.testing.EngineHarness;
import dev.tern.domain.message.Qos;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The admin port over a real engine driven by hand. What needs no session hop is tested here;
 * the hops (detail, kick, subscribe on behalf) are covered end to end by bootstrap's AdminApiTest.
 */
class EngineBrokerAdminTest {

    private final EngineHarness engine = new EngineHarness();
    private final EngineBrokerAdmin admin = new EngineBrokerAdmin(engine.sessions, engine.subscribe,
            engine.sessionEnd, engine.publisher, engine.retained,
            BrokerStatistics.of(engine.traffic, engine.counters, engine.sessions, engine.retained, engine.index),
            new BrokerDescription("test", "node", "memory", Instant.EPOCH, List::of), List.of(), engine.clock);

    @Test
    void listsSessionsWithTheirLastConnection() {
        engine.client(ProtocolVersion.MQTT_5).connect("b-sensor", true, 60);
        engine.client().connect("a-sensor", true, 60);
        engine.client().connect("other", true, 60).drop();

        List<ClientSummary> all = admin.clients(ClientQuery.ALL, new PageRequest(1, 10)).items();
        assertThat(all).extracting(ClientSummary::clientId).containsExactly("a-sensor", "b-sensor");
        assertThat(all.get(1).protocolLevel()).isEqualTo(5);
        assertThat(all.get(1).connected()).isTrue();
        assertThat(all.get(1).address()).isNotNull();

        ClientQuery prefix = new ClientQuery(Optional.of("b-"), Optional.empty(), Optional.empty(), Optional.of(true));
        assertThat(admin.clients(prefix, new PageRequest(1, 10)).items()).extracting(ClientSummary::clientId)
                .containsExactly("b-sensor");
        assertThat(admin.clients(ClientQuery.ALL, new PageRequest(2, 1)).items()).extracting(ClientSummary::clientId)
                .containsExactly("b-sensor");
        assertThat(admin.clients(ClientQuery.ALL, new PageRequest(3, 1)).total()).isEqualTo(2);
    }

    @Test
    void publishesThroughThePublishPathAndRefusesBrokerTopics() {
        EngineHarness.Client subscriber = engine.client().connect("sub", true, 60);
        subscriber.send(new Subscribe(1, List.of(TopicSubscription.of("t/#", Qos.AT_LEAST_ONCE)), Properties.EMPTY));
        subscriber.channel.takeSent();

        AdminOutcome done = admin.publish(new AdminPublish("t/1", "hi".getBytes(StandardCharsets.UTF_8), 1, true,
                List.of()));
        engine.loop.runPending();
        assertThat(done).isInstanceOf(AdminOutcome.Done.class);
        assertThat(done.message()).contains("1 receiver");
        assertThat(subscriber.channel.takeSent()).hasSize(1);

        assertThat(admin.publish(new AdminPublish("$SYS/x", new byte[0], 0, false, List.of())))
                .isEqualTo(new AdminOutcome.Rejected("topic", "topics beginning with $ are the broker's own"));
        assertThat(admin.publish(new AdminPublish("a/+", new byte[0], 0, false, List.of())))
                .isInstanceOf(AdminOutcome.Rejected.class);
    }

    @Test
    void readsAndDeletesRetainedMessages() {
        admin.publish(new AdminPublish("r/a", "1".getBytes(StandardCharsets.UTF_8), 0, true, List.of()));
        admin.publish(new AdminPublish("r/b", "2".getBytes(StandardCharsets.UTF_8), 0, true, List.of()));
        assertThat(admin.retained("r/+", new PageRequest(1, 10)).items()).extracting(RetainedView::topic)
                .containsExactly("r/a", "r/b");
        assertThat(admin.retainedMessage("r/a")).map(RetainedView::publisherId).contains(AdminPublisher.PUBLISHER);

        assertThat(admin.deleteRetained("r/a")).isInstanceOf(AdminOutcome.Done.class);
        assertThat(admin.retainedMessage("r/a")).isEmpty();
        assertThat(admin.deleteRetained("r/a")).isInstanceOf(AdminOutcome.NotFound.class);
        assertThat(admin.deleteRetained("r/#")).isInstanceOf(AdminOutcome.Rejected.class);
    }

    @Test
    void summarizesTheCounts() {
        engine.client().connect("counted", true, 60);
        assertThat(admin.metricsSummary()).containsEntry("clients_connected", 1L).containsEntry("sessions", 1L);
        assertThat(admin.broker().nodeName()).isEqualTo("node");
    }

    @Test
    void unknownClientsAndBadInputNeedNoSession() {
        assertThat(admin.client("ghost")).isEmpty();
        assertThat(admin.kick("ghost", true)).isInstanceOf(AdminOutcome.NotFound.class);
        assertThat(admin.subscribe("ghost", "a", 0)).isInstanceOf(AdminOutcome.NotFound.class);
        assertThat(admin.subscribe("ghost", "a/#/b", 0)).extracting(o -> ((AdminOutcome.Rejected) o).field())
                .isEqualTo("filter");
        assertThat(admin.subscribe("ghost", "a", 3)).extracting(o -> ((AdminOutcome.Rejected) o).field())
                .isEqualTo("qos");
        assertThat(admin.reloadSecurity()).isEmpty();
    }
}
