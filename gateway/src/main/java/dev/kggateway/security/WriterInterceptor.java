package dev.kggateway.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

@RequiresWriter
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class WriterInterceptor {

    @Inject
    AccessCheck check;

    @AroundInvoke
    Object around(InvocationContext ctx) throws Exception {
        check.require(Roles.WRITER, false);
        return ctx.proceed();
    }
}
