package dev.tern.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.application.port.out.ClientIdentity;
import dev.tern.domain.topic.TopicFilter;
import dev.tern.domain.topic.TopicName;
import java.util.List;
import org.junit.jupiter.api.Test;

class AclRulesTest {

    private static final AclRules RULES = AclFile.parse(List.of(
            "# anonymous",
            "topic read public/#",
            "",
            "user alice",
            "topic readwrite alice/#",
            "topic deny alice/secret/#",
            "topic write sensors/+/temperature",
            "topic read $SYS/broker/uptime",
            "user bob",
            "topic news",
            "pattern readwrite devices/%c/#",
            "pattern read inbox/%u/#",
            "pattern deny private/%u/#"));

    private static final ClientIdentity ALICE = new ClientIdentity("alice-phone", "alice");
    private static final ClientIdentity BOB = new ClientIdentity("bob-pc", "bob");
    private static final ClientIdentity ANONYMOUS = new ClientIdentity("somebody", null);

    @Test
    void grantsReadWriteAndReadwriteSeparately() {
        assertThat(publish(ANONYMOUS, "public/news")).isFalse();
        assertThat(subscribe(ANONYMOUS, "public/news")).isTrue();
        assertThat(publish(ALICE, "sensors/kitchen/temperature")).isTrue();
        assertThat(subscribe(ALICE, "sensors/kitchen/temperature")).isFalse();
        assertThat(publish(ALICE, "alice/notes")).isTrue();
        assertThat(subscribe(ALICE, "alice/notes")).isTrue();
    }

    @Test
    void accessWordDefaultsToReadwrite() {
        assertThat(publish(BOB, "news")).isTrue();
        assertThat(subscribe(BOB, "news")).isTrue();
    }

    @Test
    void refusesWhatNoRuleGrants() {
        assertThat(publish(BOB, "alice/notes")).isFalse();
        assertThat(subscribe(ANONYMOUS, "#")).isFalse();
        assertThat(publish(new ClientIdentity("x", "carol"), "news")).isFalse();
    }

    @Test
    void denyWinsOverAGrantForPublishAndForSubscriptionsItCoversWhole() {
        assertThat(publish(ALICE, "alice/secret/diary")).isFalse();
        assertThat(subscribe(ALICE, "alice/secret/#")).isFalse();
        assertThat(subscribe(ALICE, "alice/secret/+")).isFalse();
        assertThat(subscribe(ALICE, "alice/secret")).isFalse();
        assertThat(subscribe(ALICE, "alice/notes/+")).isTrue();
    }

    @Test
    void leniencyGrantsAWildcardThatAlsoReachesDeniedTopicsWhichTheReadCheckWithholds() {
        // As Mosquitto and EMQX: "everything except alice/secret/..." is expressible.
        assertThat(subscribe(ALICE, "alice/#")).isTrue();
        assertThat(subscribe(ALICE, "alice/+")).isTrue();
        assertThat(subscribe(ALICE, "alice/+/diary")).isTrue();
        assertThat(read(ALICE, "alice/secret/diary")).isFalse();
        assertThat(read(ALICE, "alice/secret")).isFalse();
        assertThat(read(ALICE, "alice/notes")).isTrue();
    }

    @Test
    void strictnessRefusesEverySubscriptionThatCouldReachADeniedTopic() {
        assertThat(strictSubscribe(ALICE, "alice/#")).isFalse();
        // alice/+ matches alice/secret, which alice/secret/# also matches [MQTT-4.7.1-2].
        assertThat(strictSubscribe(ALICE, "alice/+")).isFalse();
        assertThat(strictSubscribe(ALICE, "alice/+/diary")).isFalse();
        assertThat(strictSubscribe(ALICE, "alice/secret/#")).isFalse();
        assertThat(strictSubscribe(ALICE, "alice/notes/+")).isTrue();
        assertThat(strictSubscribe(BOB, "inbox/bob/#")).isTrue();
    }

    @Test
    void neitherModeGrantsWhatNoReadRuleCovers() {
        for (WildcardSubscriptions mode : WildcardSubscriptions.values()) {
            assertThat(RULES.canSubscribe(ALICE, TopicFilter.parse("#"), mode)).as(mode.name()).isFalse();
            assertThat(RULES.canSubscribe(ANONYMOUS, TopicFilter.parse("+/news"), mode)).as(mode.name()).isFalse();
        }
    }

