package dev.tern.application.port.plugin;

/** The settings record of a provider that reads none. */
public record NoSettings() {
}
