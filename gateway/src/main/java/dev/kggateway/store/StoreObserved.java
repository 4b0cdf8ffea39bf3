package dev.kggateway.store;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Put on GraphStore (one line, so the store package stays the remote-store engineer's): every select/ask/update
 * gets a latency timer per named query, a trace span, and the store circuit breaker.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StoreObserved {
}
