package dev.tern.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The standalone broker's default for Netty's buffer leak detector, and the operator's say over it. */
class MainLeakDetectionTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(Main.LEAK_DETECTION);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(Main.LEAK_DETECTION);
        } else {
            System.setProperty(Main.LEAK_DETECTION, before);
        }
    }

    @Test
    void turnsTheLeakDetectorOffWhenNobodyAskedForIt() {
        System.clearProperty(Main.LEAK_DETECTION);

        Main.leakDetectionOffUnlessAsked();

        assertThat(System.getProperty(Main.LEAK_DETECTION)).isEqualTo("disabled");
    }

    @Test
    void keepsTheLevelAnOperatorSet() {
        System.setProperty(Main.LEAK_DETECTION, "paranoid");

        Main.leakDetectionOffUnlessAsked();

        assertThat(System.getProperty(Main.LEAK_DETECTION)).isEqualTo("paranoid");
    }
}
