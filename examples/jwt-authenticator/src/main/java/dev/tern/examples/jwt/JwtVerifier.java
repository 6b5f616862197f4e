package dev.tern.examples.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Checks one token: its signature by Nimbus JOSE+JWT against the configured keys (with only their
 * algorithms), then {@code exp} (required), {@code nbf}, {@code iss} and {@code aud} against the
 * broker's clock, and reads the user name claim.
 *
 * <p>Threading: immutable; any thread. A check takes tens of microseconds (RSA/EC verify), so it
 * runs on the connection's event loop.
 */
final class JwtVerifier {

    /** What a token proved, or why it proved nothing. */
    sealed interface Verdict {
        record Valid(String username) implements Verdict {
        }

        record Invalid(String reason) implements Verdict {
        }
    }

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String usernameClaim;

    JwtVerifier(VerificationKeys keys, Optional<String> audience, Optional<String> issuer, String usernameClaim,
            Duration clockSkew, Clock clock) {
        this.usernameClaim = usernameClaim;
        processor.setJWSKeySelector(keys.selector());
        processor.setJWTClaimsSetVerifier((claims, context) -> checkClaims(claims, audience, issuer, clockSkew, clock));
    }

    Verdict verify(String token) {
        if (token == null || token.isBlank()) {
            return new Verdict.Invalid("no token");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token.strip(), null);
        } catch (ParseException e) {
            return new Verdict.Invalid("not a JWT: " + e.getMessage());
        } catch (BadJOSEException | JOSEException e) {
            return new Verdict.Invalid(e.getMessage());
        }
        Object username = claims.getClaim(usernameClaim);
        if (!(username instanceof String name) || name.isEmpty()) {
            return new Verdict.Invalid("no string claim " + usernameClaim + " for the user name");
        }
        return new Verdict.Valid(name);
    }

    private static void checkClaims(JWTClaimsSet claims, Optional<String> audience, Optional<String> issuer,
            Duration clockSkew, Clock clock) throws BadJWTException {
        Instant now = clock.instant();
        Date expiry = claims.getExpirationTime();
        if (expiry == null) {
            throw new BadJWTException("no exp claim");
        }
        if (!now.isBefore(expiry.toInstant().plus(clockSkew))) {
            throw new BadJWTException("expired at " + expiry.toInstant());
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(clockSkew).isBefore(notBefore.toInstant())) {
            throw new BadJWTException("not valid before " + notBefore.toInstant());
        }
        if (issuer.isPresent() && !issuer.get().equals(claims.getIssuer())) {
            throw new BadJWTException("issuer " + claims.getIssuer() + " is not " + issuer.get());
        }
        List<String> audiences = claims.getAudience();
        if (audience.isPresent() && (audiences == null || !audiences.contains(audience.get()))) {
            throw new BadJWTException("audience " + audiences + " does not contain " + audience.get());
        }
    }
}
