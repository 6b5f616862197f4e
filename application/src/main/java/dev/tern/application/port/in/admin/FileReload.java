package dev.tern.application.port.in.admin;

/** One security file re-read: {@code problem} is null when it loaded, else why the previous content stays. */
public record FileReload(String kind, String path, String problem) {

    public boolean loaded() {
        return problem == null;
    }
}
