package dev.kggateway.security;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/**
 * A key pair generated for the test run (never committed): the public half configures the gateway's JWT
 * verification, the private half signs test tokens. Stored under target/ because the Quarkus app and the test
 * class may live in different class loaders; both read the same files.
 */
public final class TestKeys {

    public static final String ISSUER = "https://test-issuer.kg-gateway.dev";
    static final Path DIR = Path.of("target/jwt-test-keys");

    private TestKeys() {
    }

    /** Path of the public key PEM, generating the pair on first use. */
    public static synchronized String publicKeyLocation() {
        try {
            Path pub = DIR.resolve("public.pem");
            if (!Files.exists(pub)) {
                Files.createDirectories(DIR);
                KeyPair pair = generate();
                Files.writeString(DIR.resolve("private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
            return pub.toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static PrivateKey privateKey() {
        publicKeyLocation();
        try {
            String pem = Files.readString(DIR.resolve("private.pem")).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid token for this issuer with the given roles (groups claim). */
    public static String token(String... groups) {
        return Jwt.issuer(ISSUER).upn("test-user").groups(Set.of(groups)).expiresIn(300).sign(privateKey());
    }

    /** Signed by a key the gateway does not trust. */
    public static String tokenFromOtherKey(String... groups) {
        return Jwt.issuer(ISSUER).upn("mallory").groups(Set.of(groups)).expiresIn(300).sign(generate().getPrivate());
    }

    /** Correctly signed but expired an hour ago. */
    public static String expiredToken(String... groups) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(ISSUER).upn("test-user").groups(Set.of(groups)).issuedAt(now - 7200).expiresAt(now - 3600)
                .sign(privateKey());
    }
}