    @Test
    void readingATopicNeedsAReadGrantAndNoMatchingDeny() {
        assertThat(read(ALICE, "alice/notes")).isTrue();
        assertThat(read(ALICE, "alice/secret/diary")).isFalse();
        assertThat(read(ALICE, "sensors/kitchen/temperature")).isFalse();
        assertThat(read(ANONYMOUS, "public/news")).isTrue();
        assertThat(read(BOB, "inbox/bob/1")).isTrue();
        assertThat(read(BOB, "inbox/alice/1")).isFalse();
    }

    @Test
    void aSubscriptionMustFitInsideAReadRule() {
        assertThat(subscribe(ANONYMOUS, "public/+/weather")).isTrue();
        assertThat(subscribe(ANONYMOUS, "public")).isTrue();
        assertThat(subscribe(ANONYMOUS, "+/news")).isFalse();
        assertThat(subscribe(new ClientIdentity("c", "carol"), "$share/g/inbox/carol/#")).isTrue();
    }

    @Test
    void wildcardRulesDoNotReachDollarTopics() {
        AclRules everything = AclFile.parse(List.of("topic readwrite #"));
        assertThat(everything.canPublish(ANONYMOUS, new TopicName("$SYS/x"))).isFalse();
        assertThat(everything.canSubscribe(ANONYMOUS, TopicFilter.parse("$SYS/#"), WildcardSubscriptions.LENIENT)).isFalse();
        assertThat(subscribe(ALICE, "$SYS/broker/uptime")).isTrue();
    }

    @Test
    void substitutesUserNameAndClientIdInPatterns() {
        assertThat(publish(ALICE, "devices/alice-phone/battery")).isTrue();
        assertThat(publish(ALICE, "devices/bob-pc/battery")).isFalse();
        assertThat(subscribe(BOB, "inbox/bob/#")).isTrue();
        assertThat(subscribe(BOB, "inbox/alice/#")).isFalse();
        assertThat(subscribe(ANONYMOUS, "inbox/null/#")).isFalse();
    }

    @Test
    void anIdentityWithWildcardsOrSlashesNeverWidensAPattern() {
        ClientIdentity hashUser = new ClientIdentity("ok", "a/#");
        ClientIdentity plusClient = new ClientIdentity("+", "bob");
        ClientIdentity slashClient = new ClientIdentity("bob-pc/../x", "bob");

        assertThat(subscribe(hashUser, "inbox/a/#")).isFalse();
        assertThat(subscribe(hashUser, "inbox/a/anything")).isFalse();
        assertThat(publish(plusClient, "devices/bob-pc/battery")).isFalse();
        assertThat(publish(plusClient, "devices/anyone/battery")).isFalse();
        assertThat(publish(slashClient, "devices/bob-pc/../x/battery")).isFalse();
    }

    @Test
    void aDenyPatternWithAnUnsafeIdentityDeniesForEveryone() {
        AclRules rules = AclFile.parse(List.of("user a/#", "topic readwrite private/#", "pattern deny private/%u/#"));
        ClientIdentity unsafe = new ClientIdentity("c", "a/#");

        assertThat(rules.canPublish(unsafe, new TopicName("private/anyone/x"))).isFalse();
        assertThat(rules.canPublish(unsafe, new TopicName("private"))).isTrue();
    }

    @Test
    void namesTheBrokenLine() {
        assertThatThrownBy(() -> AclFile.parse(List.of("user a", "topic read a/#/b")))
                .hasMessageStartingWith("line 2:");
        assertThatThrownBy(() -> AclFile.parse(List.of("allow everything"))).hasMessageContaining("line 1");
        assertThatThrownBy(() -> AclFile.parse(List.of("topic read"))).hasMessageContaining("needs a topic filter");
    }

    private static boolean publish(ClientIdentity client, String topic) {
        return RULES.canPublish(client, new TopicName(topic));
    }

    private static boolean subscribe(ClientIdentity client, String filter) {
        return RULES.canSubscribe(client, TopicFilter.parse(filter), WildcardSubscriptions.LENIENT);
    }

    private static boolean strictSubscribe(ClientIdentity client, String filter) {
        return RULES.canSubscribe(client, TopicFilter.parse(filter), WildcardSubscriptions.STRICT);
    }

    private static boolean read(ClientIdentity client, String topic) {
        return RULES.canRead(client, new TopicName(topic));
    }
}
