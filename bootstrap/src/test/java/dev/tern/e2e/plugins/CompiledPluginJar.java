package dev.tern.e2e.plugins;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a plug-in jar the way an outside team would, at test time: Java sources compiled against
 * the broker's class path with the JDK's compiler, their classes and a {@code META-INF/services}
 * file per provider kind in one jar. The classes exist nowhere else, so the broker can only find
 * them through the plug-ins directory.
 */
final class CompiledPluginJar {

    private CompiledPluginJar() {
    }

    /**
     * @param sources  Java source text by path below the source root ({@code com/example/A.java})
     * @param services provider class names by service interface name
     */
    static Path build(Path workDir, String jarName, Map<String, String> sources, Map<String, List<String>> services)
            throws IOException {
        Path sourceRoot = Files.createDirectories(workDir.resolve("src"));
        Path classes = Files.createDirectories(workDir.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(),
                "-classpath", System.getProperty("java.class.path"), "--release", "17"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceRoot.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler: run the tests on a JDK, not a JRE");
        }
        if (compiler.run(null, null, null, arguments.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("the plug-in sources did not compile (see the output above)");
        }
        Path jar = workDir.resolve(jarName);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                put(out, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
            for (Map.Entry<String, List<String>> service : services.entrySet()) {
                put(out, "META-INF/services/" + service.getKey(),
                        (String.join("\n", service.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar;
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }
}
