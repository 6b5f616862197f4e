package dev.tern.adapters.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class TcpListenerConfigTest {

    @Test
    void defaultsToSixtyFourKibHighWaterMarkAndEpoll() {
        TcpListenerConfig config = TcpListenerConfig.withDefaults("0.0.0.0", 1883);

        assertThat(config.writeBufferLowWaterMark()).isEqualTo(32 * 1024);
        assertThat(config.writeBufferHighWaterMark()).isEqualTo(64 * 1024);
        assertThat(config.preferEpoll()).isTrue();
    }

    @Test
    void defaultsToOneEventLoopPerTwoProcessorsAndAtLeastOne() {
        TcpListenerConfig config = TcpListenerConfig.withDefaults("0.0.0.0", 1883);

        assertThat(config.effectiveIoThreads(1)).isEqualTo(1);
        assertThat(config.effectiveIoThreads(2)).isEqualTo(1);
        assertThat(config.effectiveIoThreads(3)).isEqualTo(1);
        assertThat(config.effectiveIoThreads(8)).isEqualTo(4);
    }

    @Test
    void keepsAnExplicitEventLoopCountWhateverTheProcessors() {
        TcpListenerConfig config = new TcpListenerConfig("0.0.0.0", 1883, 3, 1, 2, true);

        assertThat(config.effectiveIoThreads(2)).isEqualTo(3);
        assertThat(config.effectiveIoThreads(16)).isEqualTo(3);
    }

    @Test
    void rejectsPortsOutsideTheTcpRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> TcpListenerConfig.withDefaults("h", 65_536));
        assertThatIllegalArgumentException().isThrownBy(() -> TcpListenerConfig.withDefaults("h", -1));
    }

    @Test
    void rejectsABlankHost() {
        assertThatIllegalArgumentException().isThrownBy(() -> TcpListenerConfig.withDefaults(" ", 1883));
    }

    @Test
    void rejectsNegativeThreadsAndInvertedWaterMarks() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TcpListenerConfig("h", 1883, -1, 1, 2, true));
        assertThatIllegalArgumentException().isThrownBy(() -> new TcpListenerConfig("h", 1883, 0, 0, 2, true));
        assertThatIllegalArgumentException().isThrownBy(() -> new TcpListenerConfig("h", 1883, 0, 3, 2, true));
    }

    @Test
    void readsSixteenKibPerConnectionPerTurnUnlessToldOtherwise() {
        assertThat(TcpListenerConfig.withDefaults("h", 1883).readBytesPerTurn()).isEqualTo(16 * 1024);
        assertThat(new TcpListenerConfig("h", 1883, 0, 1, 2, true, 1024 * 1024).readBytesPerTurn()).isEqualTo(1024 * 1024);
    }

    @Test
    void rejectsAReadBudgetBelowOneKibOrAboveNettysOwnDefault() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TcpListenerConfig("h", 1883, 0, 1, 2, true, 1023));
        assertThatIllegalArgumentException().isThrownBy(() -> new TcpListenerConfig("h", 1883, 0, 1, 2, true, 1024 * 1024 + 1));
    }
}
