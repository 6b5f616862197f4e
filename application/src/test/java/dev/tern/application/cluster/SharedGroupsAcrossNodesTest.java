package dev.tern.application.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.domain.message.Qos;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Shared subscriptions span nodes: each message goes to exactly one member of a group cluster-wide (4.8.2). */
class SharedGroupsAcrossNodesTest {

    private final RoutingCluster cluster = new RoutingCluster();

    @Test
    void aGroupWhoseMembersAreAllOnAnotherNodeStillReceives() {
        RoutingNode a = cluster.node("a");
        RoutingNode b = cluster.node("b");
        RoutingNode.Client member = b.client().connect("member").subscribe("$share/g/jobs/+", Qos.AT_LEAST_ONCE);
        RoutingNode.Client publisher = a.client().connect("pub");
        cluster.settle();
        member.sent();

        publisher.publish("jobs/1", Qos.AT_LEAST_ONCE, "one");
        publisher.publish("jobs/2", Qos.AT_LEAST_ONCE, "two");
        cluster.settle();

        assertThat(member.received()).extracting(RoutingNode::body).containsExactly("one", "two");
    }

    @Test
    void givesEachMessageToExactlyOneMemberAcrossThreeNodes() {
        RoutingNode a = cluster.node("a");
        RoutingNode b = cluster.node("b");
        RoutingNode c = cluster.node("c");
        List<RoutingNode.Client> members = new ArrayList<>();
        members.add(a.client().connect("a1").subscribe("$share/g/t", Qos.AT_MOST_ONCE));
        members.add(b.client().connect("b1").subscribe("$share/g/t", Qos.AT_MOST_ONCE));
        members.add(b.client().connect("b2").subscribe("$share/g/t", Qos.AT_MOST_ONCE));
        members.add(c.client().connect("c1").subscribe("$share/g/t", Qos.AT_MOST_ONCE));
        RoutingNode.Client plain = c.client().connect("plain").subscribe("t", Qos.AT_MOST_ONCE);
        RoutingNode.Client publisher = a.client().connect("pub");
        cluster.settle();
        members.forEach(RoutingNode.Client::sent);
        plain.sent();

        IntStream.range(0, 12).forEach(i -> publisher.publish("t", Qos.AT_MOST_ONCE, "m" + i));
        cluster.settle();

        List<String> got = new ArrayList<>();
        List<Integer> perMember = new ArrayList<>();
        for (RoutingNode.Client member : members) {
            List<String> bodies = member.received().stream().map(RoutingNode::body).toList();
            got.addAll(bodies);
            perMember.add(bodies.size());
        }
        assertThat(got).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 12).mapToObj(i -> "m" + i).toList());
        // Round robin over a's member and the two other nodes; b hands its share to its two members in turn.
        assertThat(perMember).containsExactly(4, 2, 2, 4);
        assertThat(plain.received()).hasSize(12);
    }

    @Test
    void aMessageLeftByAnEndingMemberGoesToAMemberOnAnotherNode() {
        RoutingNode a = cluster.node("a");
        RoutingNode b = cluster.node("b");
        RoutingNode.Client leaving = a.client().connectPersistent("leaving", true, 10)
                .subscribe("$share/g/t", Qos.AT_LEAST_ONCE);
        RoutingNode.Client publisher = a.client().connect("pub");
        cluster.settle();
        leaving.drop();
        publisher.publish("t", Qos.AT_LEAST_ONCE, "held");
        cluster.settle();
        RoutingNode.Client other = b.client().connect("other").subscribe("$share/g/t", Qos.AT_LEAST_ONCE);
        cluster.settle();
        other.sent();

        a.loop.advance(10_000);
        cluster.settle();

        assertThat(other.received()).extracting(RoutingNode::body).containsExactly("held");
    }
}
