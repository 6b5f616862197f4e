package dev.tern.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The production classes of every Tern module, imported once per test JVM.
 *
 * <p>Test classes are left out (they live under {@code target/test-classes}), which also keeps
 * the deliberately broken fixtures in {@code dev.tern.domain.archfixture} away from the real
 * rules. Thread-safe: the holder idiom imports on first use.
 */
final class ProductionClasses {

    private ProductionClasses() {
    }

    static JavaClasses all() {
        return Holder.CLASSES;
    }

    private static final class Holder {
        static final JavaClasses CLASSES = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("dev.tern");
    }
}
