package dev.tern.adapters.storage.h2;

/** The probe found the database file damaged or not a Tern database; {@link H2Storage#open} decides what follows. */
final class DamagedDatabaseException extends Exception {

    DamagedDatabaseException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
