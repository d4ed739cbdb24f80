package dev.chorusbot.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HandlerThreadsTest {

    @Test
    void usesVirtualThreadsExactlyWhenTheJvmHasThem() throws Exception {
        ExecutorService executor = HandlerThreads.create();
        try {
            AtomicReference<String> kind = new AtomicReference<>();
            executor.submit(() -> kind.set(Thread.currentThread().toString())).get(10, TimeUnit.SECONDS);
            if (Runtime.version().feature() >= 21) {
                assertThat(kind.get()).startsWith("VirtualThread");
            } else {
                assertThat(kind.get()).contains("chorus-handler-");
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
