/**
 * The broker as an administrator sees it: sessions, retained messages, publishing, the broker's
 * description and counts, the security files. Driven by admin listeners (the admin HTTP API).
 */
package dev.tern.application.port.in.admin;
