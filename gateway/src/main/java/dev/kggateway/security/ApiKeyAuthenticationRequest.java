package dev.kggateway.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The value of an X-API-Key header, to be checked by {@link ApiKeyIdentityProvider}. */
public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {
    private final String key;

    public ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
