package dev.tern.adapters.archfixture;

import dev.tern.application.session.SessionRegistry;

/** Broken on purpose: an adapter reaching past the stable API into the engine's session registry. */
public final class EngineReachingAdapter {

    public int sessions(SessionRegistry registry) {
        return registry.hashCode();
    }
}
