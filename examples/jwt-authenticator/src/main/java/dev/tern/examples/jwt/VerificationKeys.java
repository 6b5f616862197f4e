package dev.tern.examples.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys tokens are checked against and the algorithms they allow: an HMAC secret allows only
 * HS*, an RSA key only RS* and PS*, an EC key only the ES algorithm of its curve. No key ever
 * allows {@code none}.
 */
record VerificationKeys(Set<JWSAlgorithm> algorithms, JWSKeySelector<SecurityContext> selector) {

    /** HS256 needs a key at least as long as its hash: 32 bytes. */
    static final int MIN_SECRET_BYTES = 32;

    static VerificationKeys load(JwtAuthenticatorProvider.Settings settings) {
        int sources = (settings.secretFile().isPresent() ? 1 : 0) + (settings.publicKeyFile().isPresent() ? 1 : 0)
                + (settings.jwksFile().isPresent() ? 1 : 0);
        if (sources != 1) {
            throw new IllegalArgumentException(
                    "security.jwt needs exactly one of secret-file, public-key-file or jwks-file; " + sources + " given");
        }
        try {
            if (settings.secretFile().isPresent()) {
                return secret(readSecret(settings.secretFile().get()));
            }
            if (settings.publicKeyFile().isPresent()) {
                return publicKey(readPem(settings.publicKeyFile().get()));
            }
            return jwkSet(JWKSet.load(settings.jwksFile().get().toFile()));
        } catch (IOException | GeneralSecurityException | java.text.ParseException | IllegalStateException e) {
            throw new IllegalArgumentException("security.jwt: cannot read the verification key: " + e.getMessage(), e);
        }
    }

    /** The file's bytes without the line end an editor or {@code echo} leaves at its end. */
    static byte[] readSecret(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        byte[] secret = text.stripTrailing().getBytes(StandardCharsets.UTF_8);
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("security.jwt.secret-file " + file + ": the secret must be at least "
                    + MIN_SECRET_BYTES + " bytes, it has " + secret.length);
        }
        return secret;
    }

    static VerificationKeys secret(byte[] secret) {
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>(List.of(JWSAlgorithm.HS256));
        if (secret.length >= 48) {
            algorithms.add(JWSAlgorithm.HS384);
        }
        if (secret.length >= 64) {
            algorithms.add(JWSAlgorithm.HS512);
        }
        return single(algorithms, new SecretKeySpec(secret, "HmacSHA256"));
    }

    static VerificationKeys publicKey(PublicKey key) {
        if (key instanceof RSAPublicKey) {
            return single(rsaAlgorithms(), key);
        }
        if (key instanceof ECPublicKey ec) {
            Curve curve = Curve.forECParameterSpec(ec.getParams());
            JWSAlgorithm algorithm = ecAlgorithm(curve);
            if (algorithm == null) {
                throw new IllegalArgumentException("security.jwt: unsupported EC curve " + curve);
            }
            return single(Set.of(algorithm), key);
        }
        throw new IllegalArgumentException("security.jwt: the public key must be RSA or EC, not " + key.getAlgorithm());
    }

    static VerificationKeys jwkSet(JWKSet set) {
        List<JWK> usable = new ArrayList<>();
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
        for (JWK jwk : set.getKeys()) {
            if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
                continue;
            }
            Set<JWSAlgorithm> supported = new LinkedHashSet<>();
            if (jwk instanceof RSAKey) {
                supported.addAll(rsaAlgorithms());
            } else if (jwk instanceof ECKey ec && ecAlgorithm(ec.getCurve()) != null) {
                supported.add(ecAlgorithm(ec.getCurve()));
            } else if (jwk instanceof OctetSequenceKey oct && oct.toByteArray().length >= MIN_SECRET_BYTES) {
                supported.addAll(secret(oct.toByteArray()).algorithms());
            }
            if (jwk.getAlgorithm() != null) {
                // A key that names its algorithm allows that one only.
                supported.retainAll(Set.of(JWSAlgorithm.parse(jwk.getAlgorithm().getName())));
            }
            if (!supported.isEmpty()) {
                algorithms.addAll(supported);
                usable.add(jwk instanceof OctetSequenceKey ? jwk : jwk.toPublicJWK());
            }
        }
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("security.jwt.jwks-file holds no RSA, EC or HMAC signing key");
        }
        return new VerificationKeys(Set.copyOf(algorithms),
                new JWSVerificationKeySelector<>(Set.copyOf(algorithms), new ImmutableJWKSet<>(new JWKSet(usable))));
    }

    private static Set<JWSAlgorithm> rsaAlgorithms() {
        return Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
                JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512);
    }

    private static JWSAlgorithm ecAlgorithm(Curve curve) {
        if (Curve.P_256.equals(curve)) {
            return JWSAlgorithm.ES256;
        }
        if (Curve.P_384.equals(curve)) {
            return JWSAlgorithm.ES384;
        }
        if (Curve.P_521.equals(curve)) {
            return JWSAlgorithm.ES512;
        }
        return null;
    }

    /** One key whatever the token's {@code kid}: there is nothing to choose from. */
    private static VerificationKeys single(Set<JWSAlgorithm> algorithms, Key key) {
        Set<JWSAlgorithm> allowed = Set.copyOf(algorithms);
        JWSKeySelector<SecurityContext> selector = (header, context) -> {
            if (!allowed.contains(header.getAlgorithm())) {
                return List.of();
            }
            return List.of(key);
        };
        return new VerificationKeys(allowed, selector);
    }

    /**
     * A PEM {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo, RSA or EC) or {@code CERTIFICATE}.
     */
    static PublicKey readPem(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        if (pem.contains("-----BEGIN CERTIFICATE-----")) {
            return CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .getPublicKey();
        }
        int begin = pem.indexOf("-----BEGIN PUBLIC KEY-----");
        int end = pem.indexOf("-----END PUBLIC KEY-----");
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("security.jwt.public-key-file " + file
                    + ": expected a PEM PUBLIC KEY or CERTIFICATE");
        }
        String base64 = pem.substring(begin + "-----BEGIN PUBLIC KEY-----".length(), end).replaceAll("\\s", "");
        X509EncodedKeySpec spec = new X509EncodedKeySpec(Base64.getDecoder().decode(base64));
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(spec);
            } catch (java.security.spec.InvalidKeySpecException notThisOne) {
                // try the next kind
            }
        }
        throw new IllegalArgumentException("security.jwt.public-key-file " + file + ": neither an RSA nor an EC key");
    }
}
