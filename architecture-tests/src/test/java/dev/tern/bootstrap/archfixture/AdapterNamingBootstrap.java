package dev.tern.bootstrap.archfixture;

import dev.tern.adapters.archfixture.EngineReachingAdapter;

/** Broken on purpose: bootstrap naming an adapter class instead of finding it through a provider. */
public final class AdapterNamingBootstrap {

    public Object adapter() {
        return new EngineReachingAdapter();
    }
}
