package dev.chorusbot.core;

import dev.chorusbot.core.time.Scheduler;

class InMemoryStateStoreContractTest extends StateStoreContract {
    @Override
    protected StateStore newStore() {
        return new InMemoryStateStore(Scheduler.system(), 10_000);
    }
}
