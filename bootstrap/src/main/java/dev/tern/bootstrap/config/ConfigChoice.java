package dev.tern.bootstrap.config;

/** An enum whose constants are written in configuration as lower-case, dash-separated names. */
public interface ConfigChoice {

    String configName();
}
