package dev.tern.examples.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.tern.application.port.out.AuthResult;
import dev.tern.application.port.out.AuthStep;
import dev.tern.application.port.out.Credentials;
import dev.tern.application.port.out.EnhancedAuthenticator;
import dev.tern.application.port.plugin.Authentication;
import dev.tern.application.port.plugin.AuthenticatorProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtAuthenticatorTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String SECRET = "0123456789abcdef0123456789abcdef-tern-secret";

    private static KeyPair rsa;
    private static KeyPair ec;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator rsaGenerator = KeyPairGenerator.getInstance("RSA");
        rsaGenerator.initialize(2048);
        rsa = rsaGenerator.generateKeyPair();
        KeyPairGenerator ecGenerator = KeyPairGenerator.getInstance("EC");
        ecGenerator.initialize(new ECGenParameterSpec("secp256r1"));
        ec = ecGenerator.generateKeyPair();
    }

    // --- helpers

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().subject("sensor-7").issuer("https://issuer.example")
                .audience("tern").expirationTime(Date.from(NOW.plusSeconds(600)));
    }

    private static String sign(JWSAlgorithm algorithm, JWSSigner signer, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static String hs256(JWTClaimsSet claims) throws Exception {
        return sign(JWSAlgorithm.HS256, new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)), claims);
    }

    private static String rs256(JWTClaimsSet claims) throws Exception {
        return sign(JWSAlgorithm.RS256, new RSASSASigner(rsa.getPrivate()), claims);
    }

    private static String es256(JWTClaimsSet claims) throws Exception {
        return sign(JWSAlgorithm.ES256, new ECDSASigner((ECPrivateKey) ec.getPrivate()), claims);
    }

    private static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    private static JwtAuthenticatorProvider.Settings settings(Path secret, Path publicKey, Path jwks,
            UnaryOperator<JwtAuthenticatorProvider.Settings> tweak) {
        JwtAuthenticatorProvider.Settings settings = new JwtAuthenticatorProvider.Settings(Optional.ofNullable(secret),
                Optional.ofNullable(publicKey), Optional.ofNullable(jwks), Optional.of("tern"),
                Optional.of("https://issuer.example"), "sub", Duration.ofSeconds(60));
        return tweak.apply(settings);
    }

    private Authentication withSecret() throws Exception {
        Path file = Files.writeString(dir.resolve("secret"), SECRET + "\n");
        return new JwtAuthenticatorProvider().create(settings(file, null, null, s -> s), CLOCK);
    }

    private Authentication withRsaPem() throws Exception {
        Path file = Files.writeString(dir.resolve("rsa.pem"), pem(rsa.getPublic()));
        return new JwtAuthenticatorProvider().create(settings(null, file, null, s -> s), CLOCK);
    }

    private Authentication withJwks() throws Exception {
        JWKSet set = new JWKSet(java.util.List.of(
                new RSAKey.Builder((RSAPublicKey) rsa.getPublic()).keyID("rsa-1").build(),
                new ECKey.Builder(Curve.P_256, (ECPublicKey) ec.getPublic()).keyID("ec-1").build()));
        Path file = Files.writeString(dir.resolve("jwks.json"), set.toString());
        return new JwtAuthenticatorProvider().create(settings(null, null, file, s -> s), CLOCK);
    }

    private static AuthResult password(Authentication authentication, String token) {
        return authentication.authenticator()
                .authenticate(new Credentials("client-1", "anything", token == null ? null
                        : token.getBytes(StandardCharsets.UTF_8), null, "127.0.0.1:5000"))
                .toCompletableFuture().join();
    }

    private static void assertAllowed(AuthResult result, String username) {
        assertThat(result).isEqualTo(new AuthResult.Allowed(username));
    }

    private static void assertRefused(AuthResult result, String reasonPart) {
        assertThat(result).isInstanceOf(AuthResult.Refused.class);
        AuthResult.Refused refused = (AuthResult.Refused) result;
        assertThat(refused.reasonCode()).isEqualTo(0x86);
        assertThat(refused.reason()).containsIgnoringCase(reasonPart);
    }

    // --- valid tokens

    @Test
    void aValidHs256TokenLetsTheClientInAsItsSubject() throws Exception {
        assertAllowed(password(withSecret(), hs256(claims().build())), "sensor-7");
    }

    @Test
    void aValidRs256TokenPassesAgainstAPemPublicKey() throws Exception {
        assertAllowed(password(withRsaPem(), rs256(claims().build())), "sensor-7");
    }

    @Test
    void aValidEs256TokenPassesAgainstAPemPublicKey() throws Exception {
        Path file = Files.writeString(dir.resolve("ec.pem"), pem(ec.getPublic()));
        Authentication authentication = new JwtAuthenticatorProvider().create(settings(null, file, null, s -> s), CLOCK);
        assertAllowed(password(authentication, es256(claims().build())), "sensor-7");
    }

    @Test
    void aJwkSetServesRs256AndEs256Tokens() throws Exception {
        Authentication authentication = withJwks();
        assertAllowed(password(authentication, rs256(claims().build())), "sensor-7");
        assertAllowed(password(authentication, es256(claims().build())), "sensor-7");
        SignedJWT withKid = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-1").build(),
                claims().build());
        withKid.sign(new ECDSASigner((ECPrivateKey) ec.getPrivate()));
        assertAllowed(password(authentication, withKid.serialize()), "sensor-7");
        SignedJWT unknownKid = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-2").build(),
                claims().build());
        unknownKid.sign(new ECDSASigner((ECPrivateKey) ec.getPrivate()));
        assertRefused(password(authentication, unknownKid.serialize()), "");
    }

    @Test
    void theUserNameClaimIsConfigurable() throws Exception {
        Path file = Files.writeString(dir.resolve("secret"), SECRET);
        Authentication authentication = new JwtAuthenticatorProvider().create(settings(file, null, null,
                s -> new JwtAuthenticatorProvider.Settings(s.secretFile(), s.publicKeyFile(), s.jwksFile(), s.audience(),
                        s.issuer(), "device", s.clockSkew())), CLOCK);
        assertAllowed(password(authentication, hs256(claims().claim("device", "pump-3").build())), "pump-3");
        assertRefused(password(authentication, hs256(claims().build())), "device");
    }

    @Test
    void anExpiryWithinTheClockSkewIsStillAccepted() throws Exception {
        assertAllowed(password(withSecret(), hs256(claims().expirationTime(Date.from(NOW.minusSeconds(30))).build())),
                "sensor-7");
    }

    // --- refusals

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        assertRefused(password(withSecret(), hs256(claims().expirationTime(Date.from(NOW.minusSeconds(61))).build())),
                "expired");
    }

    @Test
    void aTokenWithoutExpiryIsRefused() throws Exception {
        assertRefused(password(withSecret(), hs256(claims().expirationTime(null).build())), "exp");
    }

    @Test
    void aNotYetValidTokenIsRefused() throws Exception {
        assertRefused(password(withSecret(), hs256(claims().notBeforeTime(Date.from(NOW.plusSeconds(120))).build())),
                "not valid before");
    }

    @Test
    void aWrongAudienceIsRefused() throws Exception {
        assertRefused(password(withSecret(), hs256(claims().audience("someone-else").build())), "audience");
    }

    @Test
    void aWrongIssuerIsRefused() throws Exception {
        assertRefused(password(withSecret(), hs256(claims().issuer("https://evil.example").build())), "issuer");
    }

    @Test
    void aTamperedTokenIsRefused() throws Exception {
        String token = rs256(claims().build());
        String[] parts = token.split("\\.");
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims().subject("admin").build().toString().getBytes(StandardCharsets.UTF_8));
        assertRefused(password(withRsaPem(), parts[0] + "." + payload + "." + parts[2]), "signature");
        // And a flipped signature byte on an otherwise intact token.
        char last = token.charAt(token.length() - 2);
        String flipped = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        assertThat(password(withRsaPem(), flipped)).isInstanceOf(AuthResult.Refused.class);
    }

    @Test
    void algNoneIsRefused() throws Exception {
        String unsigned = new PlainJWT(claims().build()).serialize();
        assertRefused(password(withSecret(), unsigned), "");
        assertRefused(password(withRsaPem(), unsigned), "");
    }

    @Test
    void anHs256TokenMadeWithTheRsaPublicKeyAsSecretIsRefused() throws Exception {
        Authentication authentication = withRsaPem();
        byte[] pemBytes = pem(rsa.getPublic()).getBytes(StandardCharsets.US_ASCII);
        assertRefused(password(authentication, sign(JWSAlgorithm.HS256, new MACSigner(pemBytes), claims().build())), "");
        byte[] derBytes = rsa.getPublic().getEncoded();
        assertRefused(password(authentication, sign(JWSAlgorithm.HS256, new MACSigner(derBytes), claims().build())), "");
        // The same confusion against a JWK set that holds only public keys.
        assertRefused(password(withJwks(), sign(JWSAlgorithm.HS256, new MACSigner(derBytes), claims().build())), "");
    }

    @Test
    void anRs256TokenIsRefusedWhereOnlyTheSecretIsConfigured() throws Exception {
        assertRefused(password(withSecret(), rs256(claims().build())), "");
    }

    @Test
    void noPasswordAndGarbageAreRefused() throws Exception {
        assertRefused(password(withSecret(), null), "no token");
        assertRefused(password(withSecret(), "not.a.jwt"), "");
    }

    // --- MQTT 5 enhanced authentication

    @Test
    void theJwtMethodAcceptsAValidTokenInOneStep() throws Exception {
        EnhancedAuthenticator method = withSecret().enhancedMethods().get(0);
        assertThat(method.method()).isEqualTo("JWT");
        AuthStep step = method.begin("client-1", "sensor-7").step(hs256(claims().build()).getBytes(StandardCharsets.UTF_8));
        assertThat(step).isInstanceOf(AuthStep.Success.class);
    }

    @Test
    void theJwtMethodRefusesBadTokensAndAnotherUserName() throws Exception {
        EnhancedAuthenticator method = withSecret().enhancedMethods().get(0);
        byte[] valid = hs256(claims().build()).getBytes(StandardCharsets.UTF_8);
        assertThat(method.begin("client-1", "someone-else").step(valid))
                .isInstanceOfSatisfying(AuthStep.Failure.class, f -> assertThat(f.reasonCode()).isEqualTo(0x87));
        assertThat(method.begin("client-1", null).step(valid))
                .isInstanceOfSatisfying(AuthStep.Failure.class, f -> assertThat(f.reasonCode()).isEqualTo(0x87));
        byte[] expired = hs256(claims().expirationTime(Date.from(NOW.minusSeconds(3600))).build())
                .getBytes(StandardCharsets.UTF_8);
        assertThat(method.begin("client-1", "sensor-7").step(expired))
                .isInstanceOfSatisfying(AuthStep.Failure.class, f -> assertThat(f.reasonCode()).isEqualTo(0x86));
        assertThat(method.begin("client-1", "sensor-7").step(null)).isInstanceOf(AuthStep.Failure.class);
    }

    // --- settings

    @Test
    void exactlyOneKeySourceIsRequired() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), SECRET);
        Path rsaPem = Files.writeString(dir.resolve("rsa.pem"), pem(rsa.getPublic()));
        assertThatThrownBy(() -> new JwtAuthenticatorProvider().create(settings(null, null, null, s -> s), CLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> new JwtAuthenticatorProvider().create(settings(secret, rsaPem, null, s -> s), CLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one");
    }

    @Test
    void aShortSecretOrAMissingFileIsRefusedAtStart() throws Exception {
        Path shortSecret = Files.writeString(dir.resolve("short"), "too-short");
        assertThatThrownBy(() -> new JwtAuthenticatorProvider().create(settings(shortSecret, null, null, s -> s), CLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> new JwtAuthenticatorProvider().create(
                settings(dir.resolve("missing"), null, null, s -> s), CLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing");
    }

    @Test
    @SuppressWarnings("rawtypes")
    void theProviderIsFoundByServiceLoader() {
        assertThat(ServiceLoader.load(AuthenticatorProvider.class).stream().map(ServiceLoader.Provider::get)
                .map(AuthenticatorProvider::name)).contains("jwt");
    }
}
