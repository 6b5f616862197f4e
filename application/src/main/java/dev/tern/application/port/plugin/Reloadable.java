package dev.tern.application.port.plugin;

import dev.tern.application.port.in.admin.FileReload;
import java.util.List;

/**
 * An adapter whose files can be re-read on demand (the password and ACL files), besides however
 * it notices changes on its own.
 *
 * <p>Threading: {@link #reload()} may be called from any thread.
 */
public interface Reloadable {

    /** Re-reads every file now; a file that cannot be used keeps its previous content. */
    List<FileReload> reload();
}
