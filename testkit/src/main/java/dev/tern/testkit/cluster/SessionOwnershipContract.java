package dev.tern.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.cluster.SessionOwnership;
import dev.tern.application.port.cluster.SessionOwnership.Claim;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SessionOwnership} must do: claims with growing epochs, the two-step move
 * (claim, then seal), adoption by {@code claimFrom}, release. Extend it once per backend (see
 * {@link ClusterContract}).
 */
public abstract class SessionOwnershipContract extends ClusterContract {

    private static final String CLIENT = "sensor-7";

    private SessionOwnership ownership(String nodeId) {
        return join(nodeId).ownership();
    }

    /** The first claim of an id has no previous owner; the claimer owns it. */
    @Test
    void theFirstClaimHasNoPreviousOwner() {
        SessionOwnership a = ownership("a");

        Claim claim = a.claim(CLIENT);

        assertThat(claim.clientId()).isEqualTo(CLIENT);
        assertThat(claim.epoch()).isPositive();
        assertThat(claim.hadOwner()).isFalse();
        assertThat(a.ownedBy("a")).containsExactly(CLIENT);
    }

    /** A claim by another node gets a higher epoch, names the owner before, and moves the id. */
    @Test
    void aLaterClaimGetsAHigherEpochAndNamesThePreviousOwner() {
        SessionOwnership a = ownership("a");
        SessionOwnership b = ownership("b");
        Claim first = a.claim(CLIENT);

        Claim second = b.claim(CLIENT);

        assertThat(second.epoch()).isGreaterThan(first.epoch());
        assertThat(second.previousOwner()).isEqualTo("a");
        assertThat(a.ownedBy("b")).containsExactly(CLIENT);
        assertThat(a.ownedBy("a")).isEmpty();
    }

    /** The owner seals with its epoch; a node whose claim was overtaken cannot. */
    @Test
    void onlyTheLatestClaimSeals() {
        SessionOwnership a = ownership("a");
        SessionOwnership b = ownership("b");
        Claim overtaken = a.claim(CLIENT);
        Claim latest = b.claim(CLIENT);

        assertThat(a.seal(CLIENT, overtaken.epoch())).isFalse();
        assertThat(b.seal(CLIENT, latest.epoch())).isTrue();
    }

    /** An id claimed again by the same node gets a new epoch; the old one no longer seals. */
    @Test
    void claimingAgainReplacesTheEpoch() {
        SessionOwnership a = ownership("a");
        Claim first = a.claim(CLIENT);

        Claim again = a.claim(CLIENT);

        assertThat(again.epoch()).isGreaterThan(first.epoch());
        assertThat(again.previousOwner()).isEqualTo("a");
        assertThat(a.seal(CLIENT, first.epoch())).isFalse();
        assertThat(a.seal(CLIENT, again.epoch())).isTrue();
    }

    /** Epochs keep growing after the id was released and claimed anew, so an old epoch never comes back. */
    @Test
    void epochsKeepGrowingAfterARelease() {
        SessionOwnership a = ownership("a");
        SessionOwnership b = ownership("b");
        Claim first = a.claim(CLIENT);
        a.release(CLIENT, first.epoch());

        Claim next = b.claim(CLIENT);

        assertThat(next.epoch()).isGreaterThan(first.epoch());
        assertThat(next.hadOwner()).isFalse();
    }

    /** Releasing gives the id up: nobody owns it, and there is nothing to adopt. */
    @Test
    void releasingGivesTheIdUp() {
        SessionOwnership a = ownership("a");
        SessionOwnership b = ownership("b");
        Claim claim = a.claim(CLIENT);

        a.release(CLIENT, claim.epoch());

        assertThat(a.ownedBy("a")).isEmpty();
        assertThat(b.claimFrom(CLIENT, "a")).isEmpty();
    }

    /** A release with an overtaken epoch leaves the new owner's claim alone. */
    @Test
    void releasingAnOvertakenEpochChangesNothing() {
        SessionOwnership a = ownership("a");
        SessionOwnership b = ownership("b");
        Claim overtaken = a.claim(CLIENT);
        Claim latest = b.claim(CLIENT);

        a.release(CLIENT, overtaken.epoch());

        assertThat(b.ownedBy("b")).containsExactly(CLIENT);
        assertThat(b.seal(CLIENT, latest.epoch())).isTrue();
    }

    /** Adoption takes an id only from the node expected to own it, sealed at once, with a higher epoch. */
    @Test
    void claimFromTakesOnlyFromTheExpectedOwner() {
        SessionOwnership departed = ownership("gone");
        SessionOwnership adopter = ownership("adopter");
        Claim before = departed.claim(CLIENT);

        assertThat(adopter.claimFrom(CLIENT, "someone-else")).isEmpty();
        Claim adopted = adopter.claimFrom(CLIENT, "gone").orElseThrow();

        assertThat(adopted.epoch()).isGreaterThan(before.epoch());
        assertThat(adopted.previousOwner()).isEqualTo("gone");
        assertThat(adopter.ownedBy("adopter")).containsExactly(CLIENT);
        assertThat(adopter.ownedBy("gone")).isEmpty();
        // Sealed: the departed node's epoch no longer seals, nor would it write.
        assertThat(departed.seal(CLIENT, before.epoch())).isFalse();
    }

    /** An id nobody owns is not adopted: its client may have ended its session. */
    @Test
    void claimFromNobodyIsEmpty() {
        assertThat(ownership("adopter").claimFrom(CLIENT, "gone")).isEmpty();
    }

    /** ownedBy lists exactly the ids a node owns now. */
    @Test
    void ownedByListsWhatEachNodeOwns() {
        SessionOwnership a = ownership("a");
        SessionOwnership b = ownership("b");
        a.claim("one");
        a.claim("two");
        b.claim("three");
        b.claim("two");

        assertThat(a.ownedBy("a")).containsExactly("one");
        assertThat(a.ownedBy("b")).containsExactlyInAnyOrder("two", "three");
        assertThat(a.ownedBy("c")).isEmpty();
    }

    /** Concurrent claims of one id on several nodes end with one owner: only the highest epoch seals. */
    @Test
    void concurrentClaimsEndWithExactlyOneOwner() throws Exception {
        List<SessionOwnership> nodes = new ArrayList<>();
        for (String node : List.of("a", "b", "c", "d")) {
            nodes.add(ownership(node));
        }

        List<Claim> claims = Races.all(nodes.stream().map(n -> (Callable<Claim>) () -> n.claim(CLIENT)).toList());
        List<Boolean> sealed = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            sealed.add(nodes.get(i).seal(CLIENT, claims.get(i).epoch()));
        }

        assertThat(claims).extracting(Claim::epoch).doesNotHaveDuplicates();
        assertThat(sealed).containsOnlyOnce(true);
        Claim winner = claims.get(sealed.indexOf(true));
        assertThat(claims).allSatisfy(c -> assertThat(c.epoch()).isLessThanOrEqualTo(winner.epoch()));
        assertThat(nodes.get(0).ownedBy(List.of("a", "b", "c", "d").get(sealed.indexOf(true)))).containsExactly(CLIENT);
    }
}
