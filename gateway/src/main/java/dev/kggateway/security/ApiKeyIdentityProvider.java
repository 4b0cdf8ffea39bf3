package dev.kggateway.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks an API key against kg.auth.api-keys. Keys are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}: constant time in the key's content, and equal-length inputs so the configured key's
 * length does not leak either. Every configured key is compared (no early exit), so timing does not tell which
 * position matched. The principal is a digest prefix, so logs can tell keys apart without showing them.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    @Inject
    AuthSettings settings;

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        byte[] offered = sha256(request.key());
        boolean match = false;
        for (String key : settings.current().apiKeys().orElse(List.of())) {
            if (key.isBlank()) {
                continue;
            }
            match |= MessageDigest.isEqual(offered, sha256(key.strip()));
        }
        if (!match) {
            return Uni.createFrom().failure(new AuthenticationFailedException("invalid API key"));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("api-key:" + HexFormat.of().formatHex(offered, 0, 4)))
                .addRole(Roles.WRITER)
                .addRole(Roles.READER)
                .build());
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
