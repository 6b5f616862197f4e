package dev.tern.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.tern.application.storage.NoJournal;
import dev.tern.application.storage.SessionJournal;
import javax.inject.Singleton;

/**
 * Where state that must survive a restart goes. The in-memory backend keeps nothing beyond the
 * live state, so it journals nothing.
 */
@Module
interface StorageModule {

    @Provides
    @Singleton
    static SessionJournal journal() {
        return NoJournal.INSTANCE;
    }
}
