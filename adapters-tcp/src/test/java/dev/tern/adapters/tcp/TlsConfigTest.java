package dev.tern.adapters.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlsConfigTest {

    private static final Path CHAIN = Path.of("chain.pem");
    private static final Path KEY = Path.of("key.pem");

    @Test
    void defaultsToTls13And12() {
        assertThat(TlsConfig.pem(CHAIN, KEY).protocols()).containsExactly("TLSv1.3", "TLSv1.2");
    }

    @Test
    void needsEitherPemFilesOrAPkcs12File() {
        assertThatThrownBy(() -> new TlsConfig(null, null, null, null, List.of(), List.of(),
                TlsConfig.ClientAuth.NONE, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TlsConfig(CHAIN, KEY, Path.of("k.p12"), null, List.of(), List.of(),
                TlsConfig.ClientAuth.NONE, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TlsConfig(CHAIN, null, null, null, List.of(), List.of(),
                TlsConfig.ClientAuth.NONE, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clientCertificatesNeedACaBundle() {
        assertThatThrownBy(() -> new TlsConfig(CHAIN, KEY, null, null, List.of(), List.of(),
                TlsConfig.ClientAuth.REQUIRE, null, null)).hasMessageContaining("CA bundle");
        assertThatThrownBy(() -> new TlsConfig(CHAIN, KEY, null, null, List.of(), List.of(),
                TlsConfig.ClientAuth.NONE, null, Path.of("ca.crl"))).hasMessageContaining("CA bundle");
    }

    @Test
    void neverShowsThePkcs12PasswordAndCopiesIt() {
        char[] password = "secret".toCharArray();
        TlsConfig config = new TlsConfig(null, null, Path.of("k.p12"), password, List.of(), List.of(),
                TlsConfig.ClientAuth.NONE, null, null);
        password[0] = 'X';

        assertThat(config.pkcs12Password()).containsExactly("secret".toCharArray());
        assertThat(config.toString()).doesNotContain("secret");
    }

    @Test
    void findsTheCommonNameOfADistinguishedName() {
        assertThat(PeerCertificateIdentity.commonName("CN=alice,O=Tern Tests,C=DE")).isEqualTo("alice");
        assertThat(PeerCertificateIdentity.commonName("O=Tern Tests")).isNull();
    }
}
