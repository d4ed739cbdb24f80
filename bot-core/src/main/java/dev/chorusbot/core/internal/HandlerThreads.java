package dev.chorusbot.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default executor for handlers: virtual threads when the JVM has them (Java 21+), otherwise
 * a bounded pool of daemon platform threads. Handlers may block on I/O, so the pool is larger than
 * the number of processors.
 */
public final class HandlerThreads {
    private HandlerThreads() {}

    /** Virtual threads on 21+, a bounded pool on 17. */
    public static ExecutorService create() {
        ExecutorService virtual = virtualThreadsIfAvailable();
        return virtual != null ? virtual : boundedPool(Math.max(8, Runtime.getRuntime().availableProcessors() * 4));
    }

    /** True when {@link #create()} returns virtual threads on this JVM. */
    public static boolean virtualThreadsAvailable() {
        return Runtime.version().feature() >= 21;
    }

    /** A pool of {@code threads} daemon threads named {@code chorus-handler-N}. */
    public static ExecutorService boundedPool(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "chorus-handler-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ExecutorService virtualThreadsIfAvailable() {
        if (!virtualThreadsAvailable()) {
            return null;
        }
        try {
            // Looked up reflectively: the code is compiled for Java 17, where the method is absent.
            return (ExecutorService) MethodHandles.publicLookup()
                    .findStatic(java.util.concurrent.Executors.class, "newVirtualThreadPerTaskExecutor",
                            MethodType.methodType(ExecutorService.class))
                    .invoke();
        } catch (Throwable e) {
            return null;
        }
    }
}
