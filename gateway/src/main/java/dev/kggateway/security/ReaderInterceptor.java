package dev.kggateway.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

@RequiresReader
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class ReaderInterceptor {

    @Inject
    AccessCheck check;

    @AroundInvoke
    Object around(InvocationContext ctx) throws Exception {
        check.require(Roles.READER, true);
        return ctx.proceed();
    }
}
