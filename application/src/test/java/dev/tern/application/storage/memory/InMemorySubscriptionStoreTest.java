package dev.tern.application.storage.memory;

import dev.tern.application.port.out.SubscriptionStore;
import dev.tern.application.storage.contract.SubscriptionStoreContract;

class InMemorySubscriptionStoreTest extends SubscriptionStoreContract {

    @Override
    protected SubscriptionStore createStore() {
        return new InMemorySubscriptionStore();
    }
}
