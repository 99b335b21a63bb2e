package io.kehu.platform.api.web;

import io.kehu.platform.api.ApiScopes;
import io.kehu.platform.api.ApiTokens;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authentication of one API request: the token and the user it acts as. Lives only in the request's security
 * context (never in a session).
 */
public final class ApiCaller extends AbstractAuthenticationToken {

    private final transient ApiTokens.Authenticated authenticated;

    ApiCaller(ApiTokens.Authenticated authenticated) {
        super(authorities(authenticated.actor()));
        this.authenticated = authenticated;
        setAuthenticated(true);
    }

    /** The actor's roles as authorities (a loop: made on every request, where a stream cost several times more). */
    private static List<GrantedAuthority> authorities(Actor actor) {
        List<GrantedAuthority> authorities = new ArrayList<>(actor.roles().size());
        for (Role role : actor.roles()) {
            authorities.add(new SimpleGrantedAuthority(role.authority()));
        }
        return authorities;
    }

    /** The caller of the current API request. */
    public static ApiCaller current() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ApiCaller caller) {
            return caller;
        }
        throw new IllegalStateException("Not an API request authenticated by a token");
    }

    public Actor actor() {
        return authenticated.actor();
    }

    public long tokenId() {
        return authenticated.token().id();
    }

    public ApiScopes scopes() {
        return authenticated.token().scopes();
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return authenticated.actor().username();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiCaller other && other.tokenId() == tokenId() && super.equals(o);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(tokenId());
    }

}
