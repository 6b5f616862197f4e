package dev.tern.examples.unix;

import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** An octal file mode ({@code 660}, {@code 0600}) as POSIX permissions; no set-id or sticky bits. */
final class FileMode {

    private static final PosixFilePermission[] BITS = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };

    private FileMode() {
    }

    /** @throws IllegalArgumentException unless three octal digits, optionally after a 0 */
    static Set<PosixFilePermission> parse(String mode) {
        if (mode == null || !mode.matches("0?[0-7]{3}")) {
            throw new IllegalArgumentException("file-mode must be three octal digits such as 660: " + mode);
        }
        int bits = Integer.parseInt(mode, 8);
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < BITS.length; i++) {
            if ((bits & (1 << i)) != 0) {
                permissions.add(BITS[i]);
            }
        }
        return permissions;
    }
}
