package dev.tern.testkit.storage;

import dev.tern.application.port.out.SubscriptionStore;
import dev.tern.application.storage.memory.InMemorySubscriptionStore;

class InMemorySubscriptionStoreTest extends SubscriptionStoreContract {

    @Override
    protected SubscriptionStore createStore() {
        return new InMemorySubscriptionStore();
    }
}
